import type { Heading, Html, Paragraph, Root as MdastRoot } from 'mdast';
import remarkGfm from 'remark-gfm';
import remarkParse from 'remark-parse';
import { unified } from 'unified';
import { describe, expect, it } from 'vitest';
import { rehypeSanitizeArticle, remarkRawHtmlGate, splitRawHtml } from '../src/site/raw-html';
import { sanitizeSchema } from '../src/site/sanitize-schema';

// rehype-parse/rehype-stringify are not installed, so the sanitiser is tested on hast trees
// as Docusaurus hands them over (after rehype-raw); the e2e test checks the built pages.

interface HNode {
  type: string;
  tagName?: string;
  properties?: Record<string, unknown>;
  children?: HNode[];
  value?: string;
  [key: string]: unknown;
}

const el = (tagName: string, properties: Record<string, unknown> = {}, children: HNode[] = []): HNode => ({ type: 'element', tagName, properties, children });
const text = (value: string): HNode => ({ type: 'text', value });

function sanitize(...children: HNode[]): HNode[] {
  const result = rehypeSanitizeArticle(sanitizeSchema)({ type: 'root', children }) as HNode;
  return result.children ?? [];
}

function markdown(source: string): MdastRoot {
  const processor = unified().use(remarkParse).use(remarkGfm).use(remarkRawHtmlGate);
  return processor.runSync(processor.parse(source)) as MdastRoot;
}

describe('splitRawHtml', () => {
  it('marks tags that are no HTML element as text and keeps everything else', () => {
    expect(splitRawHtml('<Foo />')).toEqual([{ kind: 'text', value: '<Foo />', markup: false }]);
    expect(splitRawHtml('<div onclick="alert(4)">')).toEqual([{ kind: 'html', value: '<div onclick="alert(4)">', markup: true }]);
    expect(splitRawHtml('<div>\n<Aktenzeichen>\n</div>')).toEqual([
      { kind: 'html', value: '<div>\n', markup: true },
      { kind: 'text', value: '<Aktenzeichen>', markup: false },
      { kind: 'html', value: '\n</div>', markup: true },
    ]);
    expect(splitRawHtml('<!-- <Foo> in a comment -->')).toEqual([{ kind: 'html', value: '<!-- <Foo> in a comment -->', markup: true }]);
    expect(splitRawHtml('<div title="<Foo>">')[0].kind).toBe('html');
    expect(splitRawHtml('<SCRIPT>')[0].kind).toBe('html');
    expect(splitRawHtml('</Foo>')[0].kind).toBe('text');
  });
});

describe('remarkRawHtmlGate', () => {
  it('turns <Foo /> into text, inline and as a block of its own', () => {
    const tree = markdown('Komponente <Foo /> im Satz.\n\n<Foo />\n\n{1+1}\n');
    const [inline, block, expression] = tree.children as Paragraph[];
    expect(inline.children.map((c) => c.type)).toEqual(['text', 'text', 'text']);
    expect(inline.children[1]).toMatchObject({ type: 'text', value: '<Foo />' });
    expect(block).toMatchObject({ type: 'paragraph', children: [{ type: 'text', value: '<Foo />' }] });
    expect(expression).toMatchObject({ type: 'paragraph', children: [{ type: 'text', value: '{1+1}' }] });
  });

  it('leaves real HTML and comments to the sanitiser', () => {
    const tree = markdown('<!-- Hinweis -->\n\n<div onclick="alert(4)">x</div>\n\nText <kbd>S</kbd>.\n');
    expect(tree.children[0]).toMatchObject({ type: 'html', value: '<!-- Hinweis -->' });
    expect(tree.children[1]).toMatchObject({ type: 'html', value: '<div onclick="alert(4)">x</div>' });
    expect((tree.children[2] as Paragraph).children.filter((c) => c.type === 'html')).toHaveLength(2);
  });

  it('splits HTML blocks around placeholder tags', () => {
    const tree = markdown('<div>\n<Aktenzeichen>\n</div>\n');
    expect(tree.children.map((c) => [c.type, (c as Html).value])).toEqual([
      ['html', '<div>\n'],
      ['text', '<Aktenzeichen>'],
      ['html', '\n</div>'],
    ]);
  });

  it('drops HTML from headings (their HTML would reach the table of contents unsanitised)', () => {
    const tree = markdown('## Titel <img src=x onerror="alert(5)"> mit <Foo> und <b>fett</b>\n');
    const heading = tree.children[0] as Heading;
    expect(heading.children.some((c) => c.type === 'html')).toBe(false);
    expect(heading.children.map((c) => ('value' in c ? c.value : '')).join('')).toBe('Titel  mit <Foo> und fett');
  });
});

describe('rehypeSanitizeArticle with sanitizeSchema', () => {
  it('removes script, style, iframe, object, embed and svg with their content', () => {
    const out = sanitize(
      el('script', {}, [text('alert(1)')]),
      el('style', {}, [text('body{display:none}')]),
      el('iframe', { src: 'https://example.org' }, [text('fallback')]),
      el('object', { data: 'x.swf' }, [el('param', { name: 'a' })]),
      el('embed', { src: 'x.swf' }),
      el('svg', { onLoad: 'alert(7)' }, [el('circle', { r: '5' })]),
      el('p', {}, [text('bleibt')]),
    );
    expect(out).toEqual([el('p', {}, [text('bleibt')])]);
  });

  it('removes event handlers and javascript:/data:/vbscript: URLs but keeps the elements', () => {
    const out = sanitize(
      el('img', { src: 'x', onError: 'alert(2)', onerror: 'alert(2)', alt: 'Bild' }),
      el('a', { href: 'javascript:alert(3)' }, [text('x')]),
      el('a', { href: 'JaVaScRiPt:alert(8)' }, [text('y')]),
      el('a', { href: 'vbscript:msgbox(1)' }, [text('z')]),
      el('img', { src: 'data:image/svg+xml,<svg onload=alert(1)>' }),
      el('div', { onClick: 'alert(4)', style: 'position:fixed', className: ['evil'] }, [text('Klickfläche')]),
    );
    expect(out).toEqual([
      el('img', { src: 'x', alt: 'Bild' }),
      el('a', {}, [text('x')]),
      el('a', {}, [text('y')]),
      el('a', {}, [text('z')]),
      el('img', {}),
      el('div', {}, [text('Klickfläche')]),
    ]);
  });

  it('unwraps other elements (form, button, font, unknown) and keeps their text', () => {
    const out = sanitize(el('form', { action: 'https://example.org' }, [el('button', { formAction: 'javascript:alert(11)' }, [text('Senden')])]), el('font', { color: 'red' }, [text('rot')]));
    expect(out).toEqual([text('Senden'), text('rot')]);
  });

  it('keeps what Docusaurus renders from Markdown', () => {
    const rendered = [
      el('h2', { id: 'ablauf' }, [text('Ablauf')]),
      el('pre', {}, [el('code', { className: ['language-js'], metastring: 'title="a.js" {1,3}', live: false }, [text('const a = 1;')])]),
      el('mermaid', { value: 'flowchart TD\n  A --> B' }),
      el('admonition', { type: 'warning', title: 'Achtung' }, [el('p', {}, [text('Frist!')])]),
      el('table', {}, [el('thead', {}, [el('tr', {}, [el('th', { align: 'left' }, [text('A')])])]), el('tbody', {}, [el('tr', {}, [el('td', { align: 'left' }, [text('1')])])])]),
      el('ul', { className: ['contains-task-list'] }, [el('li', { className: ['task-list-item'] }, [el('input', { type: 'checkbox', checked: true, disabled: true }), text(' erledigt')])]),
      el('p', {}, [el('sup', {}, [el('a', { href: '#user-content-fn-1', id: 'user-content-fnref-1', dataFootnoteRef: true, ariaDescribedBy: ['footnote-label'] }, [text('1')])])]),
      el('section', { dataFootnotes: true, className: ['footnotes'] }, [
        el('h2', { className: ['sr-only'], id: 'footnote-label' }, [text('Fußnoten')]),
        el('ol', {}, [el('li', { id: 'user-content-fn-1' }, [el('a', { href: '#user-content-fnref-1', dataFootnoteBackref: '', ariaLabel: 'Zurück zum Verweis 1', className: ['data-footnote-backref'] }, [text('↩')])])]),
      ]),
      el('details', { open: true }, [el('summary', {}, [text('Mehr')]), el('p', {}, [text('Inhalt')])]),
      el('p', {}, [el('a', { href: '/fb1/stelle-1-001', title: 'Stelle' }, [text('intern')]), el('a', { href: 'tel:+4912345' }, [text('Anruf')]), el('img', { src: 'https://intranet/bild.png', alt: 'Bild' })]),
      el('p', {}, [el('kbd', {}, [text('Strg')]), el('sub', {}, [text('2')]), el('br'), el('mark', {}, [text('wichtig')])]),
    ];
    expect(sanitize(...structuredClone(rendered))).toEqual(rendered);
  });

  it('drops ids that could clobber Docusaurus and prefixes name', () => {
    expect(sanitize(el('h2', { id: '__docusaurus' }, [text('x')]), el('a', { name: 'top' }, [text('y')]))).toEqual([
      el('h2', {}, [text('x')]),
      el('a', { name: 'user-content-top' }, [text('y')]),
    ]);
  });

  it('keeps the MDX nodes Docusaurus generated and sanitises their children', () => {
    const toc = { type: 'mdxjsEsm', value: '', data: { estree: { type: 'Program', body: [] } } };
    const image = { type: 'mdxJsxTextElement', name: 'img', attributes: [{ type: 'mdxJsxAttribute', name: 'alt', value: 'x' }], children: [] };
    const header = { type: 'mdxJsxFlowElement', name: 'header', attributes: [], children: [el('h1', {}, [text('Titel')]), el('script', {}, [text('alert(1)')]), image] };
    const out = sanitize(toc, header);
    expect(out[0]).toBe(toc);
    expect(out[1]).toBe(header);
    expect(header.children).toEqual([el('h1', {}, [text('Titel')]), image]);
  });

  it('gives an author no way to smuggle in a slot', () => {
    const esm = { type: 'mdxjsEsm', value: '' };
    const forged = el('stellenwissen-mdx-slot', { dataSlot: 0 }, [text('x')]);
    const out = sanitize(esm, forged);
    expect(out).toHaveLength(2);
    expect(out[0]).toBe(esm);
    expect(out[1]).toEqual(el('span', {}, [text('x')]));
  });
});
