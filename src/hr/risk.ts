import { CRITICALITY_LABELS } from '../core/schema/labels';

/**
 * Knowledge-loss risk of a flagged post (contract §7, after the IAEA's Knowledge Loss Risk
 * Assessment): how soon the knowledge leaves (attrition) times how much hangs on the post and
 * how little of it is secured (position), each 1–5.
 */

export const RISK_LEVELS = ['high', 'medium', 'low'] as const;
export type RiskLevel = (typeof RISK_LEVELS)[number];

/**
 * The level as HR's reports name it: „hoch“ and „mittel“ as the schema names criticality,
 * „gering“ (not „niedrig“) for a low risk.
 */
export const RISK_LEVEL_LABELS: Record<RiskLevel, string> = { high: CRITICALITY_LABELS.high!, medium: CRITICALITY_LABELS.medium!, low: 'gering' };

export interface Risk {
  /** 1–5 from the months left. */
  attrition: number;
  /** 1–5: criticality plus the coverage gap. */
  position: number;
  /** attrition × position, 1–25. */
  score: number;
  level: RiskLevel;
}

/** Upper bounds of `months_left` (inclusive) for attrition 5, 4, 3, 2; beyond them 1. */
const ATTRITION_MONTHS = [12, 24, 36, 48] as const;

const CRITICALITY_POINTS: Record<string, number> = { high: 3, medium: 2, low: 1 };
/** Without a valid post article nothing says how critical the post is: as if high. */
const UNKNOWN_CRITICALITY = 3;

/** 5 when 12 months or fewer are left (or the departure is past), 4 up to 24, 3 up to 36, 2 up to 48, else 1. */
export function attritionRisk(monthsLeft: number): number {
  const band = ATTRITION_MONTHS.findIndex((bound) => monthsLeft <= bound);
  return band === -1 ? 1 : 5 - band;
}

/** Criticality (high 3, medium 2, low 1; `undefined` = no valid post article → 3) plus the gap (coverage < 50 → 2, < 100 → 1), at most 5. */
export function positionRisk(criticality: string | undefined, coverage: number): number {
  const points = (criticality !== undefined ? CRITICALITY_POINTS[criticality] : undefined) ?? UNKNOWN_CRITICALITY;
  const gap = coverage < 50 ? 2 : coverage < 100 ? 1 : 0;
  return Math.min(5, points + gap);
}

export function riskLevel(score: number): RiskLevel {
  return score >= 16 ? 'high' : score >= 9 ? 'medium' : 'low';
}

/** The risk of one flagged row. `criticality`: the valid post article's, else undefined. */
export function knowledgeLossRisk(monthsLeft: number, criticality: string | undefined, coverage: number): Risk {
  const attrition = attritionRisk(monthsLeft);
  const position = positionRisk(criticality, coverage);
  const score = attrition * position;
  return { attrition, position, score, level: riskLevel(score) };
}
