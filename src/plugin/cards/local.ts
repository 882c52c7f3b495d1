import { type Article } from '../../core/article';
import { type FieldSchema } from '../../core/schema/messages';
import { localFields } from '../../core/schema/model';

/** One of the wiki's own keys (erweiterungen/) on a card: its title as label, its value as plain text. */
export interface LocalValue {
  key: string;
  label: string;
  value: string;
}

/** A front-matter value as plain text: the German word of an enum value, lists with „, “, yes/no. */
function plainText(value: unknown, field: FieldSchema | undefined): string {
  if (typeof value === 'string') return field?.['x-labels']?.[value] ?? value;
  if (typeof value === 'boolean') return value ? 'ja' : 'nein';
  if (Array.isArray(value)) return value.map((item) => plainText(item, field?.items)).filter((text) => text !== '').join(', ');
  if (value !== null && typeof value === 'object') {
    return Object.entries(value).map(([key, sub]) => `${field?.properties?.[key]?.title ?? key}: ${plainText(sub, field?.properties?.[key])}`).join('; ');
  }
  return value === null || value === undefined ? '' : String(value);
}

/** The article's values of the wiki's own keys of its type, in the extension's order (empty ones left out). */
export function localValues(article: Article): LocalValue[] {
  if (!article.type) return [];
  return localFields(article.type)
    .map(([key, field]) => ({ key, label: field.title ?? key, value: plainText(article.data?.[key], field) }))
    .filter((entry) => entry.value !== '');
}
