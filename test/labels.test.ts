import { spawnSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { enumLabels, generateLabels, GENERATED_LABELS_PATH } from '../src/core/schema/generate-types';
import * as labels from '../src/core/generated/labels';
import { PROCESS_CSV_HEADERS } from '../src/process-register/csv';
import { REASONS, REGISTER_COLUMNS, REGISTER_TITLES } from '../src/hr/register';
import { ID_PATTERN, REGISTER_SCHEMA, TYPE_SCHEMAS } from '../src/core/schema/schemas';
import { ROOT, sourceFiles } from './helpers';

const escape = (text: string) => text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

describe('the schemas are the one source of labels, patterns and column titles', () => {
  it('the generated labels module is up to date, and npm run gen:types -- --check says so', () => {
    expect(readFileSync(GENERATED_LABELS_PATH, 'utf8')).toBe(generateLabels());
    const check = spawnSync(process.execPath, ['scripts/run.cjs', 'generate-types', '--check'], { cwd: ROOT, encoding: 'utf8' });
    expect(check.stderr).toBe('');
    expect(check.status).toBe(0);
  });

  it('x-labels must name every enum value in order; otherwise generating fails, naming the schema', () => {
    expect(enumLabels(TYPE_SCHEMAS.post, '/allOf/1/properties/criticality')).toEqual({ high: 'hoch', medium: 'mittel', low: 'niedrig' });
    const broken = structuredClone(TYPE_SCHEMAS.post) as unknown as { allOf: [unknown, { properties: { criticality: { 'x-labels': Record<string, string> } } }] };
    delete broken.allOf[1].properties.criticality['x-labels'].low;
    expect(() => enumLabels(broken, '/allOf/1/properties/criticality')).toThrow(/post\.schema\.json#\/allOf\/1\/properties\/criticality: x-labels/);
  });

  it('labels come from the schemas: type titles and plurals, reasons and register columns', () => {
    expect(labels.TYPE_LABELS.post).toBe(TYPE_SCHEMAS.post.title);
    expect(labels.TYPE_PLURAL_LABELS.handover).toBe(TYPE_SCHEMAS.handover['x-title-plural']);
    expect(REASONS).toEqual(REGISTER_SCHEMA.properties.reason.enum);
    expect(REGISTER_COLUMNS).toEqual(['post', 'holder', 'departure', 'reason', 'birth_date']);
    expect(REGISTER_TITLES.departure).toBe('Austrittsdatum');
    expect(PROCESS_CSV_HEADERS.digital_bundle).toBe(TYPE_SCHEMAS.process.allOf[1]!.properties!.digital!.properties.bundle.title);
    expect(PROCESS_CSV_HEADERS.digital_bundle).toBe('Digitalbündel');
    expect(ID_PATTERN.test('stelle-32-004')).toBe(true);
    expect(ID_PATTERN.test('Stelle 32')).toBe(false);
  });

  it('no source file writes a value → label pair or the id pattern again', () => {
    const tables = Object.values(labels).flatMap((table) => Object.entries(table as Record<string, string>));
    expect(tables.length).toBeGreaterThan(25);
    const pairs = tables.map(([value, label]) => ({ value, label, pattern: new RegExp(`(?:\\b${escape(value)}\\b|'${escape(value)}')\\s*:\\s*['"\`]${escape(label)}['"\`]`) }));
    const idPattern = escape('[a-z0-9]+(-[a-z0-9]+)*');
    const found: string[] = [];
    for (const file of [...sourceFiles(join(ROOT, 'src')), ...sourceFiles(join(ROOT, 'scripts'))]) {
      if (file.includes(`${join('src', 'core', 'generated')}`)) continue;
      const text = readFileSync(file, 'utf8');
      for (const { value, label, pattern } of pairs) if (pattern.test(text)) found.push(`${file}: ${value} → ${label}`);
      if (new RegExp(idPattern).test(text)) found.push(`${file}: id pattern`);
    }
    expect(found).toEqual([]);
  });
});
