import { basename, dirname } from 'node:path';

const GERMAN: Record<string, string> = { ä: 'ae', ö: 'oe', ü: 'ue', ß: 'ss', Ä: 'ae', Ö: 'oe', Ü: 'ue', ẞ: 'ss' };

/**
 * An ASCII id from free text: German umlauts spelled out (ä → ae, ß → ss), other accents
 * dropped, everything else between letters and digits a single hyphen.
 * `Stellenbeschreibung Gewerbeamt (Entwurf)` → `stellenbeschreibung-gewerbeamt-entwurf`.
 */
export function slugify(text: string): string {
  return text
    .replace(/[äöüßÄÖÜẞ]/g, (c) => GERMAN[c]!)
    .normalize('NFKD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-+|-+$/g, '');
}

/** The file name without the extensions an import reads (`.docx`, `.md`, GOV.UK's `.html.md`). */
export function stemOf(path: string): string {
  return basename(path).replace(/\.(docx|md|markdown)$/i, '').replace(/\.html?$/i, '');
}

const FOLDER_PAGE = /^(index|readme)$/i;

/**
 * The id an imported file gets when none is given: its name as a slug; `index`/`README`
 * pages take their folder's name (they describe the folder).
 */
export function idFromPath(path: string): string {
  const stem = stemOf(path);
  return slugify(FOLDER_PAGE.test(stem) ? basename(dirname(path)) : stem);
}

/** A readable title from a file name: `Stellenbeschreibung_Gewerbe-Amt` → `Stellenbeschreibung Gewerbe-Amt`. */
export function titleFromPath(path: string): string {
  const stem = FOLDER_PAGE.test(stemOf(path)) ? basename(dirname(path)) : stemOf(path);
  return stem.replace(/_+/g, ' ').replace(/\s+/g, ' ').trim();
}
