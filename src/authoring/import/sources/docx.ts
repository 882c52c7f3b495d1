import mammoth from 'mammoth';
import { openArrayBuffer, type MammothZip } from 'mammoth/lib/zipfile';
import { ImportError } from '../errors';
import { countComments, LEFT_OUT_NOTE, markLeftOut, readRelationships, stripRevisionIds, type LeftOut, type LeftOutKind } from './word-xml';
import { counted } from '../../../core/german';

export interface ExtractedImage {
  /** File name under static/img/<id>/, e.g. `bild-1.png`. */
  name: string;
  bytes: Uint8Array;
}

export interface DocxHtml {
  html: string;
  images: ExtractedImage[];
  /** What was left out or could not be converted, one German line each, for the report. */
  warnings: string[];
}

const ZIP = [0x50, 0x4b, 0x03, 0x04];
/** OLE compound file: old `.doc`, and every password-protected (encrypted) `.docx`. */
const OLE = [0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1];
const startsWith = (bytes: Uint8Array, magic: number[]) => magic.every((b, i) => bytes[i] === b);

/** German Word and the document title: headings by their visible names as well. */
const STYLE_MAP = [
  "p[style-name='Title'] => h1:fresh",
  "p[style-name='Titel'] => h1:fresh",
  ...[1, 2, 3, 4, 5, 6].map((n) => `p[style-name='Überschrift ${n}'] => h${n}:fresh`),
];

const EXTENSIONS: Record<string, string> = {
  'image/png': 'png', 'image/jpeg': 'jpg', 'image/gif': 'gif', 'image/bmp': 'bmp',
  'image/svg+xml': 'svg', 'image/webp': 'webp', 'image/tiff': 'tif', 'image/x-emf': 'emf', 'image/x-wmf': 'wmf',
};

/**
 * Word (.docx) → HTML with mammoth; embedded images are collected (named `bild-N.ext`)
 * and referenced as `<imageBase>/bild-N.ext`. Encrypted, corrupt and empty files are
 * refused with one German sentence (ImportError).
 */
export async function docxToHtml(bytes: Uint8Array, label: string, imageBase: string): Promise<DocxHtml> {
  if (bytes.length === 0) throw new ImportError(`${label}: Die Datei ist leer.`);
  if (startsWith(bytes, OLE)) {
    throw new ImportError(`${label}: Die Datei ist passwortgeschützt oder im alten Word-Format (.doc) – bitte in Word ohne Kennwort als .docx speichern.`);
  }
  if (!startsWith(bytes, ZIP)) throw new ImportError(`${label}: Die Datei ist beschädigt oder keine Word-Datei (.docx).`);
  const images: ExtractedImage[] = [];
  let result: { value: string; messages: { type: string; message: string }[] };
  let leftOut: LeftOut[];
  let comments: number;
  try {
    const zip = await openArrayBuffer(Buffer.from(bytes));
    ({ leftOut, comments } = await markPackage(zip));
    // mammoth takes an opened package as `file` (lib/unzip.js); its types only name path and buffer.
    result = await mammoth.convertToHtml({ file: zip } as unknown as { buffer: Buffer }, {
      styleMap: STYLE_MAP,
      convertImage: mammoth.images.imgElement(async (image) => {
        const name = `bild-${images.length + 1}.${EXTENSIONS[image.contentType] ?? 'bin'}`;
        images.push({ name, bytes: new Uint8Array(await image.readAsBuffer()) }); // mammoth sets the alt text
        return { src: `${imageBase}/${name}` };
      }),
    });
  } catch {
    throw new ImportError(`${label}: Die Datei ist beschädigt oder keine Word-Datei (.docx).`);
  }
  const warnings = [...leftOutLines(leftOut), ...germanMessages(result.messages)];
  if (comments > 0) warnings.push(`Kommentare nicht übernommen: ${comments}`);
  return { html: result.value, images, warnings };
}

/** The parts mammoth reads: the main document (named in `_rels/.rels`), its footnotes and endnotes. */
async function markPackage(zip: MammothZip): Promise<{ leftOut: LeftOut[]; comments: number }> {
  const read = async (name: string) => (zip.exists(name) ? zip.read(name, 'utf-8') : undefined);
  const relsOf = (part: string) => part.replace(/([^/]*)$/, '_rels/$1.rels');
  const main = [...readRelationships(await read('_rels/.rels')).values()].find((r) => /\.xml$/.test(r.target) && !r.external && /document/i.test(r.target));
  const mainPart = (main?.target ?? 'word/document.xml').replace(/^\//, '');
  const mainRels = readRelationships(await read(relsOf(mainPart)));
  const folder = mainPart.replace(/[^/]*$/, '');
  const notes = [...mainRels.values()].filter((r) => !r.external && /^(?:foot|end)notes\d*\.xml$/.test(r.target.replace(/^.*\//, '')));
  const leftOut: LeftOut[] = [];
  let comments = 0;
  for (const part of [mainPart, ...notes.map((r) => `${folder}${r.target}`)]) {
    const original = await read(part);
    if (original === undefined) continue;
    const xml = stripRevisionIds(original);
    if (part === mainPart) comments = countComments(xml);
    const marked = markLeftOut(xml, part === mainPart ? mainRels : readRelationships(await read(relsOf(part))));
    if (marked.xml !== original) zip.write(part, marked.xml);
    leftOut.push(...marked.leftOut);
  }
  return { leftOut, comments };
}

const LEFT_OUT_LABEL: Record<LeftOutKind, [one: string, many: string]> = {
  formula: ['Formel', 'Formeln'],
  linkedImage: ['nur verknüpftes Bild', 'nur verknüpfte Bilder'],
  chart: ['Diagramm', 'Diagramme'],
  smartArt: ['SmartArt-Grafik', 'SmartArt-Grafiken'],
  pictureGroup: ['Grafik aus mehreren Teilen, nur ihre Bilder übernommen', 'Grafiken aus mehreren Teilen, nur ihre Bilder übernommen'],
};

function leftOutLines(leftOut: LeftOut[]): string[] {
  return (Object.keys(LEFT_OUT_LABEL) as LeftOutKind[]).flatMap((kind) => {
    const found = leftOut.filter((l) => l.kind === kind);
    if (found.length === 0) return [];
    const details = found.map((l) => l.detail).filter(Boolean);
    const [one, many] = LEFT_OUT_LABEL[kind];
    return [`Nicht übernommen: ${counted(found.length, one, many)} (im Text „[${LEFT_OUT_NOTE[kind]}]“)${details.length > 0 ? `: ${details.join(', ')}` : ''}`];
  });
}

/** mammoth's messages (English) in German, alike ones gathered on one line. */
function germanMessages(messages: { type: string; message: string }[]): string[] {
  const grouped = new Map<string, Set<string>>();
  const add = (label: string, item = '') => grouped.set(label, (grouped.get(label) ?? new Set()).add(item));
  for (const { type, message } of messages) {
    let m: RegExpExecArray | null;
    if ((m = /^Unrecognised paragraph style: '(.*)' \(Style ID: (.*)\)$/.exec(message))) add('Absatzformate ohne Entsprechung (als normaler Absatz übernommen)', m[1] || m[2]);
    else if ((m = /^Unrecognised run style: '(.*)' \(Style ID: (.*)\)$/.exec(message))) add('Zeichenformate ohne Entsprechung (als normaler Text übernommen)', m[1] || m[2]);
    else if ((m = /^An unrecognised element was ignored: (?:\{.*\})?(.*)$/.exec(message))) add('Unbekannte Word-Elemente ausgelassen', m[1]);
    else if ((m = /^A w:sym element with an unsupported character was ignored: char (\S+) in font (.*)$/.exec(message))) add('Sonderzeichen ausgelassen', `${m[1]} (${m[2]})`);
    else if ((m = /^Unsupported break type: (.*)$/.exec(message))) add('Umbrüche ausgelassen', m[1]);
    else if ((m = /^(\w+) style with ID (.*) was referenced but not defined in the document$/.exec(message))) add('Formate verwendet, aber nicht definiert', m[2]);
    else if (/^Image of type .* is unlikely to display in web browsers$/.test(message)) continue; // named with the files (EMF/WMF note)
    else if (/^(?:Could not find image file for a:blip element|A v:imagedata element without a relationship ID was ignored)$/.test(message)) add('Bilder ohne Bilddatei ausgelassen');
    else if (/cell merging may be incorrect$/.test(message)) add('Tabelle ungewöhnlich aufgebaut – verbundene Zellen bitte prüfen');
    else if (/^Ignoring complex field/.test(message)) add('Unvollständiges Word-Feld ausgelassen');
    else add(type === 'error' ? 'Fehler beim Umwandeln' : 'Hinweis von mammoth', message);
  }
  return [...grouped].map(([label, items]) => {
    const list = [...items].filter(Boolean);
    return list.length > 0 ? `${label}: ${list.join(', ')}` : label;
  });
}
