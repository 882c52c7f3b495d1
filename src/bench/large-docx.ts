/**
 * A large Word document for `npm run bench`: a Stellenbeschreibung with wide tables (many
 * columns, cells with several paragraphs and bold runs with blanks around them – what made
 * a 474 KB document 2.5 MB of Markdown), generated with the `docx` package from a seed.
 * Like Word, every paragraph and run carries revision and paragraph ids (`w:rsidR`,
 * `w14:paraId` – random hex, which is much of a real file's size). `text` is the number of
 * UTF-8 bytes of text in it, to compare the Markdown size with.
 */
import { Document, HeadingLevel, Packer, Paragraph, Table, TableCell, TableRow, TextRun } from 'docx';
// mammoth's zip library (JSZip); its own wrapper writes without compression.
import JSZip from 'jszip';
import { mulberry32 } from './generate/random';

export interface LargeDocxOptions {
  /** Tables of `rows` rows each. */
  tables: number;
  rows: number;
  columns: number;
  seed?: number;
}

/** The bench's document: ≥ 400 KB. */
export const LARGE_DOCX: LargeDocxOptions = { tables: 7, rows: 40, columns: 16, seed: 1 };

const WORDS = (
  'Antrag Bescheid Gebühr Frist Prüfung Akte Vorgang Stellungnahme Anhörung Widerspruch Zustellung Erlaubnis ' +
  'Gewerbe Anmeldung Abmeldung Ummeldung Auskunft Register Kasse Zahlung Mahnung Vollstreckung Ordnungswidrigkeit ' +
  'Verwarnung Bußgeld Sachbearbeitung Vertretung Amtsleitung Fachbereich Bürgerbüro Satzung Verordnung Gesetz ' +
  'Zuständigkeit Rückfrage Unterlagen Nachweis Bescheinigung Eingang Ausgang Wiedervorlage Ablage Termin'
).split(' ');

export async function largeDocx(options: LargeDocxOptions = LARGE_DOCX): Promise<{ bytes: Buffer; text: number }> {
  const random = mulberry32(options.seed ?? 1);
  const pick = () => WORDS[Math.floor(random() * WORDS.length)]!;
  let text = 0;
  const words = (n: number) => {
    const value = Array.from({ length: n }, pick).join(' ') + ` ${Math.floor(random() * 100_000)}`;
    text += Buffer.byteLength(value);
    return value;
  };
  const cell = (row: number) => {
    const paragraphs = [new Paragraph({ children: [new TextRun(words(3)), new TextRun({ text: ` ${words(1)} `, bold: true }), new TextRun(words(2))] })];
    if (row % 3 === 0) paragraphs.push(new Paragraph(words(4)));
    return new TableCell({ children: paragraphs });
  };
  const children: Array<Paragraph | Table> = [new Paragraph({ text: words(3), heading: HeadingLevel.TITLE })];
  for (let t = 0; t < options.tables; t++) {
    children.push(new Paragraph({ text: words(2), heading: HeadingLevel.HEADING_1 }), new Paragraph(words(30)));
    const rows = Array.from({ length: options.rows }, (_, r) => new TableRow({ children: Array.from({ length: options.columns }, () => cell(r)) }));
    children.push(new Table({ rows }));
  }
  const zip = await JSZip.loadAsync(await Packer.toBuffer(new Document({ sections: [{ children }] })));
  const hex = () => Math.floor(random() * 0x1_0000_0000).toString(16).toUpperCase().padStart(8, '0');
  const xml = (await zip.file('word/document.xml')!.async('string'))
    .replace(/<w:p>/g, () => `<w:p w14:paraId="${hex()}" w14:textId="${hex()}" w:rsidR="${hex()}" w:rsidRDefault="${hex()}" w:rsidP="${hex()}">`)
    .replace(/<w:r>/g, () => `<w:r w:rsidRPr="${hex()}">`);
  zip.file('word/document.xml', xml);
  return { bytes: await zip.generateAsync({ type: 'nodebuffer', compression: 'DEFLATE' }), text };
}
