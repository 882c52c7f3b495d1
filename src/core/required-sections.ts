import { bodyOf, type Article } from './article';
import type { Section } from './markdown/remark';
import { requiredSections } from './schema/model';

/** How `##` headings are compared with the schema's section names: trimmed, blanks collapsed, any case. */
export function headingKey(title: string): string {
  return title.trim().replace(/\s+/g, ' ').toLowerCase();
}

/** A required section (`x-sections` of the article's type) that is missing, or present but empty. */
export interface SectionGap {
  /** The section's name as the schema spells it. */
  title: string;
  /** The heading, when it is there but nothing stands under it. */
  empty?: Section;
}

/** The required sections an article lacks, in the schema's order (the `sections` rule and the coverage check). */
export function missingSections(article: Article): SectionGap[] {
  if (!article.type) return [];
  const gaps: SectionGap[] = [];
  for (const title of requiredSections(article.type)) {
    const section = findSection(article, title);
    if (!section) gaps.push({ title });
    else if (section.empty) gaps.push({ title, empty: section });
  }
  return gaps;
}

/** Each body's sections by `headingKey` (the first of a name), made once: the audit asks per register row. */
const sectionsByKey = new WeakMap<Section[], Map<string, Section>>();

/** The section of this name (compared as `headingKey` does), if the body has one. */
export function findSection(article: Article, title: string): Section | undefined {
  const sections = bodyOf(article).sections;
  let byKey = sectionsByKey.get(sections);
  if (!byKey) {
    byKey = new Map();
    for (const section of sections) {
      const key = headingKey(section.title);
      if (!byKey.has(key)) byKey.set(key, section);
    }
    sectionsByKey.set(sections, byKey);
  }
  return byKey.get(headingKey(title));
}
