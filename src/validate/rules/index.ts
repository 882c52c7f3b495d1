import { duplicateIdRule } from './duplicate-id';
import { placeholderRule } from './placeholder';
import { planRule } from './plan';
import { referenceRule } from './reference';
import type { Rule } from './rule';
import { schemaRule } from './schema';
import { sectionsRule } from './sections';
import { staleRule } from './stale';
import { yamlRule } from './yaml';

/** Every rule, in the contract's order. */
export const RULES: readonly Rule[] = [
  yamlRule,
  schemaRule,
  duplicateIdRule,
  referenceRule,
  sectionsRule,
  placeholderRule,
  staleRule,
  planRule,
];
