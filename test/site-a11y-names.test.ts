import type { Element, Root } from 'hast';
import { describe, expect, it } from 'vitest';
import { contrastRatio, DARK_BACKGROUND, WHITE } from '../src/core/colours';
import { withAccessibleName } from '../src/site/mermaid-names';
import { MERMAID_COLOURS } from '../src/site/mermaid-theme';
import { rehypeTaskListNames } from '../src/site/task-list-names';
import { COLOURS } from '../src/hr/format/html';

const h = (tagName: string, properties: Element['properties'], children: Element['children'] = []): Element => ({ type: 'element', tagName, properties, children });
const text = (value: string) => ({ type: 'text' as const, value });
const checkbox = () => h('input', { type: 'checkbox', disabled: true });

describe('task-list checkboxes get a name from their item (rehype)', () => {
  it('tight and loose items; nested lists are not part of the name; a given name stays', () => {
    const nested = h('li', { className: ['task-list-item'] }, [checkbox(), text(' Unterpunkt')]);
    const tight = h('li', { className: ['task-list-item'] }, [checkbox(), text(' Zugänge '), h('strong', {}, [text('übergeben')]), h('ul', {}, [nested])]);
    const loose = h('li', { className: ['task-list-item'] }, [h('p', {}, [checkbox(), text(' Akten\n  abgeben')])]);
    const named = h('li', {}, [h('input', { type: 'checkbox', ariaLabel: 'schon da' })]);
    const plain = h('li', {}, [text('kein Kästchen')]);
    const tree: Root = { type: 'root', children: [h('ul', {}, [tight, loose, named, plain])] };
    rehypeTaskListNames()(tree);
    expect((tight.children[0] as Element).properties.ariaLabel).toBe('Zugänge übergeben');
    expect((nested.children[0] as Element).properties.ariaLabel).toBe('Unterpunkt');
    expect(((loose.children[0] as Element).children[0] as Element).properties.ariaLabel).toBe('Akten abgeben');
    expect((named.children[0] as Element).properties.ariaLabel).toBe('schon da');
    expect(plain.children).toEqual([text('kein Kästchen')]);
  });
});

describe('Mermaid diagrams get accTitle/accDescr from the article title', () => {
  it('after the diagram type line, past config blocks and directives', () => {
    expect(withAccessibleName('flowchart TD\n  A --> B', 'Eheschließung anmelden')).toBe(
      'flowchart TD\n  accTitle: Eheschließung anmelden\n  accDescr: Diagramm zum Artikel „Eheschließung anmelden“\n  A --> B');
    const withConfig = withAccessibleName('---\ntitle: x\n---\n%%{init: {}}%%\n\nsequenceDiagram\nA->>B: Hallo', 'T');
    expect(withConfig.split('\n').slice(5, 8)).toEqual(['sequenceDiagram', '  accTitle: T', '  accDescr: Diagramm zum Artikel „T“']);
  });

  it('leaves a diagram alone whose author named it, and an empty one', () => {
    const named = 'flowchart TD\n  accTitle: Eigener Titel\n  A --> B';
    expect(withAccessibleName(named, 'T')).toBe(named);
    expect(withAccessibleName('flowchart LR\naccDescr { lang\n}\nA', 'T')).toBe('flowchart LR\naccDescr { lang\n}\nA');
    expect(withAccessibleName('\n%% nur ein Kommentar\n', 'T')).toBe('\n%% nur ein Kommentar\n');
  });
});

describe('the Mermaid palette holds in both colour modes', () => {
  const c = MERMAID_COLOURS;
  it('text 4.5 : 1 on node, label and cluster fills; lines and node fills 3 : 1 on both page backgrounds', () => {
    for (const fill of [c.nodeFill, c.labelBackground, c.clusterFill]) expect(contrastRatio(c.text, fill), fill).toBeGreaterThanOrEqual(4.5);
    for (const page of [WHITE, DARK_BACKGROUND]) {
      expect(contrastRatio(c.line, page), `line on ${page}`).toBeGreaterThanOrEqual(3);
      // A node stands out by its border (light page) or its fill (dark page).
      expect(Math.max(contrastRatio(c.nodeBorder, page), contrastRatio(c.nodeFill, page)), `node on ${page}`).toBeGreaterThanOrEqual(3);
    }
  });
});

describe('the HR report\'s coverage tones', () => {
  it('reach 3 : 1 against the page and against the bar\'s track #eee', () => {
    for (const [tone, colour] of Object.entries(COLOURS)) {
      for (const background of [WHITE, '#eeeeee']) expect(contrastRatio(colour, background), `${tone} on ${background}`).toBeGreaterThanOrEqual(3);
    }
  });
});
