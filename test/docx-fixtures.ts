import {
  Document, ExternalHyperlink, HeadingLevel, ImageRun, LevelFormat, Packer, Paragraph, Table, TableCell, TableRow, TextRun,
} from 'docx';

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
