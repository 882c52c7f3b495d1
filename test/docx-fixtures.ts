import {
  Bookmark, CommentRangeEnd, CommentRangeStart, CommentReference, Document, EndnoteReferenceRun, ExternalHyperlink, FootnoteReferenceRun,
  HeadingLevel, ImageRun, InternalHyperlink, LevelFormat, Math as MathBlock, MathFraction, MathRun, Packer, Paragraph, Table, TableCell,
  TableRow, TextRun,
} from 'docx';
import { openArrayBuffer } from 'mammoth/lib/zipfile';

/** A 1×1 PNG: the image the Word fixtures embed. */
export const PNG = Buffer.from('iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mP8z8BQDwAEhQGAhKmMIQAAAABJRU5ErkJggg==', 'base64');

const heading = (text: string, level: (typeof HeadingLevel)[keyof typeof HeadingLevel]) => new Paragraph({ text, heading: level });
const cell = (text: string) => new TableCell({ children: [new Paragraph(text)] });

/**
 * A Stellenbeschreibung as a town hall writes it in Word: a title, text before the first
 * heading, synonym headings („Aufgabenbeschreibung“, „Termine und Fristen“, …), nested
 * bullet and numbered lists, bold/italic, a link, a table without a marked header row,
 * an embedded image, umlauts, and a heading that maps to no section.
 */
export async function stellenbeschreibungDocx(): Promise<Buffer> {
  const doc = new Document({
    numbering: {
      config: [{ reference: 'schritte', levels: [{ level: 0, format: LevelFormat.DECIMAL, text: '%1.' }, { level: 1, format: LevelFormat.LOWER_LETTER, text: '%2)' }] }],
    },
    sections: [{
      children: [
        heading('Sachbearbeitung Gewerbeangelegenheiten', HeadingLevel.TITLE),
        new Paragraph('Stand der Beschreibung: Entwurf für die Übergabe – gültig für Außendienst und Büro.'),
        heading('Aufgabenbeschreibung', HeadingLevel.HEADING_1),
        new Paragraph({ text: 'Gewerbeanmeldungen prüfen', bullet: { level: 0 } }),
        new Paragraph({ text: 'Gaststättenerlaubnisse vorbereiten', bullet: { level: 1 } }),
        new Paragraph({ text: 'Bescheid entwerfen', numbering: { reference: 'schritte', level: 0 } }),
        new Paragraph({ text: 'Gebühr berechnen', numbering: { reference: 'schritte', level: 1 } }),
        new Paragraph({
          children: [
            new TextRun({ text: 'Wichtig', bold: true }), new TextRun(': Fristen der '), new TextRun({ text: 'Gewerbeordnung', italics: true }),
            new TextRun(' beachten, siehe '),
            new ExternalHyperlink({ link: 'https://www.gesetze-im-internet.de/gewo/', children: [new TextRun('GewO im Internet')] }), new TextRun('.'),
          ],
        }),
        heading('Besonderheiten im Außendienst', HeadingLevel.HEADING_2),
        new Paragraph('Kontrollen nur zu zweit.'),
        heading('Vertretungsregelung', HeadingLevel.HEADING_1),
        new Paragraph('Die Sachbearbeitung Ordnungswidrigkeiten vertritt bei Urlaub und Krankheit.'),
        heading('Termine und Fristen', HeadingLevel.HEADING_1),
        new Table({ rows: [
          new TableRow({ children: [cell('Frist'), cell('Zeitpunkt')] }),
          new TableRow({ children: [cell('Gewerbestatistik an IT.NRW'), cell('5. Werktag des Monats')] }),
          new TableRow({ children: [cell('Jahresbericht Gaststätten'), cell('31. März')] }),
        ] }),
        heading('IT-Verfahren', HeadingLevel.HEADING_1),
        new Paragraph({ text: 'OK.GEWERBE', bullet: { level: 0 } }),
        new Paragraph({ children: [new ImageRun({ type: 'png', data: PNG, transformation: { width: 16, height: 16 }, altText: { name: 'Maske', title: 'Maske', description: 'Startmaske OK.GEWERBE' } })] }),
        heading('Rechtliche Grundlagen', HeadingLevel.HEADING_1),
        new Paragraph('Gewerbeordnung, Gaststättengesetz NRW.'),
      ],
    }],
  });
  return Packer.toBuffer(doc);
}

/** A process description with „Rechtliche Grundlagen“ and „Verfahrensablauf“. */
export async function prozessDocx(): Promise<Buffer> {
  const doc = new Document({
    sections: [{
      children: [
        heading('Eheschließung anmelden', HeadingLevel.HEADING_1),
        heading('Ziel und Zweck', HeadingLevel.HEADING_2),
        new Paragraph('Die Anmeldung prüft die Ehefähigkeit.'),
        heading('Verfahrensablauf', HeadingLevel.HEADING_2),
        new Paragraph({ text: 'Unterlagen prüfen', bullet: { level: 0 } }),
        heading('Rechtliche Grundlagen', HeadingLevel.HEADING_2),
        new Paragraph('§ 12 Personenstandsgesetz.'),
      ],
    }],
  });
  return Packer.toBuffer(doc);
}

/** Edits one part of a generated package: for what the docx package cannot write (linked pictures, groups, charts). */
async function patchPart(docx: Buffer, part: string, edit: (xml: string) => string): Promise<Buffer> {
  const zip = await openArrayBuffer(docx);
  const xml = await zip.read(part, 'utf-8');
  const edited = edit(xml);
  if (edited === xml) throw new Error(`fixture: nothing to patch in ${part}`);
  zip.write(part, edited);
  return Buffer.from(await zip.toArrayBuffer());
}

/** A 1×1 GIF: a second picture (the docx package stores equal pictures once). */
export const GIF = Buffer.from('R0lGODlhAQABAIAAAP///wAAACwAAAAAAQABAAACAkQBADs=', 'base64');

const image = (description: string, gif = false) => new ImageRun({
  ...(gif ? { type: 'gif' as const, data: GIF } : { type: 'png' as const, data: PNG }),
  transformation: { width: 16, height: 16 }, altText: { name: description, title: description, description },
});

/**
 * Tables as administrations write them: a cell with two paragraphs, a cell with a bullet
 * list (one item with a sub-list), a cell with a numbered list, a line break inside a
 * paragraph, a footnote in a cell.
 */
export async function tableCellsDocx(): Promise<Buffer> {
  const doc = new Document({
    numbering: { config: [{ reference: 'nummern', levels: [{ level: 0, format: LevelFormat.DECIMAL, text: '%1.' }] }] },
    footnotes: { 1: { children: [new Paragraph('Nach Satzung.')] } },
    sections: [{
      children: [
        heading('Zuständigkeiten', HeadingLevel.HEADING_1),
        new Table({ rows: [
          new TableRow({ children: [cell('Aufgabe'), cell('Schritte'), cell('Hinweis')] }),
          new TableRow({ children: [
            new TableCell({ children: [new Paragraph('Simple'), new Paragraph('Multiparagraph')] }),
            new TableCell({ children: [
              new Paragraph({ text: 'eins', bullet: { level: 0 } }),
              new Paragraph({ text: 'Unterpunkt', bullet: { level: 1 } }),
              new Paragraph({ text: 'zwei', bullet: { level: 0 } }),
            ] }),
            new TableCell({ children: [new Paragraph({ children: [new TextRun('Zeile A'), new TextRun({ text: 'Zeile B', break: 1 }), new FootnoteReferenceRun(1)] })] }),
          ] }),
          new TableRow({ children: [
            cell('Bescheid'),
            new TableCell({ children: [
              new Paragraph({ text: 'prüfen', numbering: { reference: 'nummern', level: 0 } }),
              new Paragraph({ text: 'zeichnen', numbering: { reference: 'nummern', level: 0 } }),
            ] }),
            cell('–'),
          ] }),
        ] }),
        new Paragraph('Text nach der Tabelle.'),
      ],
    }],
  });
  return Packer.toBuffer(doc);
}

/**
 * Word bookmarks: a table of contents linking to bookmarks in headings (one heading maps to
 * a section, one is a sub-section, one is the document title), a cross reference to a
 * bookmark in running text, and a link to a bookmark that does not exist.
 */
export async function bookmarksDocx(): Promise<Buffer> {
  const marked = (id: string, text: string, level: (typeof HeadingLevel)[keyof typeof HeadingLevel]) =>
    new Paragraph({ heading: level, children: [new Bookmark({ id, children: [new TextRun(text)] })] });
  const doc = new Document({
    sections: [{
      children: [
        marked('_Toc1', 'Stellenbeschreibung Kasse', HeadingLevel.TITLE),
        new Paragraph({ children: [new InternalHyperlink({ anchor: '_Toc2', children: [new TextRun('1 Aufgabenbeschreibung')] })] }),
        new Paragraph({ children: [new InternalHyperlink({ anchor: '_Toc3', children: [new TextRun('1.1 Barkasse führen')] })] }),
        new Paragraph({ children: [new InternalHyperlink({ anchor: '_Toc1', children: [new TextRun('Titel')] })] }),
        marked('_Toc2', 'Aufgabenbeschreibung', HeadingLevel.HEADING_1),
        new Paragraph({ children: [new TextRun('Siehe '), new InternalHyperlink({ anchor: '_Ref9', children: [new TextRun('Tabelle 1')] }), new TextRun(' und '), new InternalHyperlink({ anchor: 'fehlt', children: [new TextRun('Anhang')] }), new TextRun('.')] }),
        new Paragraph({ children: [new Bookmark({ id: '_Ref9', children: [new TextRun('Tabelle 1: Kassenzeiten')] })] }),
        marked('_Toc3', 'Barkasse führen', HeadingLevel.HEADING_2),
        new Paragraph('Täglich abrechnen.'),
        heading('Barkasse führen', HeadingLevel.HEADING_2),
        new Paragraph({ children: [new Bookmark({ id: '_Toc4', children: [] })] }),
        new Paragraph({ heading: HeadingLevel.HEADING_2, children: [new Bookmark({ id: '_Toc5', children: [new TextRun('Barkasse führen')] })] }),
        new Paragraph({ children: [new InternalHyperlink({ anchor: '_Toc5', children: [new TextRun('dritte Barkasse')] })] }),
      ],
    }],
  });
  return Packer.toBuffer(doc);
}

/** Footnotes (one in a heading's section, one with emphasis) and an endnote. */
export async function footnotesDocx(): Promise<Buffer> {
  const doc = new Document({
    footnotes: {
      1: { children: [new Paragraph('Cicero, De finibus.')] },
      2: { children: [new Paragraph({ children: [new TextRun('Siehe '), new TextRun({ text: 'Satzung', italics: true }), new TextRun(' § 3.')] })] },
    },
    endnotes: { 1: { children: [new Paragraph('Stand: Januar.')] } },
    sections: [{
      children: [
        heading('Hinweise', HeadingLevel.HEADING_1),
        new Paragraph({ children: [new TextRun('Schmerz'), new FootnoteReferenceRun(1), new TextRun(' an sich'), new FootnoteReferenceRun(2), new TextRun(' und Ende'), new EndnoteReferenceRun(1), new TextRun('.')] }),
      ],
    }],
  });
  return Packer.toBuffer(doc);
}

const LINKED_TARGET = 'file:///C:/Users/Amt/Bilder/Lageplan.png';

/**
 * Content mammoth drops: an inline equation, an equation on its own line (m:oMathPara), a
 * picture that is only linked, a chart, a SmartArt graphic, a picture in a group with a
 * shape, a paragraph style and a character style mammoth does not know, and a comment.
 */
export async function leftOutDocx(): Promise<Buffer> {
  const equation = () => new MathBlock({ children: [new MathRun('x = '), new MathFraction({ numerator: [new MathRun('a')], denominator: [new MathRun('b')] })] });
  const doc = new Document({
    styles: {
      paragraphStyles: [{ id: 'Hinweis', name: 'Hinweiskasten', basedOn: 'Normal', run: { color: '990000' } }],
      characterStyles: [{ id: 'Aktenzeichen', name: 'Aktenzeichen', run: { font: 'Courier New' } }],
    },
    comments: { children: [{ id: 0, author: 'Prüfer', date: new Date('2026-01-01'), children: [new Paragraph('Bitte prüfen')] }] },
    sections: [{
      children: [
        heading('Berechnung', HeadingLevel.HEADING_1),
        new Paragraph({ children: [new TextRun('For '), equation(), new TextRun(', the sum is known.')] }),
        new Paragraph({ children: [new TextRun('ZEILENFORMEL')] }),
        new Paragraph({ children: [image('Lageplan')] }),
        new Paragraph({ children: [new TextRun('DIAGRAMM')] }),
        new Paragraph({ children: [new TextRun('SMARTART')] }),
        new Paragraph({ children: [image('Ablauf mit Pfeilen', true)] }),
        new Paragraph({ style: 'Hinweis', text: 'Ein Hinweis im eigenen Format.' }),
        new Paragraph({ children: [new TextRun('Az. '), new TextRun({ text: '32.1-2026', style: 'Aktenzeichen' }),
          new CommentRangeStart(0), new TextRun(' kommentiert'), new CommentRangeEnd(0), new TextRun({ children: [new CommentReference(0)] })] }),
      ],
    }],
  });
  let docx = await Packer.toBuffer(doc);
  const drawing = (uri: string, inner: string, name: string) =>
    `<w:r><w:drawing><wp:inline><wp:extent cx="100" cy="100"/><wp:docPr id="77" name="${name}"/><a:graphic xmlns:a="http://schemas.openxmlformats.org/drawingml/2006/main">` +
    `<a:graphicData uri="${uri}">${inner}</a:graphicData></a:graphic></wp:inline></w:drawing></w:r>`;
  const blips = [...(await (await openArrayBuffer(docx)).read('word/document.xml', 'utf-8')).matchAll(/<a:blip r:embed="(\w+)"/g)].map((m) => m[1]!);
  const [linked, grouped] = blips;
  docx = await patchPart(docx, 'word/document.xml', (xml) => xml
    // the first picture: only linked (Word: „Mit Datei verknüpfen“)
    .replace(`<a:blip r:embed="${linked}"`, `<a:blip r:link="${linked}"`)
    // the second: inside a group with an arrow shape
    .replace(new RegExp(`<a:graphicData uri="http://schemas.openxmlformats.org/drawingml/2006/picture">(<pic:pic(?:(?!</pic:pic>)[\\s\\S])*?r:embed="${grouped}"[\\s\\S]*?</pic:pic>)</a:graphicData>`),
      '<a:graphicData uri="http://schemas.microsoft.com/office/word/2010/wordprocessingGroup"><wpg:wgp xmlns:wpg="http://schemas.microsoft.com/office/word/2010/wordprocessingGroup">' +
      '<wps:wsp xmlns:wps="http://schemas.microsoft.com/office/word/2010/wordprocessingShape"><wps:spPr/></wps:wsp>$1</wpg:wgp></a:graphicData>')
    .replace(/<w:r>(?:(?!<w:r>)[\s\S])*?ZEILENFORMEL[\s\S]*?<\/w:r>/, '<m:oMathPara><m:oMath><m:r><m:t>E = mc²</m:t></m:r></m:oMath></m:oMathPara>')
    .replace(/<w:r>(?:(?!<w:r>)[\s\S])*?DIAGRAMM[\s\S]*?<\/w:r>/, drawing('http://schemas.openxmlformats.org/drawingml/2006/chart', '<c:chart xmlns:c="http://schemas.openxmlformats.org/drawingml/2006/chart" r:id="rIdChart"/>', 'Diagramm 1'))
    .replace(/<w:r>(?:(?!<w:r>)[\s\S])*?SMARTART[\s\S]*?<\/w:r>/, drawing('http://schemas.openxmlformats.org/drawingml/2006/diagram', '<dgm:relIds xmlns:dgm="http://schemas.openxmlformats.org/drawingml/2006/diagram"/>', 'Organigramm')));
  return patchPart(docx, 'word/_rels/document.xml.rels', (xml) =>
    xml.replace(new RegExp(`<Relationship\\b[^>]*Id="${linked}"[^>]*/>`), `<Relationship Id="${linked}" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/image" Target="${LINKED_TARGET}" TargetMode="External"/>`));
}
export { LINKED_TARGET };

/** A document that is just a picture. */
export async function pictureOnlyDocx(): Promise<Buffer> {
  return Packer.toBuffer(new Document({ sections: [{ children: [new Paragraph({ children: [image('Organigramm Fachbereich 32')] })] }] }));
}

/** A document title and headings on all six Word levels (deeper than a post can show). */
export async function deepHeadingsDocx(): Promise<Buffer> {
  const levels = [HeadingLevel.HEADING_1, HeadingLevel.HEADING_2, HeadingLevel.HEADING_3, HeadingLevel.HEADING_4, HeadingLevel.HEADING_5, HeadingLevel.HEADING_6];
  return Packer.toBuffer(new Document({ sections: [{ children: [
    heading('Handbuch Kasse', HeadingLevel.TITLE),
    ...levels.flatMap((level, i) => [heading(`Ebene ${i + 1}`, level), new Paragraph(`Text ${i + 1}.`)]),
  ] }] }));
}

/** Blanks inside bold and italic runs, and a bold run of only blanks. */
export async function emphasisDocx(): Promise<Buffer> {
  return Packer.toBuffer(new Document({ sections: [{ children: [
    new Paragraph({ children: [new TextRun('Bitte'), new TextRun({ text: ' unbedingt ', bold: true }), new TextRun('beachten:'), new TextRun({ text: '   ', bold: true }),
      new TextRun({ text: 'Frist ', italics: true }), new TextRun('einhalten.')] }),
  ] }] }));
}
