import { it } from "vitest";
import { loadWiki, validateWiki, parseIsoDate, formatFinding } from '../src/knowledge';
import { overlayWiki } from './helpers';
const fm = (lines: string) => `---\n${lines}\n---\n`;
const guide = (id: string, extra = '') => fm(`id: ${id}\ntype: guide\ntitle: T\ndepartment: fb1\nowner: stelle-1-001\nreviewed: 2026-06-01${extra}`);
const root = overlayWiki({
  'fb1/binaer.md': new Uint8Array([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 0x0d]),
  'fb1/latin1.md': Buffer.from(guide('latin1') + 'Gr\xfc\xdfe aus dem Rathaus.\n', 'latin1'),
  'fb1/liste.md': '---\n- id: liste\n- type: guide\n---\nText.\n',
  'fb1/doppelt.md': guide('doppelt', '\ntitle: Nochmal') + 'Text.\n',
  'fb1/bom-crlf.md': ('\uFEFF' + guide('bom-crlf') + '\nText mit Umlauten: äöü.\n').replace(/\n/g, '\r\n'),
  'fb1/code-ueberschrift.md': fm('id: code-ueberschrift\ntype: department\ntitle: T\ndepartment: fb1\nowner: stelle-1-001\nreviewed: 2026-06-01') + '\n```\n## Aufgaben des Fachbereichs\n```\n',
  'fb1/code-todo.md': guide('code-todo') + '\n`TODO: inline`\n\n```\nTODO: block\n```\n\n    TODO: eingerückt\n\n<!-- TODO: Kommentar -->\n',
  'fb1/leer.md': Buffer.alloc(0),
  'fb1/nur-strich.md': '---',
  'fb1/lange-zeile.md': guide('lange-zeile') + '\n' + 'Wort '.repeat(40_000) + '\n',
  'fb1/schluessel.md': fm('id: schluessel\ntype: guide\ntitle: T\ndepartment: fb1\nowner: stelle-1-001\nreviewed: 2026-06-01\n[a, b]: 1') + 'Text.\n',
  'fb1/zahl-schluessel.md': guide('zahl-schluessel', '\n2026: Jahr') + 'Text.\n',
  'fb1/unbekannt.md': fm('id: unbekannt\ntype: rezept\ntitle: T\ndepartment: fb1\nowner: stelle-1-001\nreviewed: 2026-06-01') + 'Text.\n',
  'fb1/stelle-1-003.md': fm('id: stelle-1-003\ntype: post\ntitle: T\ndepartment: fb1\nowner: stelle-1-003\nreviewed: 2026-06-01\ncriticality: low\ndeputies: [[stelle-1-001]]\nsystems: [[a, b], c]\ntags: [[x]]') + '## Aufgaben\n\nx\n\n## Vertretung\n\nx\n\n## Ansprechpartner\n\nx\n\n## Fristen und Termine\n\nx\n\n## Fachverfahren und Zugänge\n\nx\n\n## Ablage und Akten\n\nx\n',
  'fb1/null-werte.md': fm('id: null-werte\ntype: process\ntitle:\ndepartment: fb1\nowner: ~\nreviewed: null\nperformers:\nfrequency: weekly\ndigital:\n  status: null\nlegal_basis: [null]') + '## Zweck\n\nx\n\n## Ablauf\n\nx\n\n## Rechtsgrundlagen\n\nx\n\n## Sonderfälle\n\nx\n',
  'fb1/id-null.md': fm('id:\ntype: guide\ntitle: T\ndepartment: fb1\nowner: stelle-1-001\nreviewed: 2026-06-01') + 'Text\n',
  'fb1/objekt-id.md': fm('id: {a: 1}\ntype: [post]\ntitle: [T]\ndepartment: fb1\nowner: stelle-1-001\nreviewed: 2026-06-01') + 'Text\n',
});
it("x", () => { const r = validateWiki(loadWiki(root, root), parseIsoDate('2026-11-28')!);
console.log(r.findings.map(formatFinding).map((l) => l.slice(0, 250)).join('\n')); });
