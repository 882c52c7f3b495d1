import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { parse } from 'yaml';
import { describe, expect, it } from 'vitest';
import { DGS_CAPTIONS, DGS_VIDEO } from '../src/core/accessibility';
import { CONFIG_FILE, readWikiConfig } from '../src/core/config';
import { feedbackMailto, FEEDBACK_SUBJECT } from '../src/components/AccessibilityFeedback/mailto';
import { planInit } from '../src/package/init';
import { accessibilityStatement, accessibilityWarnings, findDgsVideo } from '../src/site/accessibility';
import { configProblems as problems, ROOT, tempDir, withConfig } from './helpers';

const COMPLETE = [
  'name: Gemeinde Musterhausen',
  'contact:',
  '  email: barrierefreiheit@musterhausen.example',
  'accessibility:',
  '  status: teilweise',
  '  statement_date: 2026-11-30',
  '  limitations:',
  '    - content: Ablaufgrafiken',
  '      reason: Nur Titel und Beschreibung werden vorgelesen.',
  '',
].join('\n');

describe('accessibility: in stellenwissen.config.yaml', () => {
  it('is read as written; the statement has the German words of status and method and the NRW body by default', () => {
    const config = readWikiConfig(withConfig(COMPLETE));
    expect(config.accessibility).toEqual({
      status: 'teilweise',
      statement_date: '2026-11-30',
      limitations: [{ content: 'Ablaufgrafiken', reason: 'Nur Titel und Beschreibung werden vorgelesen.' }],
    });
    const statement = accessibilityStatement(config);
    expect(statement).toMatchObject({
      organisation: 'Gemeinde Musterhausen',
      status: 'teilweise vereinbar',
      statementDate: '30.11.2026',
      method: 'einer Selbstbewertung',
      contact: { email: 'barrierefreiheit@musterhausen.example' },
      missing: [],
    });
    expect(statement.enforcement.name).toMatch(/^Ombudsstelle für barrierefreie Informationstechnik des Landes Nordrhein-Westfalen/);
    expect(statement.enforcement.address).toEqual(['Fürstenwall 25', '40219 Düsseldorf']);
    expect(accessibilityWarnings(statement)).toEqual([]);
  });

  it('an own enforcement body replaces the NRW one; its address lines are kept', () => {
    const config = readWikiConfig(withConfig(`${COMPLETE}  method: dritte\n  enforcement:\n    name: Schlichtungsstelle Beispielland\n    address: |\n      Postfach 1\n      12345 Beispielstadt\n    phone: 0123 45-6\n`));
    expect(accessibilityStatement(config)).toMatchObject({
      method: 'einer Bewertung durch Dritte',
      enforcement: { name: 'Schlichtungsstelle Beispielland', address: ['Postfach 1', '12345 Beispielstadt'], phone: '0123 45-6' },
    });
  });

  it('names each wrong value with file, line and the German title', () => {
    expect(problems('name: Stadt A\naccessibility:\n  status: teilweiße\n')).toEqual([
      `${CONFIG_FILE}:3:1 „accessibility.status“ (Stand der Vereinbarkeit) hat den ungültigen Wert „teilweiße“ – erlaubt sind: vollstaendig, teilweise, nicht. Meinten Sie „teilweise“?`,
    ]);
    expect(problems('name: Stadt A\naccessibility:\n  statement_date: 30.11.2026\n')[0]).toMatch(/^stellenwissen\.config\.yaml:3:1 „accessibility\.statement_date“ \(Datum der Erklärung\) hat nicht das erwartete Format: „30\.11\.2026“\./);
    expect(problems('name: Stadt A\naccessibility:\n  statement_date: 2026-02-30\n')).toEqual([
      `${CONFIG_FILE}:3:1 „accessibility.statement_date“ (Datum der Erklärung): „2026-02-30“ ist kein Kalendertag. Schreiben Sie das Datum als JJJJ-MM-TT, z. B. 2026-11-30.`,
    ]);
    expect(problems('name: Stadt A\naccessibility:\n  limitations:\n    - content: Grafiken\n')).toEqual([
      `${CONFIG_FILE}:4:1 Pflichtfeld "accessibility.limitations.reason" fehlt – Begründung: Warum, z. B. Die Formulare stammen aus der Zeit vor dem Wiki und werden bis Ende 2027 ersetzt.`,
    ]);
    expect(problems('name: Stadt A\naccessibility:\n  stauts: teilweise\n')).toEqual([
      `${CONFIG_FILE}:3:1 Unbekanntes Feld „accessibility.stauts“ – meinten Sie „status“? Erlaubt sind hier: status, statement_date, method, limitations, enforcement.`,
    ]);
  });
});

describe('an incomplete statement', () => {
  it('without any settings names status, date and contact – each with the key to fill in – and the build warns', () => {
    const statement = accessibilityStatement(readWikiConfig(tempDir('stellenwissen-a11y-')));
    expect(statement.missing.map((gap) => gap.hint)).toEqual([
      'Noch nicht ausgefüllt: Stand der Vereinbarkeit – in stellenwissen.config.yaml unter accessibility.status eintragen.',
      'Noch nicht ausgefüllt: Datum der Erklärung – in stellenwissen.config.yaml unter accessibility.statement_date eintragen.',
      'Noch nicht ausgefüllt: Kontakt (E-Mail-Adresse) – in stellenwissen.config.yaml unter contact.email eintragen.',
    ]);
    expect(statement.contact).toBeUndefined();
    expect(statement.method).toBe('einer Selbstbewertung');
    expect(accessibilityWarnings(statement)).toEqual(statement.missing.map((gap) => `stellenwissen.config.yaml: Erklärung zur Barrierefreiheit (/barrierefreiheit) unvollständig – ${gap.hint}`));
  });

  it('„teilweise“ or „nicht“ without limitations is incomplete, „vollstaendig“ without them is not', () => {
    const gaps = (status: string) => accessibilityStatement(readWikiConfig(withConfig(`name: Stadt A\ncontact:\n  email: a@b.example\naccessibility:\n  status: ${status}\n  statement_date: 2026-01-05\n`))).missing.map((gap) => gap.key);
    expect(gaps('teilweise')).toEqual(['accessibility.limitations']);
    expect(gaps('nicht')).toEqual(['accessibility.limitations']);
    expect(gaps('vollstaendig')).toEqual([]);
  });
});

describe('the sample wiki and init', () => {
  it('Auenfurt has a complete statement with its fictional facts', () => {
    const statement = accessibilityStatement(readWikiConfig(ROOT));
    expect(statement.missing).toEqual([]);
    expect(statement).toMatchObject({ organisation: 'Stadt Auenfurt', status: 'teilweise vereinbar', statementDate: '30.11.2026', contact: { email: 'barrierefreiheit@auenfurt.example' } });
    expect(statement.limitations.length).toBeGreaterThanOrEqual(2);
  });

  it('init writes the statement\'s keys with starting values (date = day of init); only the contact is left to fill in', () => {
    const text = planInit({ name: 'Gemeinde Beispielstadt' }, { year: 2026, month: 12, day: 1 }).get(CONFIG_FILE)!;
    expect(parse(text).accessibility).toMatchObject({ status: 'teilweise', statement_date: '2026-12-01', method: 'selbstbewertung' });
    expect(text).toMatch(/^# contact:$/m);
    const dir = withConfig(text);
    const statement = accessibilityStatement(readWikiConfig(dir, dir));
    expect(statement.missing.map((gap) => gap.key)).toEqual(['contact.email']);
    expect(statement.limitations.map((l) => l.content)).toEqual(['Erklärung des Wikis in Deutscher Gebärdensprache']);
  });
});

describe('feedback mailto and the DGS video', () => {
  it('the mailto goes to the contact with the subject and the page address in the body', () => {
    const href = feedbackMailto('barrierefreiheit@auenfurt.example', 'http://wiki.example/fb32/stelle-32-002#aufgaben');
    const url = new URL(href);
    expect(url.protocol).toBe('mailto:');
    expect(url.pathname).toBe('barrierefreiheit@auenfurt.example');
    const params = new URLSearchParams(url.search);
    expect(params.get('subject')).toBe(FEEDBACK_SUBJECT);
    expect(params.get('body')!.split('\r\n')[0]).toBe('Seite: http://wiki.example/fb32/stelle-32-002#aufgaben');
    // RFC 6068: spaces as %20, never +.
    expect(href).not.toContain('+');
  });

  it('the video counts only when the wiki\'s static/ has it; captions are optional and warned about', () => {
    const site = tempDir('stellenwissen-dgs-');
    expect(findDgsVideo(site)).toBeUndefined();
    mkdirSync(join(site, 'static/dgs'), { recursive: true });
    writeFileSync(join(site, 'static', DGS_VIDEO), 'video');
    expect(findDgsVideo(site)).toEqual({ src: DGS_VIDEO });
    const config = readWikiConfig(withConfig(COMPLETE));
    expect(accessibilityWarnings(accessibilityStatement(config, findDgsVideo(site)))).toEqual([
      `static/${DGS_VIDEO}: Das Video in Gebärdensprache hat keine Untertitel – legen Sie static/${DGS_CAPTIONS} (WebVTT) daneben, falls es gesprochenen Ton hat.`,
    ]);
    writeFileSync(join(site, 'static', DGS_CAPTIONS), 'WEBVTT\n');
    expect(findDgsVideo(site)).toEqual({ src: DGS_VIDEO, captions: DGS_CAPTIONS });
  });
});
