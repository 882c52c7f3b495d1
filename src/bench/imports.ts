/**
 * `npm run import` into a fresh copy of the mini wiki (every run starts empty: the import
 * never overwrites): the MoJ handbook from test/corpora, and a large generated Word document
 * (large-docx.ts) with the goals of issue 14.
 */
import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { LARGE_DOCX, largeDocx } from './large-docx';
import { measure, median, ROOT, type MeasureSettings, type Measurement } from './measure';
import { decimal, kilobytes, met, seconds } from './report';

/** The GOV.UK tech-docs handbook of the Ministry of Justice (136 pages), if present. */
export const MOJ_CORPUS = resolve(ROOT, 'test/corpora/moj-modernisation-platform');
const MINI_WIKI = join(ROOT, 'test/fixtures/mini-wiki');
/** Issue 14: a large Word document (≥ 400 KB, wide tables) imports in ≤ 3 s, as at most 3× its text. */
const GOAL_DOCX_SECONDS = 3;
const GOAL_DOCX_SIZE_FACTOR = 3;

/** A shell command that empties `wiki` and copies the mini wiki into `wiki/docs`. */
const freshMiniWiki = (wiki: string) => ['sh', '-c', `rm -rf "$1" && mkdir -p "$1" && cp -r "$2" "$1/docs"`, 'prepare', wiki, MINI_WIKI];

/** The MoJ handbook's import, or a goal line saying why it was not measured. */
export function measureMojImport(settings: MeasureSettings): { row?: Measurement; goal?: string } {
  if (!existsSync(MOJ_CORPUS)) return { goal: `Import: nicht gemessen – ${MOJ_CORPUS} fehlt` };
  const target = mkdtempSync(join(tmpdir(), 'stellenwissen-bench-import-'));
  const command = ['npm', 'run', 'import', '--', MOJ_CORPUS, '--department', 'fb1', '--docs', join(target, 'docs'), '--static', join(target, 'static')];
  try {
    return { row: measure(settings, 'npm run import (MoJ-Handbuch, 136 Markdown-Seiten, ins Mini-Wiki)', command, [0], freshMiniWiki(target)) };
  } finally {
    rmSync(target, { recursive: true, force: true });
  }
}

/** The large Word document's import, and its goal line with the article's size relative to the text in it. */
export async function measureDocxImport(settings: MeasureSettings): Promise<{ row: Measurement; goal: string }> {
  const target = mkdtempSync(join(tmpdir(), 'stellenwissen-bench-docx-'));
  try {
    const { bytes, text } = await largeDocx(LARGE_DOCX);
    const source = join(target, 'Stellenbeschreibung breit.docx');
    writeFileSync(source, bytes);
    const wiki = join(target, 'wiki');
    const docs = join(wiki, 'docs');
    const command = ['npm', 'run', 'import', '--', source, '--type', 'post', '--department', 'fb1', '--docs', docs, '--static', join(wiki, 'static')];
    const kb = Math.round(bytes.length / 1024);
    const row = measure(settings, `npm run import (Word, ${kb} KB, ${LARGE_DOCX.tables} Tabellen mit ${LARGE_DOCX.columns} Spalten)`, command, [0], freshMiniWiki(wiki));
    const output = readFileSync(join(docs, 'fb1', 'stellenbeschreibung-breit.md')).length;
    const factor = output / text;
    const time = median(row.times);
    return {
      row,
      goal: `Word-Import ${kb} KB: ${seconds(time)} (Ziel ≤ ${GOAL_DOCX_SECONDS} s), Markdown ${kilobytes(output)} = ${decimal(factor, 2)}× der ${kilobytes(text)} Text (Ziel ≤ ${GOAL_DOCX_SIZE_FACTOR}×): ${met(time <= GOAL_DOCX_SECONDS && factor <= GOAL_DOCX_SIZE_FACTOR)}`,
    };
  } finally {
    rmSync(target, { recursive: true, force: true });
  }
}
