import { describe, expect, it } from 'vitest';
import { detectDelimiter, parseRegister } from '../src/knowledge';

describe('HR register reader', () => {
  it('reads German Excel exports: BOM, `;`, CRLF, German headers, dates and reasons', () => {
    const text = '\uFEFFStelle;Stelleninhaber;Austrittsdatum;Grund\r\nstelle-32-004;"Muster; Jens";31.01.2027;Ruhestand\r\nstelle-32-005;Beispiel, Anna;1.2.2027;Elternzeit\r\n';
    const { rows, problems } = parseRegister(text);
    expect(problems).toEqual([]);
    expect(rows).toEqual([
      { line: 2, post: 'stelle-32-004', holder: 'Muster; Jens', departure: { year: 2027, month: 1, day: 31 }, reason: 'retirement' },
      { line: 3, post: 'stelle-32-005', holder: 'Beispiel, Anna', departure: { year: 2027, month: 2, day: 1 }, reason: 'parental-leave' },
    ]);
  });

  it('reads English headers in any case, `,`, LF, ISO dates, English reasons, without holder column', () => {
    const { rows, problems } = parseRegister('POST,Departure,Reason\nstelle-1-001,2027-03-31,fixed-term\n\nstelle-1-002,2028-02-29,Sonstiges\n');
    expect(problems).toEqual([]);
    expect(rows.map((r) => [r.line, r.post, r.holder, r.reason])).toEqual([[2, 'stelle-1-001', '', 'fixed-term'], [4, 'stelle-1-002', '', 'other']]);
  });

  it('accepts the aliases stellen-id, name, austritt, grund', () => {
    const { rows } = parseRegister('stellen-id;name;austritt;grund\nstelle-1-001;X;2027-01-01;Kündigung\n');
    expect(rows[0]).toMatchObject({ post: 'stelle-1-001', holder: 'X', reason: 'resignation' });
  });

  it('names every bad row by its line number, in German', () => {
    const { rows, problems } = parseRegister('Stelle;Name;Austritt;Grund\nstelle-1-001;A;31.02.2027;Ruhestand\n;B;01.01.2027;Ruhestand\nstelle-1-002;C;01.01.2027;Rente\nStelle 4;D;;Versetzung\nstelle-1-003;E;2027-01-01;Befristung\n');
    expect(rows.map((r) => r.post)).toEqual(['stelle-1-003']);
    expect(problems).toEqual([
      { line: 2, message: 'Austrittsdatum „31.02.2027“ ist kein gültiges Datum (TT.MM.JJJJ oder JJJJ-MM-TT).' },
      { line: 3, message: 'Stelle fehlt.' },
      { line: 4, message: 'Grund „Rente“ ist unbekannt (erlaubt: Ruhestand, Kündigung, Versetzung, Elternzeit, Befristung, Sonstiges oder retirement, resignation, transfer, parental-leave, fixed-term, other).' },
      { line: 5, message: '„Stelle 4“ ist keine Stellenkennung (Kleinbuchstaben, Ziffern, Bindestriche, z. B. stelle-32-004); Austrittsdatum fehlt.' },
    ]);
  });

  it('reports a missing column, an empty file and broken quoting', () => {
    expect(parseRegister('post;holder;departure\nx;y;2027-01-01\n').problems[0].message).toMatch(/^Kopfzeile: Spalte fehlt – erwartet „reason“ oder „grund“/);
    expect(parseRegister('\uFEFF  \n').problems[0]).toMatchObject({ line: 1, message: expect.stringMatching(/^Die Datei ist leer/) });
    expect(parseRegister('post,departure,reason\n"x,2027-01-01,other\n').problems[0].message).toMatch(/kein lesbares CSV/);
  });

  it('detects the delimiter from the header', () => {
    expect(detectDelimiter('a;b;c\n1,5;2;3')).toBe(';');
    expect(detectDelimiter('a,b,c\n1;2;3')).toBe(',');
  });
});
