import { describe, expect, it } from 'vitest';
import { decodeRegister, detectDelimiter, normaliseHeader, parseColumnMapping, parseRegister, type RegisterOptions } from '../src/hr/register';
import { formatIsoDate } from '../src/core/dates';
import { UsageError } from '../src/core/wiki';

describe('HR register reader', () => {
  it('reads German Excel exports: BOM, `;`, CRLF, German headers, dates and reasons', () => {
    const text = '\uFEFFStelle;Stelleninhaber;Austrittsdatum;Grund\r\nstelle-32-004;"Muster; Jens";31.01.2027;Ruhestand\r\nstelle-32-005;Beispiel, Anna;1.2.2027;Elternzeit\r\n';
    const { rows, problems } = parseRegister(text);
    expect(problems).toEqual([]);
    expect(rows).toEqual([
      { line: 2, post: 'stelle-32-004', holder: 'Muster; Jens', departure: { year: 2027, month: 1, day: 31 }, departureSource: 'register', reason: 'retirement' },
      { line: 3, post: 'stelle-32-005', holder: 'Beispiel, Anna', departure: { year: 2027, month: 2, day: 1 }, departureSource: 'register', reason: 'parental-leave' },
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

  it('rejects a row with more fields than the header (an unquoted delimiter shifts the cells)', () => {
    const { rows, problems } = parseRegister('Stelle,Name,Austritt,Grund\nstelle-1-001,Muster, Jens,2027-01-01,other\nstelle-1-002,Anna,2027-01-01,other,,\n');
    expect(problems).toEqual([{ line: 2, message: 'Die Zeile hat 5 Felder, die Kopfzeile 4 – steht ein Trennzeichen ohne Anführungszeichen im Text.' }]);
    expect(rows.map((r) => r.post)).toEqual(['stelle-1-002']); // empty trailing fields (Excel) are fine
  });

  it('detects the delimiter from the header', () => {
    expect(detectDelimiter('a;b;c\n1,5;2;3')).toBe(';');
    expect(detectDelimiter('a,b,c\n1;2;3')).toBe(',');
  });
});

describe('register encodings (knowledge-model.md §6)', () => {
  const header = Buffer.from('Stelle;Stelleninhaber;Austrittsdatum;Grund\r\nstelle-1-001;', 'latin1');
  // „Šimon“ Bäßler-Öz, Müller & Ü € – in Windows-1252 bytes, as Excel's „CSV (Trennzeichen-getrennt)“ writes them
  const holderBytes = Buffer.from([
    0x84, 0x8a, 0x69, 0x6d, 0x6f, 0x6e, 0x93, 0x20, 0x42, 0xe4, 0xdf, 0x6c, 0x65, 0x72, 0x2d, 0xd6, 0x7a, 0x2c, 0x20,
    0x4d, 0xfc, 0x6c, 0x6c, 0x65, 0x72, 0x20, 0x26, 0x20, 0xdc, 0x20, 0x80,
  ]);
  const windows1252 = Buffer.concat([header, holderBytes, Buffer.from(';31.01.2027;K\xfcndigung\r\n', 'latin1')]);
  const holder = '„Šimon“ Bäßler-Öz, Müller & Ü €';

  it('decodes a file that is not UTF-8 as Windows-1252, including 0x80 €, 0x84 „, 0x93 “, 0x8A Š', () => {
    const { text, encoding } = decodeRegister(windows1252);
    expect(encoding).toBe('windows-1252');
    const { rows, problems } = parseRegister(text);
    expect(problems).toEqual([]);
    expect(rows).toEqual([{ line: 2, post: 'stelle-1-001', holder, departure: { year: 2027, month: 1, day: 31 }, departureSource: 'register', reason: 'resignation' }]);
    expect([...rows[0].holder.slice(0, 2)].map((c) => c.codePointAt(0))).toEqual([0x201e, 0x160]);
    expect(rows[0].holder.at(-1)).toBe('\u20ac');
  });

  it('reads the same text as UTF-8 with and without BOM', () => {
    const utf8 = Buffer.from(`Stelle;Stelleninhaber;Austrittsdatum;Grund\r\nstelle-1-001;${holder};31.01.2027;Kündigung\r\n`, 'utf8');
    for (const bytes of [utf8, Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), utf8])]) {
      const { text, encoding } = decodeRegister(bytes);
      expect(encoding).toBe('utf-8');
      expect(text.charCodeAt(0)).not.toBe(0xfeff);
      expect(parseRegister(text).rows[0]).toMatchObject({ holder, reason: 'resignation' });
    }
  });

  it('takes plain ASCII as UTF-8', () => {
    expect(decodeRegister(Buffer.from('post,departure,reason\nstelle-1-001,2027-01-01,other\n')).encoding).toBe('utf-8');
  });
});

describe('column names of real exports', () => {
  const parse = (text: string, options?: RegisterOptions) => parseRegister(text, options);

  it('matches the §6 aliases ignoring case, surrounding spaces and a trailing `.` or `:`', () => {
    expect(['  Stellen-Nr. ', 'Austritt zum:', 'GEB.-DATUM', 'Geburtsdatum:', 'Planstelle.'].map(normaliseHeader))
      .toEqual(['stellen-nr', 'austritt zum', 'geb.-datum', 'geburtsdatum', 'planstelle']);
    const cases: Array<[string, string]> = [
      ['Stellen-Nr.', 'Austritt zum:'], ['STELLENNUMMER', ' Ruhestand ab '], ['Planstelle:', 'Eintritt Ruhestand'], ['Stelle', 'Voraussichtlicher Austritt.'],
    ];
    for (const [post, departure] of cases) {
      const { rows, problems } = parse(`${post};${departure};Grund\nstelle-1-001;30.06.2027;Ruhestand\n`);
      expect(problems, `${post} / ${departure}`).toEqual([]);
      expect(rows[0]).toMatchObject({ post: 'stelle-1-001', departure: { year: 2027, month: 6, day: 30 } });
    }
    for (const birth of ['Geburtsdatum', 'Geb.-Datum', 'geburtstag:', 'birth_date']) {
      expect(parse(`Stelle;${birth}\nstelle-1-001;1960-03-01\n`).rows[0], birth).toMatchObject({ departureSource: 'birth_date', reason: 'retirement' });
    }
  });

  it('ignores columns the audit does not use; their values are in no row', () => {
    const { rows } = parse('Personalnummer;Stelle;Name;Anschrift;Austritt;Grund;Telefon\n4711;stelle-1-001;Muster, Jens;Hauptstr. 1, 12345 Musterstadt;2027-01-01;Sonstiges;0123-456\n');
    expect(rows).toEqual([{ line: 2, post: 'stelle-1-001', holder: 'Muster, Jens', departure: { year: 2027, month: 1, day: 1 }, departureSource: 'register', reason: 'other' }]);
  });

  it('--columns maps any header and wins over an alias', () => {
    const text = 'Stelle;Stellen-Nr. (neu);Austritt;Austritt zum;Grund\nalt-1;stelle-1-001;2027-01-01;2027-06-30;Versetzung\n';
    expect(parse(text).rows[0]).toMatchObject({ post: 'alt-1', departure: { year: 2027, month: 1, day: 1 } });
    const columns = parseColumnMapping('post=Stellen-Nr. (neu), departure = austritt zum');
    expect(columns).toEqual({ post: 'Stellen-Nr. (neu)', departure: 'austritt zum' });
    expect(parse(text, { columns }).rows[0]).toMatchObject({ post: 'stelle-1-001', departure: { year: 2027, month: 6, day: 30 } });
  });

  it('a header taken by --columns is not also matched as an alias', () => {
    const { rows } = parse('Name;Austritt;Grund\nstelle-1-001;2027-01-01;other\n', { columns: { post: 'Name' } });
    expect(rows[0]).toMatchObject({ post: 'stelle-1-001', holder: '' });
  });

  it('--columns: unknown keys and malformed entries are usage errors', () => {
    const message = (text: string) => {
      try {
        parseColumnMapping(text);
      } catch (error) {
        expect(error).toBeInstanceOf(UsageError);
        return (error as Error).message;
      }
      throw new Error(`no error for ${text}`);
    };
    expect(message('stelle=Stellen-Nr.')).toBe('--columns: Spalte „stelle“ ist unbekannt – erlaubt: post, holder, departure, reason, birth_date');
    expect(message('post')).toMatch(/^--columns erwartet „spalte=Kopfzeile“, durch Kommas getrennt, z\. B\. „post=Stellen-Nr\.,departure=Austritt zum“; erhalten: „post“$/);
    expect(message('post=')).toMatch(/erhalten: „post=“$/);
    expect(message('post=A,post=B')).toBe('--columns: „post“ ist doppelt angegeben');
    expect(message('post=Nr.,holder=nr')).toBe('--columns: „nr“ ist schon „post“ zugeordnet');
    expect(message(' , ')).toMatch(/mindestens eine Zuordnung/);
  });

  it('--columns naming a header the file lacks is a header problem', () => {
    const { rows, problems } = parse('Stelle;Austritt;Grund\nstelle-1-001;2027-01-01;other\n', { columns: { departure: 'Austritt am' } });
    expect(rows).toEqual([]);
    expect(problems).toEqual([{ line: 1, message: 'Kopfzeile: Die Spalte „Austritt am“ aus --columns (departure) gibt es nicht. Gefunden: Stelle, Austritt, Grund' }]);
  });

  it('needs a departure or a birth-date column', () => {
    const { problems } = parse('Stelle;Grund\nstelle-1-001;other\n');
    expect(problems[0].message).toMatch(/^Kopfzeile: Spalte fehlt – erwartet „departure“ oder „austritt“ .* oder für das Geburtsdatum „birth_date“ oder „geburtsdatum“ oder „geb\.-datum“ oder „geburtstag“ \(andere Namen ordnet --columns zu/);
  });

  it('never lists a date from a first line that is not a header', () => {
    const { problems } = parse('stelle-1-001;Muster;15.05.1964\n');
    expect(problems[0].message).toContain('Gefunden: stelle-1-001, Muster, (Datum) – die erste Zeile muss die Kopfzeile sein');
    expect(problems[0].message).not.toContain('1964');
  });
});

describe('birth date instead of departure', () => {
  const BIRTH = 'Stelle;Name;Austritt zum;Geb.-Datum\n';

  it('a row with only a birth date retires at the statutory date, reason retirement; no reason column needed', () => {
    const { rows, problems } = parseRegister(`${BIRTH}stelle-1-001;A;;01.03.1960\nstelle-1-002;B;;1964-05-15\nstelle-1-003;C;31.12.2026;1960-03-02\nstelle-1-004;D;30.09.2027;\n`);
    expect(problems).toEqual([]);
    expect(rows.map((r) => [r.post, formatIsoDate(r.departure), r.departureSource, r.reason])).toEqual([
      ['stelle-1-001', '2026-06-30', 'birth_date', 'retirement'],
      ['stelle-1-002', '2031-05-31', 'birth_date', 'retirement'],
      ['stelle-1-003', '2026-12-31', 'register', 'other'], // a register date wins; without a reason it is „Sonstiges“
      ['stelle-1-004', '2027-09-30', 'register', 'other'],
    ]);
    expect(JSON.stringify(rows)).not.toMatch(/1960|1964|birth_?date":/);
  });

  it('keeps a reason that fits and rejects one that does not', () => {
    const { rows, problems } = parseRegister('Stelle;Geburtsdatum;Austritt;Grund\nstelle-1-001;1960-03-01;;Ruhestand\nstelle-1-002;1960-03-01;;Kündigung\nstelle-1-003;1960-03-01;2027-01-01;Kündigung\nstelle-1-004;;2027-01-01;\n');
    expect(rows.map((r) => [r.post, r.reason, r.departureSource])).toEqual([
      ['stelle-1-001', 'retirement', 'birth_date'], ['stelle-1-003', 'resignation', 'register'], ['stelle-1-004', 'other', 'register'],
    ]);
    expect(problems).toEqual([{ line: 3, message: 'Grund „Kündigung“, aber kein Austrittsdatum – aus dem Geburtsdatum ergibt sich nur der Ruhestand.' }]);
  });

  it('reports a bad birth date by line and column name, never by value', () => {
    const { rows, problems } = parseRegister(`${BIRTH}stelle-1-001;A;;31.02.1961\nstelle-1-002;B;;1961/07/13\nstelle-1-003;C;;\n`);
    expect(rows).toEqual([]);
    expect(problems).toEqual([
      { line: 2, message: 'Geburtsdatum in Spalte „Geb.-Datum“ ist kein gültiges Datum (TT.MM.JJJJ oder JJJJ-MM-TT).' },
      { line: 3, message: 'Geburtsdatum in Spalte „Geb.-Datum“ ist kein gültiges Datum (TT.MM.JJJJ oder JJJJ-MM-TT).' },
      { line: 4, message: 'Austrittsdatum und Geburtsdatum fehlen.' },
    ]);
  });

  it('does not read a birth date it does not need', () => {
    expect(parseRegister(`${BIRTH}stelle-1-001;A;2027-01-01;kein Datum\n`).problems).toEqual([]);
  });

  it('never echoes a birth date that landed in another cell', () => {
    const { problems } = parseRegister('Stelle;Austritt;Geburtsdatum\n13.07.1961;;13.07.1961\n');
    expect(problems).toEqual([{ line: 2, message: '„…“ ist keine Stellenkennung (Kleinbuchstaben, Ziffern, Bindestriche, z. B. stelle-32-004).' }]);
  });
});
