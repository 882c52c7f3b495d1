import { describe, expect, it } from 'vitest';
import { normaliseText, parseFrontMatter } from '../src/core/frontmatter';
import { summariseMarkdown } from '../src/core/markdown/remark';

const lines = (...text: string[]) => text.join('\n');

/** Summarises a whole file the way analyseArticle does (positions are file positions). */
function summariseFile(text: string) {
  const fm = parseFrontMatter(normaliseText(text));
  return summariseMarkdown(fm.body, fm.bodyLine - 1);
}

const FRONT = lines('---', 'id: a', 'type: guide', 'title: A', '---'); // 5 lines; the body starts on line 6

describe('sections', () => {
  it('lists ## sections with file lines offset by the front matter', () => {
    const summary = summariseFile(lines(
      FRONT,
      '', //                6
      '# Titel', //         7
      '', //                8
      '## Aufgaben', //     9
      '', //                10
      'Text.', //           11
      '', //                12
      '##   Vertretung  ', // 13
      'Text.', //           14
      '',
    ));
    expect(summary.sections.map(({ title, line, column }) => ({ title, line, column }))).toEqual([
      { title: 'Aufgaben', line: 9, column: 1 },
      { title: 'Vertretung', line: 13, column: 1 },
    ]);
    expect(summary.sections.every((s) => !s.empty)).toBe(true);
    expect(summary.hasContent).toBe(true);
  });

  it('uses the lineOffset for every position', () => {
    const body = '## Eins\n\nText\n';
    expect(summariseMarkdown(body, 0).sections[0].line).toBe(1);
    expect(summariseMarkdown(body, 41).sections[0].line).toBe(42);
  });

  it('keeps line numbers for CRLF files', () => {
    const text = lines(FRONT, '', '## Aufgaben', '', 'Text TODO: x', '').replace(/\n/g, '\r\n');
    const summary = summariseFile(text);
    expect(summary.sections[0].line).toBe(7);
    expect(summary.placeholders).toEqual([{ line: 9, column: 6, text: 'TODO: x' }]);
  });

  it('a section with only comments and sub-headings is empty', () => {
    const summary = summariseMarkdown(lines(
      '## Leer mit Kommentar',
      '<!-- Was gehört hierher? -->',
      '',
      '## Leer mit Unterüberschrift',
      '',
      '### Unterpunkt',
      '',
      '#### Noch tiefer',
      '<!-- a -->',
      '<!-- b -->',
      '',
      '## Direkt gefolgt',
      '## Mit Text',
      '',
      '### Unterpunkt',
      '',
      'Text unter der Unterüberschrift zählt.',
      '',
      '## Am Ende leer',
      '',
    ), 0);
    expect(summary.sections.map((s) => [s.title, s.empty])).toEqual([
      ['Leer mit Kommentar', true],
      ['Leer mit Unterüberschrift', true],
      ['Direkt gefolgt', true],
      ['Mit Text', false],
      ['Am Ende leer', true],
    ]);
  });

  it('lists, tables, code blocks and HTML other than comments are content', () => {
    const summary = summariseMarkdown(lines(
      '## Liste', '- a', '',
      '## Tabelle', '| a | b |', '|---|---|', '| 1 | 2 |', '',
      '## Code', '```', 'x', '```', '',
      '## HTML', '<div>Hinweis</div>', '',
      '## Zitat', '> a', '',
    ), 0);
    expect(summary.sections.map((s) => [s.title, s.empty])).toEqual([
      ['Liste', false], ['Tabelle', false], ['Code', false], ['HTML', false], ['Zitat', false],
    ]);
  });

  it('a # heading ends the current section; text under it belongs to no section', () => {
    const summary = summariseMarkdown(lines('## Eins', '', '# Neu', '', 'Text', ''), 0);
    expect(summary.sections).toHaveLength(1);
    expect(summary.sections[0].empty).toBe(true);
  });

  it('ignores headings that only appear in fenced or indented code blocks', () => {
    const summary = summariseMarkdown(lines(
      '## Echt', //          1
      '', //                 2
      '```markdown', //      3
      '## Nicht im Code', // 4
      '```', //              5
      '', //                 6
      '~~~', //              7
      '## Auch nicht', //    8
      '~~~', //              9
      '', //                 10
      '    ## Eingerückt', // 11
      '',
    ), 0);
    expect(summary.sections.map((s) => s.title)).toEqual(['Echt']);
    expect(summary.sections[0].empty).toBe(false); // the code blocks are its content
  });

  it('counts setext headings: underlined with - as ##, with = as #', () => {
    const summary = summariseMarkdown(lines(
      'Titel', //             1
      '=====', //             2
      '', //                  3
      'Aufgaben', //          4
      '--------', //          5
      '', //                  6
      'Text.', //             7
      '', //                  8
      'Vertretung', //        9
      '---', //               10
      '',
    ), 0);
    expect(summary.sections.map((s) => [s.title, s.line, s.empty])).toEqual([
      ['Aufgaben', 4, false],
      ['Vertretung', 9, true],
    ]);
  });

  it('takes the heading text without markup', () => {
    const summary = summariseMarkdown('## Fristen *und* `Termine` ##\n\nx\n', 0);
    expect(summary.sections[0].title).toBe('Fristen und Termine');
  });

  it('a body with only comments has no content', () => {
    expect(summariseMarkdown('\n<!-- später -->\n\n<!-- noch später -->\n', 0).hasContent).toBe(false);
    expect(summariseMarkdown('', 0).hasContent).toBe(false);
    expect(summariseMarkdown('# Nur ein Titel\n', 0).hasContent).toBe(true);
    expect(summariseMarkdown('Ein Satz.\n', 0).hasContent).toBe(true);
  });
});

describe('task items', () => {
  it('collects GFM task items with their checked state per section', () => {
    const summary = summariseFile(lines(
      FRONT,
      '## Offene Vorgänge', //                 6
      '', //                                   7
      '- [x] Akte A übergeben', //             8
      '- normaler Punkt', //                   9
      '', //                                   10
      '## Checkliste', //                      11
      '', //                                   12
      '- [ ] Zugänge übertragen', //           13
      '- [X] Schlüssel abgegeben', //          14
      '  - [ ] verschachtelt', //              15
      '', //                                   16
      '1. [x] nummeriert', //                  17
      '', //                                   18
      '> - [ ] im Zitat', //                   19
      '', //                                   20
      '### Unterpunkt', //                     21
      '', //                                   22
      '* [x] unter der Unterüberschrift', //   23
      '', //                                   24
      '```', //                                25
      '- [ ] im Code', //                      26
      '```', //                                27
      '', //                                   28
      '## Kontakte', //                        29
      '', //                                   30
      'Kein [ ] Task.', //                     31
      '',
    ));
    const [open, checklist, contacts] = summary.sections;
    expect(open.tasks).toEqual([{ checked: true, line: 8, text: 'Akte A übergeben' }]);
    expect(checklist.tasks).toEqual([
      { checked: false, line: 13, text: 'Zugänge übertragen' },
      { checked: true, line: 14, text: 'Schlüssel abgegeben' },
      { checked: false, line: 15, text: 'verschachtelt' },
      { checked: true, line: 17, text: 'nummeriert' },
      { checked: false, line: 19, text: 'im Zitat' },
      { checked: true, line: 23, text: 'unter der Unterüberschrift' },
    ]);
    expect(contacts.tasks).toEqual([]);
  });

  it('task items before the first ## belong to no section', () => {
    const summary = summariseMarkdown(lines('- [ ] vorher', '', '## A', '', '- [x] danach', ''), 0);
    expect(summary.sections).toHaveLength(1);
    expect(summary.sections[0].tasks.map((t) => t.text)).toEqual(['danach']);
  });
});

describe('placeholders', () => {
  it('finds TODO: in paragraphs, lists, tables, link text, headings and emphasis at file line:column', () => {
    const summary = summariseFile(lines(
      FRONT,
      'TODO: Einleitung schreiben', //              6
      '', //                                        7
      '## TODO: Überschrift', //                    8
      '', //                                        9
      '- Punkt eins', //                            10
      '- Punkt TODO: zwei', //                      11
      '', //                                        12
      '| Spalte | Wert |', //                       13
      '|---|---|', //                               14
      '| a | TODO: Wert |', //                      15
      '', //                                        16
      'Siehe [TODO: Linktext](https://example.org).', // 17
      '', //                                        18
      'Ein **TODO: fett** Wort.', //                19
      '', //                                        20
      'Erste Zeile', //                             21
      'zweite Zeile mit TODO: Rest', //             22
      '',
    ));
    expect(summary.placeholders).toEqual([
      { line: 6, column: 1, text: 'TODO: Einleitung schreiben' },
      { line: 8, column: 4, text: 'TODO: Überschrift' },
      { line: 11, column: 9, text: 'TODO: zwei' },
      { line: 15, column: 7, text: 'TODO: Wert' },
      { line: 17, column: 8, text: 'TODO: Linktext' },
      { line: 19, column: 7, text: 'TODO: fett' },
      { line: 22, column: 18, text: 'TODO: Rest' },
    ]);
  });

  it('finds several placeholders on one line', () => {
    const summary = summariseMarkdown('TODO: eins und TODO: zwei\n', 0);
    expect(summary.placeholders.map((p) => p.column)).toEqual([1, 16]);
    expect(summary.placeholders.map((p) => p.text)).toEqual(['TODO: eins und TODO: zwei', 'TODO: zwei']);
  });

  it('ignores TODO: in inline code, code blocks and HTML comments', () => {
    const summary = summariseMarkdown(lines(
      'Schreiben Sie `TODO:` nicht ab, auch nicht ``TODO: so``.',
      '',
      '```text',
      'TODO: im Codeblock',
      '```',
      '',
      '~~~',
      'TODO: im Tilden-Block',
      '~~~',
      '',
      '    TODO: eingerückter Code',
      '',
      '<!-- TODO: im Kommentar -->',
      '',
      '<!--',
      'TODO: mehrzeiliger Kommentar',
      '-->',
      '',
      'Text <!-- TODO: inline Kommentar --> weiter.',
      '',
    ), 0);
    expect(summary.placeholders).toEqual([]);
  });

  it('ignores TODO: glued to a word or number, and other spellings', () => {
    const summary = summariseMarkdown(lines(
      'XTODO: nein, STODO: nein, 1TODO: nein, äTODO: nein',
      'todo: klein, TODO : mit Leerzeichen, TODO ohne Doppelpunkt',
      '',
    ), 0);
    expect(summary.placeholders).toEqual([]);
  });

  it('finds TODO: after punctuation', () => {
    const summary = summariseMarkdown('(TODO: Klammer) „TODO: Zitat“\n', 0);
    expect(summary.placeholders.map((p) => p.column)).toEqual([2, 18]);
  });

  it('counts columns in the source, not in the decoded text', () => {
    const summary = summariseMarkdown(lines(
      'A &amp; TODO: Entität', //       1 — "&amp;" is one character of text but five of source
      'B \\* TODO: Escape', //          2
      '- Punkt', //                     3
      '  Folgezeile TODO: Liste', //    4 — list continuation lines are indented
      '', //                            5
      '> Zitat', //                     6
      '> Folgezeile TODO: Zitat', //    7 — `> ` markers are not in the text
      '', //                            8
      'Absatz', //                      9
      '   eingerückt TODO: Absatz', //  10
      '',
    ), 0);
    expect(summary.placeholders.map(({ line, column }) => `${line}:${column}`)).toEqual([
      '1:9', '2:6', '4:14', '7:14', '10:15',
    ]);
  });

  it('uses the front matter offset for placeholders', () => {
    expect(summariseMarkdown('\nTODO: x\n', 10).placeholders).toEqual([{ line: 12, column: 1, text: 'TODO: x' }]);
  });
});
