import * as generated from '../generated/labels';

/**
 * German display labels of the contract's values (site cards, dashboards, exports, reports).
 * They are written once, in the schemas (`x-labels` next to an enum, a type schema's
 * `title` and `x-title-plural`), and reach the code through src/core/generated/labels.ts.
 */
type Labels = Readonly<Record<string, string>>;

/** Front-matter field → German title (`digital.status` for nested fields): column headers of the exports. */
export const FIELD_TITLES = generated.FIELD_TITLES;
export const TYPE_LABELS: Labels = generated.TYPE_LABELS;
export const TYPE_PLURAL_LABELS: Labels = generated.TYPE_PLURAL_LABELS;
export const CRITICALITY_LABELS: Labels = generated.CRITICALITY_LABELS;
export const FREQUENCY_LABELS: Labels = generated.FREQUENCY_LABELS;
export const DIGITAL_STATUS_LABELS: Labels = generated.DIGITAL_STATUS_LABELS;
export const HANDOVER_STATUS_LABELS: Labels = generated.HANDOVER_STATUS_LABELS;

/** A half-year Digitalbündel as the contract writes it (§8): `YYYY-H1` or `YYYY-H2` (year, half). */
export const BUNDLE_PATTERN = /^(\d{4})-H([12])$/;

/** `2027-H1` → `1. Halbjahr 2027`. */
export function bundleLabel(bundle: string): string {
  const m = BUNDLE_PATTERN.exec(bundle);
  return m ? `${m[2]}. Halbjahr ${m[1]}` : bundle;
}
