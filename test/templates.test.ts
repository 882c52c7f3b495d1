import { copyFileSync, mkdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { ARTICLE_TYPES } from '../src/core/schema/schemas';
import { requiredSections } from '../src/core/schema/model';
import { loadWiki } from '../src/core/load/load-wiki';
import { parseFrontMatter } from '../src/core/frontmatter';
import { parseIsoDate } from '../src/core/dates';
import { validateWiki } from '../src/validate/validate';
import { ROOT, tempDir } from './helpers';

// The five templates together form a tiny wiki (department fb00-fachbereich,
// its head post stelle-00-001, …), so cross-file rules apply to them too.
const PLACES: Record<string, string> = {
  department: 'fb00-fachbereich/index.md',
  post: 'fb00-fachbereich/stelle-00-001.md',
  process: 'fb00-fachbereich/neuer-prozess.md',
  handover: 'fb00-fachbereich/uebergabe-stelle-00-001.md',
  guide: 'fb00-fachbereich/neue-anleitung.md',
};

describe('templates', () => {
  it('exist for every article type', () => {
    expect(Object.keys(PLACES).sort()).toEqual([...ARTICLE_TYPES].sort());
  });

  it('yield only placeholder findings, at least one per template', () => {
    const root = tempDir();
    mkdirSync(join(root, 'fb00-fachbereich'));
    for (const [type, place] of Object.entries(PLACES)) copyFileSync(join(ROOT, 'templates', `${type}.md`), join(root, place));
    const { findings } = validateWiki(loadWiki(root, root), parseIsoDate('2026-01-01')!);
    expect(findings.filter((f) => f.rule !== 'placeholder')).toEqual([]);
    for (const place of Object.values(PLACES)) {
      expect(findings.some((f) => f.file === place), place).toBe(true);
    }
  });

  it.each(ARTICLE_TYPES.map((t) => [t]))('%s has every required section in order, each with a hint', (type) => {
    const text = readFileSync(join(ROOT, 'templates', `${type}.md`), 'utf8');
    const headings = [...text.matchAll(/^## (.+)$/gm)].map((m) => m[1]);
    const required = requiredSections(type);
    expect(headings.filter((h) => required.includes(h))).toEqual([...required]);
    for (const heading of required) {
      expect(text).toMatch(new RegExp(`## ${heading}\\n\\n<!-- Hinweis: .+ -->\\n`));
    }
    expect(parseFrontMatter(text).data?.type).toBe(type);
  });
});
