import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { loadWiki } from '../src/core/load/load-wiki';
import { summariseMarkdown } from '../src/core/markdown/remark';
import { decompounderForWords, indexTerms } from '../src/search/build';
import { decompounderFromIndex, decompounderFromVocabulary, SHORT_PARTS } from '../src/search/decompound';
import { fold, isStopWord, stem, tokenize } from '../src/search/german';
import { germanLexicon } from '../src/search/lexicon';
import { ADMINISTRATIVE_WORD_PARTS } from '../src/search/word-parts';
import { ROOT } from './helpers';

// The German analysis pipeline of the search: words → stop words → Snowball stem (lunr-languages
// `de`) → plus the stems of compound parts. Queries are analysed with the same functions.

/** The words of the sample wiki, as the index build sees them. */
function sampleWords(): string[][] {
  const wiki = loadWiki(join(ROOT, 'docs'));
  return wiki.articles.map((a) => {
    const { headings, text } = summariseMarkdown(a.frontMatter.body, 0);
    return tokenize([String(a.data?.title ?? ''), ...headings, text].join('\n'));
  });
}
const lexicon = germanLexicon();
const sample = decompounderForWords(sampleWords(), lexicon);

/** Index terms of a text, with the sample wiki's vocabulary. */
const terms = (text: string) => indexTerms(tokenize(text), sample.decompounder);
/** What a query word is looked up as. */
const queryStem = (word: string) => stem(tokenize(word)[0]);

describe('words and stems', () => {
  it('splits text into lower-case words of letters and digits', () => {
    expect(tokenize('Melde-, Pass- und Ausweiswesen; e-Akte, § 12 PStG, OK.EWO, 99123006001000'))
      .toEqual(['melde', 'pass', 'und', 'ausweiswesen', 'akte', '12', 'pstg', 'ok', 'ewo', '99123006001000']);
  });

  it('stems German inflections to one term (lunr-languages de)', () => {
    expect(queryStem('Eheschließungen')).toBe(queryStem('Eheschließung'));
    expect(queryStem('Gewerbeanmeldungen')).toBe(queryStem('Gewerbeanmeldung'));
    expect(queryStem('Anträge')).toBe(queryStem('Antrag'));
    expect(queryStem('Eheschließung')).toBe('eheschliess'); // ß and umlauts folded
  });

  it('folds umlauts and ß the way the stemmer does (for prefixes while typing)', () => {
    expect(fold('Gaststätte Straße Übergabe')).toBe('gaststatte strasse ubergabe');
  });

  it('knows German stop words', () => {
    expect(isStopWord('und')).toBe(true);
    expect(isStopWord('unter')).toBe(true);
    expect(isStopWord('uber')).toBe(true); // folded „über“
    expect(isStopWord('amt')).toBe(false);
  });
});

describe('compound words', () => {
  const split = (word: string) => sample.decompounder.split(word)?.parts;

  it('splits administrative compounds into words of the wiki', () => {
    expect(split('Gewerbeanmeldung')).toEqual(['gewerbe', 'anmeldung']);
    expect(split('Gaststättenerlaubnis')).toEqual(['gaststatten', 'erlaubnis']);
    expect(split('Stadtverwaltung')).toEqual(['stadt', 'verwaltung']);
    expect(split('Standesamt')).toEqual(['standes', 'amt']);
    expect(split('Schülerbeförderung')).toEqual(['schuler', 'beforderung']); // coarsest split, not Schul|erbe|förderung
  });

  it('adds the stems of parts, of their parts and of neighbouring parts, keeping the whole word', () => {
    const extra = sample.decompounder.extraStems('Personenstandsregister');
    expect(extra).toEqual(expect.arrayContaining([stem('personenstand'), stem('register'), stem('personen'), stem('stand')]));
    expect(terms('Personenstandsregister')[0]).toBe(stem('personenstandsregister'));
  });

  it('handles linking elements (-s-, -es-, -n-, -en-)', () => {
    const d = decompounderFromVocabulary(['Ordnung', 'Verwaltung', 'Liebe', 'Brief', 'Bund', 'Amt', 'Kasse', 'Abschluss', 'Frist', 'Kontrolle']);
    expect(d.extraStems('Ordnungsverwaltung')).toEqual(expect.arrayContaining([stem('ordnung'), stem('verwaltung')]));
    expect(d.extraStems('Liebesbrief')).toEqual(expect.arrayContaining([stem('liebe'), stem('brief')]));
    expect(d.extraStems('Bundesamt')).toEqual(expect.arrayContaining([stem('bund'), 'amt']));
    expect(d.extraStems('Kassenabschluss')).toEqual(expect.arrayContaining([stem('kasse'), stem('abschluss')]));
    expect(d.extraStems('Fristenkontrolle')).toEqual(expect.arrayContaining([stem('frist'), stem('kontrolle')]));
  });

  it('leaves words whole that only look like compounds', () => {
    for (const word of ['Verwaltung', 'Anmeldung', 'bearbeiten', 'erteilen', 'Unterlagen', 'Vorsprache', 'Wiedervorlage',
      'Mitarbeitende', 'Bürgerinnen', 'Eheschließenden', 'Dienstag', 'Kontakte', 'Weiterleitung', 'Haushalt', 'AutiSta']) {
      expect(split(word), word).toBeUndefined();
    }
  });

  it('never uses short parts outside the curated list (no noise from every 3-letter suffix)', () => {
    const d = decompounderFromVocabulary(['Bus', 'Bahnhof', 'Ende', 'Monat', 'Uhr', 'Zeit']);
    expect(d.split('Busbahnhof')).toBeUndefined();
    expect(d.split('Uhrzeit')).toBeUndefined();
    let compounds = 0;
    for (const word of sample.words.keys()) {
      const compound = sample.decompounder.split(word);
      if (!compound) continue;
      compounds++;
      for (const part of compound.parts) expect(part.length >= 4 || SHORT_PARTS.has(part), `${word}: ${part}`).toBe(true);
    }
    expect(compounds).toBeGreaterThan(500);
  });

  it('counts the curated administrative parts as vocabulary and never splits them', () => {
    const d = decompounderFromVocabulary(['Bebauung', 'Haus', 'Halt'], ADMINISTRATIVE_WORD_PARTS);
    expect(d.split('Bebauungsplan')?.parts).toEqual(['bebauungs', 'plan']);
    expect(d.split('Haushalt')).toBeUndefined();
    expect(d.split('Haushaltsplan')?.parts).toEqual(['haushalts', 'plan']);
  });

  it('splits query words against the terms of a loaded index', () => {
    const known = new Set([stem('gaststätte'), stem('gewerbe')]);
    const d = decompounderFromIndex((s) => known.has(s));
    expect(d.split('Gaststättengewerbe')?.parts).toEqual(['gaststatten', 'gewerbe']);
    expect(d.split('Gewerbeaufsicht')).toBeUndefined();
  });
});

describe('what a query word finds', () => {
  it.each([
    ['Eheschließungen', 'Eheschließung anmelden'],
    ['Gewerbeanmeldungen', 'Gewerbeanmeldung bearbeiten'],
    ['Anmeldung', 'Gewerbeanmeldung bearbeiten'],
    ['Erlaubnis', 'Gaststättenerlaubnis erteilen'],
    ['verwaltung', 'Der Fachbereich ist die Stelle der Stadtverwaltung Auenfurt.'],
    ['Meldung', 'Gewerbemeldungen'],
    ['Register', 'Melderegisterauskunft erteilen'],
    ['Registerauskunft', 'Melderegisterauskunft erteilen'],
  ])('%s is an index term of „%s“', (query, text) => {
    expect(terms(text)).toContain(queryStem(query));
  });

  it('keeps metadata as it is written: system names and LeiKa keys', () => {
    expect(terms('AutiSta, e-Akte, OK.EWO')).toEqual(['autista', 'akt', 'ok', 'ewo']);
    expect(terms('99123006001000')).toEqual(['99123006001000']);
  });

  it('drops stop words', () => {
    expect(terms('die Anmeldung und der Antrag')).toEqual([stem('anmeldung'), stem('antrag')]);
  });
});

describe('body text for the index (Markdown summary)', () => {
  it('has headings and visible text, without code blocks, Mermaid, raw HTML or comments', () => {
    const summary = summariseMarkdown([
      '# Titel', '', '## Zweck', '', 'Die **Gewerbe**anmeldung in `GewAN`.', '', '<!-- Hinweis -->', '',
      '```mermaid', 'flowchart TD', '  A[Geheim] --> B', '```', '', '### Details', '', '- eins', '- zwei', '',
      '| A | B |', '|---|---|', '| Zelle | <b>fett</b> |', '',
    ].join('\n'), 0);
    expect(summary.headings).toEqual(['Titel', 'Zweck', 'Details']);
    expect(summary.text).toBe('Die Gewerbeanmeldung in GewAN.\neins\nzwei\nA\nB\nZelle\nfett');
  });
});
