import { existsSync, readdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { generateWiki, mulberry32 } from '../src/bench/generate';
import { buildCoverageIndex, computeCoverage } from '../src/coverage/coverage';
import { loadWiki } from '../src/core/load/load-wiki';
import { parseIsoDate } from '../src/core/dates';
import { validateWiki } from '../src/validate/validate';
import { normaliseText, parseFrontMatter } from '../src/core/frontmatter';
import { summariseMarkdown } from '../src/core/markdown/remark';
import type { BodyFacts } from '../src/core/markdown/remark';
import { scanBody } from '../src/core/markdown/fast/scanner';
import { markdownFiles, CORPORA, overlayWiki, ROOT } from './helpers';


function remarkFacts(body: string, lineOffset: number): BodyFacts {
  const { hasContent, sections, placeholders } = summariseMarkdown(body, lineOffset);
  return { hasContent, sections, placeholders };
}

/**
 * Checks the contract for one body: when the fast path answers, it answers what remark
 * answers. Returns whether the fast path was taken.
 */
function checkBody(body: string, lineOffset: number, label: string): boolean {
  const lean = scanBody(body, lineOffset);
  if (lean === undefined) return false;
  expect(lean, label).toEqual(remarkFacts(body, lineOffset));
  return true;
}

/** Splits front matter the way analyseArticle does and checks the body. */
function checkFile(text: string, label: string): boolean {
  const fm = parseFrontMatter(normaliseText(text));
  return checkBody(fm.body, fm.bodyLine - 1, label);
}

function checkFiles(files: Array<[label: string, text: string]>): { fast: number; total: number; rate: number } {
  let fast = 0;
  for (const [label, text] of files) if (checkFile(text, label)) fast++;
  return { fast, total: files.length, rate: files.length === 0 ? 0 : fast / files.length };
}

const read = (paths: string[]): Array<[string, string]> => paths.map((path) => [path, readFileSync(path, 'utf8')]);
const percent = (rate: number) => `${(rate * 100).toFixed(1)} %`;

describe('scanBody against remark on real articles', () => {
  it('docs/, templates/ and test fixtures: equal whenever defined, ≥ 80 % of docs/ on the fast path', () => {
    const docs = checkFiles(read(markdownFiles(join(ROOT, 'docs'))));
    const templates = checkFiles(read(markdownFiles(join(ROOT, 'templates'))));
    const fixtures = checkFiles(read(markdownFiles(join(ROOT, 'test/fixtures'))));
    console.info(`fast path: docs ${docs.fast}/${docs.total} (${percent(docs.rate)}), templates ${templates.fast}/${templates.total}, fixtures ${fixtures.fast}/${fixtures.total}`);
    expect(docs.total).toBeGreaterThan(50);
    expect(docs.rate).toBeGreaterThanOrEqual(0.8);
  });

  // One seed keeps the suite short; the bench's 10,000-article wiki runs the same code.
  for (const seed of [1]) {
    it(`generated wiki (1,000 articles, seed ${seed}): equal whenever defined, ≥ 98 % on the fast path`, () => {
      const wiki = generateWiki({ articles: 1000, seed });
      const result = checkFiles([...wiki.files]);
      console.info(`fast path: generated seed ${seed} ${result.fast}/${result.total} (${percent(result.rate)})`);
      expect(result.total).toBe(1000);
      expect(result.rate).toBeGreaterThanOrEqual(0.98);
    }, 180_000);
  }

  it('third-party handbooks in test/corpora: equal whenever defined', () => {
    expect(existsSync(CORPORA), `${CORPORA} must exist`).toBe(true);
    const corpora = readdirSync(CORPORA).filter((name) => statSync(join(CORPORA, name)).isDirectory()).sort();
    expect(corpora.length).toBeGreaterThan(0);
    for (const corpus of corpora) {
      const result = checkFiles(read(markdownFiles(join(CORPORA, corpus))));
      console.info(`fast path: corpus ${corpus} ${result.fast}/${result.total} (${percent(result.rate)})`);
      expect(result.total).toBeGreaterThan(0);
    }
  }, 180_000);
});

const lines = (...text: string[]) => text.join('\n');

/** [what it shows, body, whether the fast path must answer]. */
const TRICKY: Array<[string, string, boolean]> = [
  // Headings
  ['closing # sequence', lines('## Fristen ##', '', 'x'), true],
  ['# glued to the title is text', lines('## Fristen#', '', 'x'), true],
  ['only #s: empty title', lines('## ##', '', 'x'), true],
  ['escaped closing #', lines('## Fristen \\#', '', 'x'), true],
  ['heading trimmed, indented up to 3 spaces', lines('   ##   Vertretung   ', 'x'), true],
  ['U+00A0 after the closing sequence keeps it', lines('## Titel ##\u00a0', 'x'), true],
  ['U+00A0 before the closing sequence keeps it', lines('## Titel\u00a0##', 'x'), true],
  ['markup, code, entities and HTML in a title', lines('## *Fristen* `und` &amp; <b>Termine</b> [Link](x.md) ![Bild](b.png)', 'x'), true],
  ['autolink literal in a title', lines('## Siehe www.example.org.', 'x'), true],
  ['#hashtag is no heading', lines('## A', '#hashtag', ''), true],
  ['heading interrupts a paragraph', lines('## A', 'Text', '## B', 'Text'), true],
  ['h2 alone is no content, h1 and h3 are', '## Nur Abschnitt\n', true],
  ['h1 is content', '# Titel\n', true],
  ['h3 is content but keeps the section empty', lines('## A', '### B', ''), true],
  ['h1 ends the section', lines('## A', '# B', 'Text', '- [ ] nicht im Abschnitt'), true],
  ['headings in a list item are no sections', lines('- ## Nicht', '## Doch', '> ## Auch nicht'), true],
  // Comments and emptiness
  ['only comments: no content', lines('', '<!-- a -->', '', '<!--', 'b', '-->', ''), true],
  ['comment with text after it is content', lines('## A', '<!-- a --> Text'), true],
  ['two comments on a line are a comment', lines('## A', '<!-- a --> <!-- b -->'), true],
  ['unclosed comment runs to the end and is content', lines('## A', '<!-- a', 'b'), true],
  ['comment interrupts a paragraph', lines('## A', 'Text', '<!-- c -->', '## B', '<!-- c -->'), true],
  ['comment in a list item', lines('## A', '- <!-- TODO: nicht -->', '  Text'), true],
  ['<!--> is not modelled', lines('<!-->', 'x'), false],
  // Tasks
  ['task items, nested, ordered, in quotes', lines('## A', '- [ ] eins', '  - [x] zwei', '1. [X] drei', '> - [ ] vier', '* normal', '+ [ ]nichts'), true],
  ['hard break (two spaces) adds nothing to a task text', lines('## A', '- [ ] eins  ', '  zwei'), true],
  ['hard break (backslash) adds nothing to a task text', lines('## A', '- [ ] eins\\', '  zwei'), true],
  ['soft break keeps a newline in a task text', lines('## A', '- [ ] eins ', '  zwei'), true],
  ['check followed by a line ending', lines('## A', '- [ ]', '  weiter'), true],
  ['check with nothing after it is no task', lines('## A', '- [ ]   ', '', '- [x]'), true],
  ['U+00A0 after the check is content', lines('## A', '- [x] \u00a0', '- [x]\u00a0'), true],
  ['markup in a task text', lines('## A', '- [x] **Akte** `A-1` &amp; [B](b.md)'), true],
  ['[x](url) is a link, not a task', lines('## A', '- [x](b.md) Text'), true],
  ['task in a section directly after a heading', lines('## A', '## B', '- [ ] b'), true],
  ['task list with a table under it', lines('## A', '- [ ] a | b', '  |---|---|'), true],
  // `- | -` is a list item, not a table delimiter row (micromark tries lists first).
  ['delimiter-like list item under a task: nested item, not a table', lines('## A', '- [ ] a | b', '  - | -'), true],
  ['delimiter-like list item under a header row in a task', lines('## A', '- [ ] eins', '  | a | b |', '  - | -'), true],
  ['delimiter-like list item after a task', lines('## A', '- [ ] | a | b |', '- | -', '- [ ] zwei TODO: x'), true],
  ['delimiter-like list item after a header row', lines('## A', '| a | b |', '- | -', '  - [ ] drei'), true],
  ['a delimiter row without a space after the dash is a table', lines('## A', '| a | b |', '-|-', '| TODO: c | d |'), true],
  ['byte-order mark at the start of the body is not modelled', lines('\ufeff## A', '- [ ] x'), false],
  ['empty list item is not modelled', lines('## A', '-', '  - [ ] x'), false],
  // Placeholders
  ['TODO: in paragraph, list, table, link text, emphasis, heading', lines('TODO: a', '## TODO: b', '- c TODO: d', '', '| x | y |', '|---|---|', '| TODO: e | f |', '', '[TODO: g](h.md) **TODO: i**'), true],
  ['TODO: not in code, comments, HTML tags or URLs', lines('`TODO: a` <!-- TODO: b --> <a href="TODO:c">x</a> [x](TODO:d)', '', '```', 'TODO: e', '```', '~~~mermaid', 'TODO: f', '~~~'), true],
  ['TODO: between HTML tags is text', 'Text <b>TODO: fett</b>\n', true],
  ['TODO: glued to a word is none', 'XTODO: a äTODO: b _TODO: c 1TODO: d (TODO: e)\n', true],
  ['columns count the source (entities, escapes)', lines('A &amp; TODO: a', 'B \\* TODO: b'), true],
  ['TODO: spelt with references or escapes', lines('&#84;ODO: a', '', 'TODO&#58; b', '', 'TODO\\: c', '', 'TODO&colon; d'), true],
  ['placeholder text ends at inline markup', 'TODO: siehe *hier* und `code`\n', true],
  ['autolink literal splits the placeholder text', 'TODO: siehe www.example.org jetzt\n', true],
  ['continuation lines in lists and quotes', lines('- Punkt', '  Folge TODO: a', '', '> Zitat', '> Folge TODO: b', '', 'Absatz', '   eingerückt TODO: c'), true],
  ['TODO: after a check on its own line is not modelled', lines('- [ ]', '  TODO: x'), false],
  ['UTF-16 columns', '😀 TODO: x\n', true],
  // Blocks
  ['table interrupting a paragraph', lines('## A', 'Text', '| a | b |', '|---|---|', '| TODO: c | d |'), true],
  ['ordered list not at 1 does not interrupt a paragraph', lines('## A', 'Text', '2. [ ] kein Task'), true],
  ['ordered list at 1 interrupts a paragraph', lines('## A', 'Text', '1. [ ] Task'), true],
  ['fenced code: headings inside are code, unclosed fence runs to the end', lines('## A', '```markdown', '## Nein', '```', '', '~~~', '## Auch nicht'), true],
  ['fence in a list item ends with the item', lines('## A', '- ```', '  code', '## B', 'x'), true],
  ['tab in top-level code is fine', lines('## A', '```make', '\tbuild', '```'), true],
  ['tab elsewhere is not modelled', '- a\n\t- b\n', false],
  ['thematic breaks', lines('## A', '***', '## B', 'Text', '___'), true],
  ['setext heading is not modelled', lines('Titel', '====='), false],
  ['setext-like --- under text is not modelled', lines('Titel', '---'), false],
  ['link reference definition is not modelled', lines('[a]: https://example.org', '', '[a]'), false],
  ['footnote definition is not modelled', lines('Text[^1]', '', '[^1]: Fußnote'), false],
  ['indented code is not modelled', lines('## A', '', '    ## Code'), false],
  ['raw HTML block is not modelled', lines('## A', '<div>', 'TODO: x', '</div>'), false],
  ['<autolink> at a line start is not modelled', lines('<https://example.org>'), false],
  ['lazy continuation in a quote is not modelled', lines('> Zitat', 'faul'), false],
  ['lazy continuation in a list is not modelled', lines('- Punkt', 'faul'), false],
  ['backtick fence with a backtick in its info is not modelled', lines('``` a`b', 'x'), false],
];

describe('scanBody on tricky snippets', () => {
  for (const [what, body, fast] of TRICKY) {
    it(`${what} (${fast ? 'fast path' : 'falls back'})`, () => {
      for (const offset of [0, 11]) {
        const lean = scanBody(body, offset);
        expect(lean !== undefined, 'fast path taken').toBe(fast);
        if (lean) expect(lean).toEqual(remarkFacts(body, offset));
      }
    });
  }
});

describe('scanBody under mutation', () => {
  const INSERTS = [
    'TODO:', 'TODO: x', '**', '*', '_', '`', '``', '<!-- -->', '<!--', '-->', '\\', '\t', '1) ', '2. ', '1. ', '    ', '  ',
    '> ', '>', '\n', '\n\n', '- ', '* ', '- [ ] ', '- [x] ', '[x]', '# ', '## ', '|', '---', '===', '```', '~~~', '&amp;',
    '&#84;ODO:', 'TODO\\:', '  \n', '[a](b)', ']:', 'www.x.de', '\u00a0', '😀', '\n| a | b |\n|---|---|\n',
    '\n- | -\n', '\n  - | -', '\ufeff',
  ];

  it('perturbed generated and docs bodies: equal or undefined', () => {
    const random = mulberry32(20261128);
    const pick = <T>(list: readonly T[]): T => list[Math.floor(random() * list.length)]!;
    const sources = [
      ...generateWiki({ articles: 100, seed: 7 }).files.values(),
      ...read(markdownFiles(join(ROOT, 'docs'))).map(([, text]) => text),
    ].map((text) => parseFrontMatter(normaliseText(text)));
    let fast = 0;
    const runs = 1500;
    for (let run = 0; run < runs; run++) {
      const fm = pick(sources);
      let body = fm.body;
      const edits = 1 + Math.floor(random() * 4);
      for (let e = 0; e < edits; e++) {
        let at = Math.floor(random() * (body.length + 1));
        if (random() < 0.5) at = body.lastIndexOf('\n', at - 1) + 1; // at a line start
        body = body.slice(0, at) + pick(INSERTS) + body.slice(at);
      }
      if (checkBody(body, fm.bodyLine - 1, `run ${run}: ${JSON.stringify(body)}`)) fast++;
    }
    console.info(`fast path under mutation: ${fast}/${runs}`);
    expect(fast).toBeGreaterThan(runs / 3); // the check must not pass by always falling back
  }, 180_000);

  it('small random documents of structural atoms: equal or undefined', () => {
    const random = mulberry32(42);
    const pick = <T>(list: readonly T[]): T => list[Math.floor(random() * list.length)]!;
    const ATOMS = [
      '\n', '\n', '\n\n', ' ', '  ', '\n  ', '\n    ', '\n> ', '\n- ', '\n1. ', '\n2. ', '\n1) ', '\n- [ ] ', '\n- [x] ', '\n  - [X] ',
      '\n> - [x] ', '\n## ', '\n# ', '\n### ', '#', '-', '*', '_', '`', '```', '\n```\n', '\n~~~\n', '|', '\n| a | b |\n|---|---|\n',
      '\n|-|:-:|', ':', '[', ']', '[ ]', '(', ')', '!', '\\', '&amp;', '&#58;', '&colon;', '<b>', '<', '<!--', '-->',
      '\n<!-- x -->\n', '=', '\n===', '\n---', '\n***', '\n- | -', '\n  - | -', '\n| a | b |', '\ufeff', 'TODO:', 'TODO: a', 'TODO', 'a', 'bc', 'ä', '😀', '\u00a0', 'www.a.de',
    ];
    let fast = 0;
    const runs = 4000;
    for (let run = 0; run < runs; run++) {
      let body = random() < 0.6 ? '## S\n' : '';
      const atoms = 3 + Math.floor(random() * 40);
      for (let a = 0; a < atoms; a++) body += pick(ATOMS);
      if (checkBody(body, 2, `atoms ${run}: ${JSON.stringify(body)}`)) fast++;
    }
    console.info(`fast path on random documents: ${fast}/${runs}`);
    expect(fast).toBeGreaterThan(runs / 3);
  }, 180_000);
});

// The two classes found on the CommonMark/GFM spec, end to end through validate and the audit's checks.
describe('scanner fixes seen by validate and the audit', () => {
  const today = parseIsoDate('2026-11-28')!;
  const HANDOVER = 'fb1/uebergabe-stelle-1-002.md';

  it('an open task above a delimiter-like `- | -` item keeps the handover incomplete', () => {
    const root = overlayWiki({ [HANDOVER]: 'REPLACE:status: in-progress=>status: done' });
    const path = join(root, HANDOVER);
    const text = readFileSync(path, 'utf8').replace('- [ ] Zugänge übertragen', '- [ ] Zugänge | Rechte\n  - | -');
    writeFileSync(path, text);
    const wiki = loadWiki(root, root);
    const index = buildCoverageIndex(wiki, validateWiki(wiki, today));
    const c = computeCoverage(index, 'stelle-1-002', { today, departure: parseIsoDate('2026-12-15'), lead: 6 });
    expect(c.checks.handover).toBe('fail');
    const article = wiki.articles.find((a) => a.relPath === HANDOVER)!;
    expect(article.markdown!.sections.find((s) => s.title === 'Checkliste')?.tasks.map((t) => [t.checked, t.text]))
      .toEqual([[true, 'Vorgänge übergeben'], [false, 'Zugänge | Rechte']]);
  });

  it('a byte-order mark after the front matter hides no heading (no false sections error)', () => {
    const root = overlayWiki({ 'fb1/stelle-1-002.md': 'REPLACE:---\n\n## =>---\n\ufeff## ' });
    const wiki = loadWiki(root, root);
    const findings = validateWiki(wiki, today).findings.filter((f) => f.file.endsWith('stelle-1-002.md'));
    expect(findings).toEqual([]);
  });
});
