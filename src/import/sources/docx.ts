import mammoth from 'mammoth';
import { ImportError } from '../errors';

export interface ExtractedImage {
  /** File name under static/img/<id>/, e.g. `bild-1.png`. */
  name: string;
  bytes: Uint8Array;
}

export interface DocxHtml {
  html: string;
  images: ExtractedImage[];
  /** mammoth's notes on what it could not convert (unknown styles, …). */
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
  try {
    result = await mammoth.convertToHtml({ buffer: Buffer.from(bytes) }, {
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
  return { html: result.value, images, warnings: result.messages.map((m) => m.message) };
}
