/**
 * Content that mammoth leaves out without a trace – equations, pictures that are only
 * linked, charts, SmartArt –, found in the package's XML and replaced by a visible note
 * („[Formel nicht übernommen]“) before mammoth reads it, so the article shows where
 * something is missing and the report can name it.
 */

export type LeftOutKind = 'formula' | 'linkedImage' | 'chart' | 'smartArt' | 'pictureGroup';

/** What the article shows in place of the element, in brackets. */
export const LEFT_OUT_NOTE: Record<LeftOutKind, string> = {
  formula: 'Formel nicht übernommen',
  linkedImage: 'Bild nicht übernommen, nur verknüpft',
  chart: 'Diagramm nicht übernommen',
  smartArt: 'SmartArt-Grafik nicht übernommen',
  pictureGroup: 'Formen der Grafik nicht übernommen',
};

export interface LeftOut {
  kind: LeftOutKind;
  /** The linked file, or the object's name in Word („Diagramm 2“). */
  detail?: string;
}

const NS = {
  w: 'http://schemas.openxmlformats.org/wordprocessingml/2006/main',
  m: 'http://schemas.openxmlformats.org/officeDocument/2006/math',
  mc: 'http://schemas.openxmlformats.org/markup-compatibility/2006',
  r: 'http://schemas.openxmlformats.org/officeDocument/2006/relationships',
  a: 'http://schemas.openxmlformats.org/drawingml/2006/main',
  wp: 'http://schemas.openxmlformats.org/drawingml/2006/wordprocessingDrawing',
  v: 'urn:schemas-microsoft-com:vml',
  w14: 'http://schemas.microsoft.com/office/word/2010/wordml',
} as const;

const GRAPHIC: Array<[RegExp, LeftOutKind]> = [
  [/\/drawingml\/2006\/chart"|\/drawing\/2014\/chartex"/, 'chart'],
  [/\/drawingml\/2006\/diagram"/, 'smartArt'],
];

export interface Relationship {
  target: string;
  external: boolean;
}

/** `Id → target` of a `.rels` part. */
export function readRelationships(xml: string | undefined): Map<string, Relationship> {
  const rels = new Map<string, Relationship>();
  for (const tag of xml?.match(/<(?:\w+:)?Relationship\b[^>]*>/g) ?? []) {
    const id = attribute(tag, 'Id');
    const target = attribute(tag, 'Target');
    if (id && target !== undefined) rels.set(id, { target, external: attribute(tag, 'TargetMode') === 'External' });
  }
  return rels;
}

const XML_ENTITIES: Record<string, string> = { amp: '&', lt: '<', gt: '>', quot: '"', apos: "'" };
const unescapeXml = (value: string) =>
  value.replace(/&(?:#x([0-9a-f]+)|#(\d+)|(\w+));/gi, (all, hex: string, dec: string, name: string) =>
    hex ? String.fromCodePoint(parseInt(hex, 16)) : dec ? String.fromCodePoint(Number(dec)) : XML_ENTITIES[name] ?? all);
const escapeXml = (value: string) => value.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');
const escapeRegExp = (value: string) => value.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

function attribute(tag: string, name: string): string | undefined {
  const match = new RegExp(`\\s${escapeRegExp(name)}\\s*=\\s*(?:"([^"]*)"|'([^']*)')`).exec(tag);
  return match ? unescapeXml(match[1] ?? match[2] ?? '') : undefined;
}

/** The prefix a part uses for each namespace (the usual one if it does not declare it). */
function prefixes(xml: string): Record<keyof typeof NS, string> {
  const declared = new Map<string, string>();
  for (const match of xml.matchAll(/\sxmlns:([\w.-]+)\s*=\s*"([^"]*)"/g)) if (!declared.has(match[2]!)) declared.set(match[2]!, match[1]!);
  return Object.fromEntries(Object.entries(NS).map(([usual, uri]) => [usual, declared.get(uri) ?? usual])) as Record<keyof typeof NS, string>;
}

interface Span {
  name: string;
  start: number;
  end: number;
  /** Whether another element of the scanned names lies inside. */
  parent: boolean;
}

/** Start and end of every element with one of these names (nesting respected), in one pass. */
function spans(xml: string, names: string[]): Span[] {
  const found: Span[] = [];
  const open: Array<Span> = [];
  const tags = new RegExp(`<(/?)(${names.map(escapeRegExp).join('|')})(?=[\\s/>])[^>]*?(/?)>`, 'g');
  for (const match of xml.matchAll(tags)) {
    const [tag, closing, name, selfClosing] = match;
    const at = match.index;
    if (selfClosing) {
      if (open.length > 0) open[open.length - 1]!.parent = true;
      found.push({ name: name!, start: at, end: at + tag.length, parent: false });
    } else if (!closing) {
      if (open.length > 0) open[open.length - 1]!.parent = true;
      open.push({ name: name!, start: at, end: -1, parent: false });
    } else {
      // Close the innermost element of that name (malformed nesting: whatever is open above it closes too).
      const index = open.map((s) => s.name).lastIndexOf(name!);
      if (index === -1) continue;
      const span = open[index]!;
      span.end = at + tag.length;
      found.push(span);
      open.length = index;
    }
  }
  return found;
}

/**
 * Replaces what mammoth would drop in one part (`document.xml`, `footnotes.xml` …) by a
 * visible note; `rels` are the part's relationships (to tell linked from embedded pictures).
 */
export function markLeftOut(xml: string, rels: Map<string, Relationship>): { xml: string; leftOut: LeftOut[] } {
  const p = prefixes(xml);
  const q = (prefix: string, local: string) => `${prefix}:${local}`;
  const names = {
    mathPara: q(p.m, 'oMathPara'), math: q(p.m, 'oMath'), drawing: q(p.w, 'drawing'), pict: q(p.w, 'pict'), choice: q(p.mc, 'Choice'),
  };
  const all = spans(xml, Object.values(names));
  // mammoth reads an mc:AlternateContent's fallback only: what is inside mc:Choice is never seen.
  const choices = all.filter((s) => s.name === names.choice);
  const unseen = (s: Span) => choices.some((c) => c.start < s.start && s.end <= c.end);
  const inside = (s: Span, outer: string) => all.some((o) => o.name === outer && o.start < s.start && s.end <= o.end);

  const replacements: Array<{ span: Span; kind: LeftOutKind; detail?: string; inRun: boolean; pictures?: string[] }> = [];
  for (const span of all) {
    if (span.name === names.choice || unseen(span)) continue;
    if (span.name === names.mathPara || (span.name === names.math && !inside(span, names.mathPara))) {
      replacements.push({ span, kind: 'formula', inRun: false });
      continue;
    }
    if ((span.name !== names.drawing && span.name !== names.pict) || span.parent) continue;
    const body = xml.slice(span.start, span.end);
    const name = /<[\w.-]+:docPr\b[^>]*>/.exec(body)?.[0];
    const label = name ? (attribute(name, 'descr') || attribute(name, 'name')) : undefined;
    const graphic = GRAPHIC.find(([uri]) => uri.test(body));
    if (graphic) {
      replacements.push({ span, kind: graphic[1], detail: label, inRun: true });
      continue;
    }
    const linked = linkedImage(body, rels, p);
    if (linked !== undefined) {
      replacements.push({ span, kind: 'linkedImage', detail: linked, inRun: true });
      continue;
    }
    const pictures = groupedPictures(body, p);
    if (pictures.length > 0) replacements.push({ span, kind: 'pictureGroup', detail: label, inRun: true, pictures });
  }
  if (replacements.length === 0) return { xml, leftOut: [] };

  replacements.sort((x, y) => x.span.start - y.span.start);
  let out = '';
  let at = 0;
  const leftOut: LeftOut[] = [];
  for (const { span, kind, detail, inRun, pictures } of replacements) {
    if (span.start < at) continue; // inside one already replaced
    if (pictures) {
      const note = `<${p.w}:t xml:space="preserve">${escapeXml(` [${LEFT_OUT_NOTE[kind]}]`)}</${p.w}:t>`;
      out += xml.slice(at, span.start) + pictures.map((id, i) => inlinePicture(id, detail ?? '', i)).join('') + note;
      at = span.end;
      leftOut.push(detail ? { kind, detail } : { kind });
      continue;
    }
    const note = escapeXml(`[${LEFT_OUT_NOTE[kind]}${kind === 'linkedImage' && detail ? `: ${detail}` : ''}]`);
    const text = `<${p.w}:t xml:space="preserve">${note}</${p.w}:t>`;
    // A drawing sits in a run (w:r), an equation beside runs: it needs a run of its own.
    out += xml.slice(at, span.start) + (inRun ? text : `<${p.w}:r>${text}</${p.w}:r>`);
    at = span.end;
    leftOut.push(detail ? { kind, detail } : { kind });
  }
  return { xml: out + xml.slice(at), leftOut };
}

/** The target of a picture that is linked, not embedded (`undefined` for anything else). */
function linkedImage(body: string, rels: Map<string, Relationship>, p: Record<keyof typeof NS, string>): string | undefined {
  const blip = new RegExp(`<${escapeRegExp(p.a)}:blip\\b[^>]*>`).exec(body)?.[0];
  if (blip) {
    if (attribute(blip, `${p.r}:embed`)) return undefined;
    const link = attribute(blip, `${p.r}:link`);
    return link === undefined ? undefined : rels.get(link)?.target ?? link;
  }
  const imageData = new RegExp(`<${escapeRegExp(p.v)}:imagedata\\b[^>]*>`).exec(body)?.[0];
  if (!imageData) return undefined;
  const id = attribute(imageData, `${p.r}:id`);
  const rel = id === undefined ? undefined : rels.get(id);
  if (rel) return rel.external ? rel.target : undefined;
  return attribute(imageData, `${p.r}:href`) ?? attribute(imageData, 'o:href');
}

/**
 * Embedded pictures that mammoth does not find: it reads only a picture directly in a
 * drawing, not one in a group, a drawing canvas or a shape filled with it.
 */
function groupedPictures(body: string, p: Record<keyof typeof NS, string>): string[] {
  if (new RegExp(`<${escapeRegExp(p.a)}:graphicData\\b[^>]*/drawingml/2006/picture"`).test(body)) return [];
  const blips = body.match(new RegExp(`<${escapeRegExp(p.a)}:blip\\b[^>]*>`, 'g')) ?? [];
  return blips.map((blip) => attribute(blip, `${p.r}:embed`)).filter((id): id is string => id !== undefined);
}

/** A plain inline picture as mammoth reads it, with its own namespace declarations. */
function inlinePicture(relationshipId: string, description: string, index: number): string {
  return `<w:drawing xmlns:w="${NS.w}"><wp:inline xmlns:wp="${NS.wp}"><wp:docPr id="${90000 + index}" name="Bild" descr="${escapeXml(description).replace(/"/g, '&quot;')}"/>` +
    `<a:graphic xmlns:a="${NS.a}"><a:graphicData uri="http://schemas.openxmlformats.org/drawingml/2006/picture">` +
    `<pic:pic xmlns:pic="http://schemas.openxmlformats.org/drawingml/2006/picture"><pic:blipFill><a:blip xmlns:r="${NS.r}" r:embed="${escapeXml(relationshipId)}"/></pic:blipFill></pic:pic>` +
    `</a:graphicData></a:graphic></wp:inline></w:drawing>`;
}

/** Word comments (`w:commentReference`): mammoth drops them, the report counts them. */
/**
 * Revision-session ids (`w:rsidR`, `w:rsidRPr` …, `w14:paraId`, `w14:textId`) stand on
 * nearly every paragraph and run. mammoth never reads them, yet in the benchmark's large
 * document they were 40 % of the XML it parses (about 0.2 s). Only attributes inside tags
 * are removed: text never starts a match, because a `<` in text is always escaped.
 */
export function stripRevisionIds(xml: string): string {
  const p = prefixes(xml);
  const attribute = new RegExp(`\\s(?:${escapeRegExp(p.w)}:rsid\\w*|${escapeRegExp(p.w14)}:(?:paraId|textId))=(?:"[^"]*"|'[^']*')`, 'g');
  return xml.replace(/<[^>]*>/g, (tag) => (tag.includes('rsid') || tag.includes('Id=') ? tag.replace(attribute, '') : tag));
}

export function countComments(xml: string): number {
  const w = prefixes(xml).w;
  return xml.match(new RegExp(`<${escapeRegExp(w)}:commentReference\\b`, 'g'))?.length ?? 0;
}
