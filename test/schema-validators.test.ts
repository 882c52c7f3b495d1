import { describe, expect, it } from 'vitest';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { ValidateFunction } from 'ajv';
import { normaliseText, parseFrontMatter } from '../src/core/frontmatter';
import { generateWiki } from '../src/bench/generate';
import { ARTICLE_TYPES, COMMON_SCHEMA, isArticleType, type ArticleType } from '../src/core/schema/schemas';
import { OUR_MODEL } from '../src/core/schema/model';
import { compileSchemaModel, createAjv } from '../src/core/schema/validator';
import { GENERATED_VALIDATORS_PATH, generateValidators } from '../src/core/schema/generate-validators';
import { markdownFiles, ROOT } from './helpers';

/** Our schemas compiled now, as every command did before the validators were precompiled. */
function compiledNow(): Record<'common' | ArticleType, ValidateFunction> {
  const ajv = createAjv();
  const out = { common: ajv.getSchema(COMMON_SCHEMA.$id)! } as Record<'common' | ArticleType, ValidateFunction>;
  for (const type of ARTICLE_TYPES) out[type] = ajv.compile(OUR_MODEL.schemas[type]);
  return out;
}

/** Front matter of real articles and of broken variants of them (each key dropped, each value replaced). */
function samples(): Array<Record<string, unknown>> {
  const texts = [
    ...markdownFiles(join(ROOT, 'docs')),
    ...markdownFiles(join(ROOT, 'test/fixtures/hostile-wiki')),
    ...markdownFiles(join(ROOT, 'test/fixtures/mini-wiki')),
  ].map((path) => readFileSync(path, 'utf8'));
  texts.push(...generateWiki({ articles: 200, seed: 3 }).files.values());
  const out: Array<Record<string, unknown>> = [];
  const odd: unknown[] = ['', 'x', 0, -1, 61, 2.5, true, null, [], ['x', 1], {}, { status: 'analog', bundle: '2026-H3' }, '2026-02-30', '99115005001000'];
  for (const text of texts) {
    const data = parseFrontMatter(normaliseText(text)).data;
    if (!data) continue;
    out.push(data);
    for (const [i, key] of Object.keys(data).entries()) {
      const { [key]: _dropped, ...rest } = data;
      out.push(rest);
      out.push({ ...data, [key]: odd[(i + out.length) % odd.length] });
    }
  }
  return out;
}

describe('the precompiled validators (src/core/generated/validators.cjs)', () => {
  it('are up to date with schemas/', () => {
    expect(readFileSync(GENERATED_VALIDATORS_PATH, 'utf8')).toBe(generateValidators());
  });

  it('give the same result, coercions and errors as validators compiled now, on real and broken front matter', () => {
    const precompiled = compileSchemaModel(OUR_MODEL);
    const now = compiledNow();
    const all = samples();
    let invalid = 0;
    for (const data of all) {
      const type = isArticleType(data.type) ? data.type : undefined;
      const a = structuredClone(data);
      const b = structuredClone(data);
      const left = type ? precompiled.byType[type] : precompiled.common;
      const right = type ? now[type] : now.common;
      const valid = left(a);
      expect(valid).toBe(right(b));
      expect(a).toEqual(b);
      expect(left.errors ?? null).toEqual(right.errors ?? null);
      if (!valid) invalid += 1;
    }
    expect(all.length).toBeGreaterThan(2000);
    expect(invalid).toBeGreaterThan(1000);
  });
});
