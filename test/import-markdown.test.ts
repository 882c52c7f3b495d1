import { cpSync, existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import { pathToFileURL } from 'node:url';
import { Document, ExternalHyperlink, ImageRun, Packer, Paragraph, TextRun } from 'docx';
import { describe, expect, it } from 'vitest';
import { formatImportReport, planImport, writeImport, type ImportOptions } from '../src/authoring/import';
import { replaceErb } from '../src/authoring/import/erb';
import { mapForeignFrontMatter, readReviewInterval } from '../src/authoring/import/foreign-front-matter';
import { rewriteLinks, siteRoot } from '../src/authoring/import/links';
import { markdownToMdast, mdastToMarkdown } from '../src/authoring/import/mdast';
import { loadWiki } from '../src/core/load/load-wiki';
import { parseFrontMatter } from '../src/core/frontmatter';
import { parseIsoDate } from '../src/core/dates';
import { validateWiki } from '../src/validate/validate';
import { MINI_WIKI, ROOT, tempDir } from './helpers';
import { IMPORT_TODAY, importOptions, importProject } from './import-helpers';

// A small GOV.UK tech-docs wiki (Middleman: the site is `source/`) with one page per class
// of problem found importing a real handbook.
const TECHDOCS = join(ROOT, 'test/fixtures/import-techdocs');
const TODAY = IMPORT_TODAY;
const PNG = readFileSync(join(TECHDOCS, 'source/manual/images/icinga/critical.png'));

const project = () => importProject('stellenwissen-import-md-');
const options = importOptions;

/** Imports `source` into a fresh project; returns the written articles' bodies by target and the report. */
async function importInto(source: string, more: Partial<ImportOptions> = {}) {
  const p = project();
  const plan = await planImport(loadWiki(p.docs, p.docs), options(p, source, more));
  writeImport(plan.writes);
  const body = (target: string) => parseFrontMatter(readFileSync(join(p.docs, target), 'utf8')).body;
  const front = (target: string) => parseFrontMatter(readFileSync(join(p.docs, target), 'utf8')).data!;
  const notesOf = (id: string) => plan.files.find((f) => f.id === id)!.notes;
  return { p, plan, body, front, notesOf, report: formatImportReport(plan, { dryRun: false }) };
}

/** Every Markdown link/image destination of a text (inline form; the import writes no other). */
const destinations = (markdown: string) => [...markdown.matchAll(/\]\(([^)\s]*)/g)].map((m) => m[1]!);

/** A relative link of an imported page resolves to a file of the wiki (anchors aside). */
function expectLinksResolve(docs: string, target: string, text: string): void {
  for (const url of destinations(text).filter((u) => u.startsWith('.'))) {
    expect(existsSync(join(docs, target, '..', url.replace(/#.*$/, ''))), `${target} → ${url}`).toBe(true);
  }
}

describe('reference-style links and images are treated like inline ones', () => {
  it('rewrites definitions to imported pages, keeps the anchor of the imported home page, unlinks the rest', async () => {
    const { p, body, notesOf, report } = await importInto(TECHDOCS);
    const alerts = body('fb1/source/manual/alerts.md');
    expect(alerts).toContain('Zugänge sperrt [Signon](../apps/signon.md "Signon-Seite"), die Übersicht steht bei den [publishing apps](../source.md#publishing-apps).');
    expect(alerts).toContain('Die alte Seite gibt es nicht mehr, [extern](https://example.org/docs) schon.');
    // No definition is left behind, used or not, and nothing points at the site's own home page.
    expect(alerts).not.toMatch(/^\s*\[[^\]]+\]:/m);
    expect(alerts).not.toContain('unused');
    expect(destinations(alerts).filter((u) => u.startsWith('/') && !u.startsWith('/img/'))).toEqual([]);
    expectLinksResolve(p.docs, 'fb1/source/manual/alerts.md', alerts);
    expect(notesOf('alerts')).toContain('Links ohne Ziel im Wiki (Text bleibt): /apps/gone.html');
    expect(report).toContain('Links auf importierte Seiten angepasst: 2');
  });

  it('copies reference-style images and marks missing ones', async () => {
    const { p, body, notesOf, plan } = await importInto(TECHDOCS);
    const alerts = body('fb1/source/manual/alerts.md');
    expect(alerts).toContain('> Ein kritischer Alarm sieht so aus: ![Critical](/img/alerts/critical.png)');
    expect(alerts).toContain('> Eine Warnung so: \\[Bild fehlt: Warning – images/icinga/warning.png]');
    expect(readFileSync(join(p.staticDir, 'img/alerts/critical.png'))).toEqual(PNG);
    expect(plan.files.find((f) => f.id === 'alerts')!.images).toEqual([`${p.staticDir}/img/alerts/critical.png`]);
    expect(notesOf('alerts')).toContain('Bilder nicht gefunden (Hinweis im Text): images/icinga/warning.png');
  });

  it('without the home page in the import, `/#anchor` and root links to pages left out keep only their text', async () => {
    const { p, body, notesOf } = await importInto(join(TECHDOCS, 'source/manual'));
    const alerts = body('fb1/alerts.md');
    expect(alerts).toContain('Zugänge sperrt Signon, die Übersicht steht bei den publishing apps.');
    expect(notesOf('alerts')).toContain('Links ohne Ziel im Wiki (Text bleibt): /apps/signon.html, /#publishing-apps, /apps/gone.html');
    expect(validateWiki(loadWiki(p.docs, p.docs), TODAY).findings.filter((f) => f.severity === 'error')).toEqual([]);
  });

  it('resolves each use of a definition on its own; the same picture used twice is copied once', () => {
    const dir = join(TECHDOCS, 'source/manual');
    const tree = markdownToMdast([
      '[A][p] und [B][p], ![X][img] und ![Y][img], [Fehlt][f], [Leer][e], [Anker][a]', '',
      '[![Z](images/icinga/critical.png)](images/icinga/critical.png)', '',
      '[p]: ../apps/signon.html#zugang', '[img]: images/icinga/critical.png', '[f]: nirgends.html', '[e]: <>', '[a]: #oben', '',
    ].join('\n'));
    const report = rewriteLinks(tree, {
      sourceFile: join(dir, 'seite.html.md'), sourceRoot: join(TECHDOCS, 'source'),
      targetOf: (path) => (path === join(TECHDOCS, 'source/apps/signon.html.md') ? 'fb1/apps/signon.md' : undefined),
      ownTarget: 'fb1/manual/seite.md', imageBase: '/img/seite', fileBase: '/files/seite',
    });
    expect(mdastToMarkdown(tree)).toBe([
      '[A](../apps/signon.md#zugang) und [B](../apps/signon.md#zugang), ![X](/img/seite/critical.png) und ![Y](/img/seite/critical.png), Fehlt, Leer, [Anker](#oben)', '',
      // A picture linked to itself (click to enlarge): one copy for both.
      '[![Z](/img/seite/critical.png)](/img/seite/critical.png)', '',
    ].join('\n'));
    expect(report.rewritten).toBe(2);
    expect(report.images).toEqual([{ source: join(dir, 'images/icinga/critical.png'), name: 'critical.png' }]);
    expect(report.unlinked).toEqual(['nirgends.html', '(leer)']);
  });

  it('takes root-relative links from the `source/` folder of a tech-docs site', () => {
    const page = join(TECHDOCS, 'source/manual/alerts.html.md');
    expect(siteRoot(page, TECHDOCS)).toBe(join(TECHDOCS, 'source'));
    expect(siteRoot(page)).toBe(join(TECHDOCS, 'source'));
    // An imported folder below `source/` is its own root: nothing outside the import is guessed.
    expect(siteRoot(page, join(TECHDOCS, 'source/manual'))).toBe(join(TECHDOCS, 'source/manual'));
  });
});

describe('ERB of GOV.UK tech docs', () => {
  it('keeps ERB in fenced, indented and inline code verbatim and replaces it elsewhere', async () => {
    const { body, notesOf } = await importInto(TECHDOCS);
    const text = body('fb1/source/manual/erb-in-code.md');
    expect(text).toContain('```erb\n<%= partial "partials/links" %>\n```');
    expect(text).toContain('```yaml\nhost: example.org\nurl: <%= config[:tech_docs][:host] %>\n```');
    expect(text).toContain('Im Text steht `<%= current_page.data.title %>` als Code');
    expect(text).toContain('```\n<% apps.each do |app| %>\n<%= app.name %>\n<% end %>\n```');
    expect(text).toContain('  ```\n  <%= link_to "x", "y" %>\n  ```');
    expect(text).toContain('Nur hier ist es ERB: ERB in Code.');
    expect(notesOf('erb-in-code')).toContain('ERB in Code-Beispielen unverändert übernommen: 7');
    expect(notesOf('erb-in-code').join('\n')).not.toMatch(/ERB entfernt/);
  });

  it('tells code from text exactly when a cheap look is not enough', () => {
    // A fence before the tag forces the exact parse: the tag after the closed block is text.
    expect(replaceErb('```\n<%= a %>\n```\n\n<%= current_page.data.title %>\n', 'T').text).toBe('```\n<%= a %>\n```\n\nT\n');
    // A longer fence holds a shorter one: the tag between them is still code.
    const nested = '````md\n```erb\n<%= current_page.data.title %>\n```\n````\n';
    expect(replaceErb(nested, 'T')).toMatchObject({ text: nested, inCode: 1 });
    // Inline code spanning lines, and a backtick that opens no code span.
    expect(replaceErb('Ein `Code\n<%= x %>` hier', 'T').text).toBe('Ein `Code\n<%= x %>` hier');
    expect(replaceErb('Ein ` allein <%= current_page.data.title %>', 'T').text).toBe('Ein ` allein T');
    // `<%%` is ERB's escape for a literal `<%`.
    expect(replaceErb('So: <%%= x %>', 'T').text).toBe('So: <%= x %>');
  });

  it('drops a loop as a whole with a visible note, never leaving its HTML behind', async () => {
    const { p, body, notesOf } = await importInto(TECHDOCS);
    const text = body('fb1/source/manual/loops.md');
    expect(text).toBe([
      '', 'Diese Anwendungen gibt es:', '',
      '\\[Inhalt fehlt: vom alten Wiki aus seinen Daten erzeugt, ERB-Schleife `data.applications.each`]', '',
      'Und danach geht es weiter.', '', 'Nur auf der alten Seite sichtbar.', '',
    ].join('\n'));
    expect(notesOf('loops')).toContain('ERB-Schleifen samt Inhalt entfernt (Hinweis im Text): data.applications.each (9 Zeilen)');
    expect(notesOf('loops')).toContain('ERB entfernt: <% if config[:show_footer] %> | <% end %>');
    expect(validateWiki(loadWiki(p.docs, p.docs), TODAY).findings.filter((f) => f.file.endsWith('loops.md'))).toEqual([]);
  });

  it('counts nested blocks to find the end of a loop; an unclosed loop only loses its tag', () => {
    const nested = replaceErb('A\n<% xs.each do |x| %>\n<% x.ys.each do |y| %>\n<li><%= y %></li>\n<% end %>\n<% end %>\nB', 'T');
    expect(nested.text).toBe('A\n\\[Inhalt fehlt: vom alten Wiki aus seinen Daten erzeugt, ERB-Schleife `xs.each`]\nB');
    expect(nested.loops).toEqual(['xs.each (5 Zeilen)']);
    // Trim markers (`<%-`, `-%>`) change nothing.
    expect(replaceErb('A\n<%- xs.each do |x| -%>\n<%- if x -%>x<%- end -%>\n<%- end -%>\nB', 'T').loops).toEqual(['xs.each (3 Zeilen)']);
    const open = replaceErb('A <% xs.each do |x| %> B', 'T');
    expect(open).toMatchObject({ text: 'A  B', loops: [], removed: ['<% xs.each do |x| %>'] });
  });

  it('keeps the visible arguments of helper calls: as inline code, a link or an image', async () => {
    const { body, notesOf, p } = await importInto(TECHDOCS);
    const text = body('fb1/source/manual/rake-task.md');
    expect(text).toContain('Dafür führt man diese Rake-Aufgabe aus:\n\n`signon` `users:unlock[nutzer@example.org]`\n');
    // link_to becomes a link like any other: to the imported page.
    expect(text).toContain('Mehr bei [Signon](../apps/signon.md), als Bild ![Kritisch](/img/rake-task/critical.png).');
    expect(text).toContain('**Hinweis:** Nur nach Rückfrage!');
    expect(text).not.toContain('partial');
    expect(readFileSync(join(p.staticDir, 'img/rake-task/critical.png'))).toEqual(PNG);
    expect(notesOf('rake-task')).toEqual(expect.arrayContaining([
      'ERB-Aufrufe durch ihre Angaben als Code ersetzt: RunRakeTask.links',
      'ERB entfernt: <%= partial "partials/contact" %>',
    ]));
    expect(replaceErb('<%= link_to "Signon", app.url %> und <%= link_to "https://x.org" %>', 'T').text).toBe('Signon und [https://x.org](<https://x.org>)');
    const quoted = replaceErb("<%= task 'a`b', \"c \\\" d\", :sym %> und <%= Foo::bar 'x' %> und <%= app.name %>", 'T');
    expect(quoted.text).toBe('``a`b`` `c " d` und `x` und ');
    expect(quoted.asCode).toEqual(['task', 'Foo::bar']);
    expect(quoted.removed).toEqual(['<%= app.name %>']);
  });
});

describe('review_in of any duration', () => {
  it('converts days, weeks, months and years to whole months, rounding up', () => {
    const months = (value: unknown) => readReviewInterval(value)?.months;
    expect(months('191 days')).toBe(7); // 191 / 30.4375 = 6.28
    expect(months('30 days')).toBe(1);
    expect(months('61 days')).toBe(3); // 2.004 months: a review is never due earlier than the source said
    expect(months('365 days')).toBe(12);
    expect(months('2 weeks')).toBe(1);
    expect(months('13 weeks')).toBe(3); // 91 days = 2.99 months
    expect(months('6 month')).toBe(6);
    expect(months('1 year 6 months')).toBe(18);
    expect(months('1 year and 2 weeks')).toBe(13);
    expect(months('1.5 years')).toBe(18);
    expect(months('3 Wochen')).toBe(1);
    expect(months(6)).toBe(6);
    expect(readReviewInterval('6 months')).toEqual({ months: 6, converted: false });
    expect(readReviewInterval('191 days')).toEqual({ months: 7, converted: true });
    for (const bad of ['bald', '6 7', 'days', '6 minutes', '', 2.5]) expect(readReviewInterval(bad), String(bad)).toBeUndefined();
  });

  it('names the conversion in the report; out-of-range values keep the template default', async () => {
    expect(mapForeignFrontMatter({ review_in: '191 days' })).toMatchObject({
      reviewMonths: 7, notes: ['„review_in: 191 days“ → review_months: 7 (auf ganze Monate aufgerundet, ein Monat = 30,4375 Tage)'],
    });
    expect(mapForeignFrontMatter({ review_in: '6 months' }).notes).toEqual([]);
    expect(mapForeignFrontMatter({ review_in: '0 days' }).reviewMonths).toBeUndefined();
    const { front, report } = await importInto(TECHDOCS);
    expect(front('fb1/source/manual/rake-task.md').review_months).toBe(7);
    expect(front('fb1/source/manual/attachments.md').review_months).toBe(1);
    expect(report).toContain('„review_in: 191 days“ → review_months: 7');
  });
});

describe('links to local files', () => {
  it('copies linked files of a Markdown page to static/files/<id>/, once, and keeps the text of missing ones', async () => {
    const { p, body, notesOf, plan } = await importInto(TECHDOCS);
    // Copied files are no "skipped" files of the imported folder.
    expect(plan.skipped).toEqual([]);
    const text = body('fb1/source/manual/attachments.md');
    expect(text).toContain('Der [Plan](/files/attachments/plan.pdf#page=2) liegt bei, die Tabelle nicht, die Seite auch nicht.\nNoch einmal der [Plan](/files/attachments/plan.pdf).');
    expect(readFileSync(join(p.staticDir, 'files/attachments/plan.pdf'))).toEqual(readFileSync(join(TECHDOCS, 'source/manual/files/plan.pdf')));
    expect(plan.writes.filter((w) => w.path.includes('plan.pdf'))).toHaveLength(1);
    expect(notesOf('attachments')).toEqual(expect.arrayContaining([
      `Verlinkte Dateien kopiert: 1 → ${p.staticDir}/files/attachments/`,
      'Verlinkte Dateien nicht gefunden (Text bleibt): files/fehlt.xlsx',
      'Links ohne Ziel im Wiki (Text bleibt): fehlt.html',
    ]));
  });

  it('copies the files a Word document links to and keeps the text of missing ones', async () => {
    const folder = tempDir();
    mkdirSync(join(folder, 'Anlagen'));
    const photo = Buffer.concat([Buffer.from([0xff, 0xd8, 0xff, 0xe0]), Buffer.from('Foto mit EXIF')]);
    writeFileSync(join(folder, 'court-exif.jpg'), photo);
    writeFileSync(join(folder, 'Anlagen', 'Gebühren 2026.csv'), 'Gebühr;Betrag\n');
    writeFileSync(join(folder, 'bild-1.png'), Buffer.concat([PNG, Buffer.from('anderes Bild')]));
    const link = (text: string, target: string) => new ExternalHyperlink({ link: target, children: [new TextRun(text)] });
    const word = new Document({ sections: [{ children: [
      new Paragraph({ children: [new TextRun('Siehe '), link('Anlage', 'court-exif.jpg'), new TextRun(', '), link('Gebühren', 'Anlagen/Gebühren%202026.csv'), new TextRun(' und '), link('Protokoll', 'protokoll.pdf'), new TextRun('.')] }),
      new Paragraph({ children: [link('Bild daneben', 'bild-1.png')] }),
      new Paragraph({ children: [link('Laufwerk', 'file:///S:/Ordnung/Vorlage.docx'), new TextRun(' und '), link('Gesetz', 'https://www.gesetze-im-internet.de/gewo/')] }),
      new Paragraph({ children: [link('Akte', 'C:\\Akten\\Bescheid.pdf'), new TextRun(', '), link('Freigabe', '\\\\server\\amt\\Liste.xlsx'), new TextRun(', '), link('Hier', pathToFileURL(join(folder, 'court-exif.jpg')).href)] }),
      new Paragraph({ children: [new ImageRun({ type: 'png', data: PNG, transformation: { width: 16, height: 16 }, altText: { name: 'Skizze', title: 'Skizze', description: 'Skizze' } })] }),
    ] }] });
    const source = join(folder, 'Aufgaben.docx');
    writeFileSync(source, await Packer.toBuffer(word));

    const { p, body, notesOf, plan } = await importInto(source, { id: 'aufgaben-ordnung' });
    const text = body('fb1/aufgaben-ordnung.md');
    // A linked photo goes to the images; another file with the name of an embedded image gets its own.
    expect(text).toContain('Siehe [Anlage](/img/aufgaben-ordnung/court-exif.jpg), [Gebühren](/files/aufgaben-ordnung/gebuehren-2026.csv) und Protokoll.');
    expect(text).toContain('[Bild daneben](/img/aufgaben-ordnung/2-bild-1.png)');
    expect(text).toContain('Laufwerk und [Gesetz](https://www.gesetze-im-internet.de/gewo/)');
    expect(text).toContain('Akte, Freigabe, [Hier](/img/aufgaben-ordnung/court-exif.jpg)');
    expect(text).toContain('![Skizze](/img/aufgaben-ordnung/bild-1.png)');
    expect(readFileSync(join(p.staticDir, 'img/aufgaben-ordnung/court-exif.jpg'))).toEqual(photo);
    expect(readFileSync(join(p.staticDir, 'img/aufgaben-ordnung/2-bild-1.png'))).toEqual(Buffer.concat([PNG, Buffer.from('anderes Bild')]));
    expect(readFileSync(join(p.staticDir, 'files/aufgaben-ordnung/gebuehren-2026.csv'), 'utf8')).toBe('Gebühr;Betrag\n');
    expect(readFileSync(join(p.staticDir, 'img/aufgaben-ordnung/bild-1.png'))).toEqual(PNG);
    expect(notesOf('aufgaben-ordnung')).toEqual(expect.arrayContaining([
      `Verlinkte Dateien kopiert: 1 → ${p.staticDir}/files/aufgaben-ordnung/`,
      'Verlinkte Dateien nicht gefunden (Text bleibt): protokoll.pdf, file:///S:/Ordnung/Vorlage.docx, C:\\Akten\\Bescheid.pdf, \\\\server\\amt\\Liste.xlsx',
    ]));
    expect(plan.files[0]!.images.map((path) => relative(p.staticDir, path))).toEqual(['img/aufgaben-ordnung/bild-1.png', 'img/aufgaben-ordnung/court-exif.jpg', 'img/aufgaben-ordnung/2-bild-1.png']);
  });
});
