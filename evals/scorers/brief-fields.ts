/**
 * Field-by-field comparison of a parsed brief with a gold brief. A field the gold leaves out must
 * be absent from the brief too: inventing a CPA target is as wrong as missing one. Lists (regions,
 * channels) compare as sets; amounts to the cent.
 */
import type { CampaignBrief } from '../../src/core/index.js';

/** The gold of one goal: what it means. */
export interface GoldBrief {
  readonly objective: string;
  readonly budget: { readonly amount: number; readonly currency: string; readonly period: string };
  readonly targetCpa?: { readonly amount: number; readonly currency: string };
  readonly targetRoas?: number;
  readonly schedule?: { readonly days?: number };
  readonly audience?: {
    readonly gender?: string;
    readonly ageMin?: number;
    readonly ageMax?: number;
    readonly regions?: readonly string[];
  };
  readonly channels: readonly string[];
}

/** The fields scored, in report order. */
export const BRIEF_FIELDS = [
  'objective',
  'budget.amount',
  'budget.currency',
  'budget.period',
  'targetCpa',
  'targetRoas',
  'schedule.days',
  'audience.gender',
  'audience.age',
  'audience.regions',
  'channels',
] as const;
export type BriefField = (typeof BRIEF_FIELDS)[number];

/** A field the brief got wrong. */
export interface FieldMiss {
  readonly field: BriefField;
  readonly expected: unknown;
  readonly received: unknown;
}

type Comparable = string | number | readonly string[] | Record<string, unknown> | undefined;

const cents = (x: number) => Math.round(x * 100);
const sameSet = (a: readonly string[] = [], b: readonly string[] = []) =>
  a.length === b.length && [...a].sort().join('\u0000') === [...b].sort().join('\u0000');

function pairs(gold: GoldBrief, brief: CampaignBrief): Record<BriefField, [Comparable, Comparable, boolean]> {
  const age = (min?: number, max?: number) =>
    min === undefined && max === undefined ? undefined : { min: min ?? null, max: max ?? null };
  const goldAge = age(gold.audience?.ageMin, gold.audience?.ageMax);
  const briefAge = age(brief.audience.ageMin, brief.audience.ageMax);
  const goldCpa = gold.targetCpa && { amount: gold.targetCpa.amount, currency: gold.targetCpa.currency };
  const briefCpa = brief.targetCpa && { amount: brief.targetCpa.amount, currency: brief.targetCpa.currency };
  return {
    objective: [gold.objective, brief.objective, gold.objective === brief.objective],
    'budget.amount': [
      gold.budget.amount,
      brief.budget.amount,
      cents(gold.budget.amount) === cents(brief.budget.amount),
    ],
    'budget.currency': [
      gold.budget.currency,
      brief.budget.currency,
      gold.budget.currency === brief.budget.currency,
    ],
    'budget.period': [gold.budget.period, brief.budget.period, gold.budget.period === brief.budget.period],
    targetCpa: [
      goldCpa,
      briefCpa,
      goldCpa === undefined
        ? briefCpa === undefined
        : briefCpa !== undefined &&
          cents(goldCpa.amount) === cents(briefCpa.amount) &&
          goldCpa.currency === briefCpa.currency,
    ],
    targetRoas: [
      gold.targetRoas,
      brief.targetRoas,
      gold.targetRoas === undefined
        ? brief.targetRoas === undefined
        : brief.targetRoas !== undefined && Math.abs(gold.targetRoas - brief.targetRoas) < 1e-6,
    ],
    'schedule.days': [gold.schedule?.days, brief.schedule.days, gold.schedule?.days === brief.schedule.days],
    'audience.gender': [
      gold.audience?.gender,
      brief.audience.gender,
      gold.audience?.gender === brief.audience.gender,
    ],
    'audience.age': [goldAge, briefAge, JSON.stringify(goldAge) === JSON.stringify(briefAge)],
    'audience.regions': [
      gold.audience?.regions,
      brief.audience.regions,
      sameSet(gold.audience?.regions, brief.audience.regions),
    ],
    channels: [gold.channels, brief.channels, sameSet(gold.channels, brief.channels)],
  };
}

/**
 * Which fields of `brief` match `gold`.
 *
 * @example
 * ```ts
 * const { correct, misses } = compareBrief(gold, parseBrief(goal, ctx));
 * correct.objective; // true
 * ```
 */
export function compareBrief(
  gold: GoldBrief,
  brief: CampaignBrief,
): { correct: Record<BriefField, boolean>; misses: FieldMiss[] } {
  const all = pairs(gold, brief);
  const correct = {} as Record<BriefField, boolean>;
  const misses: FieldMiss[] = [];
  for (const field of BRIEF_FIELDS) {
    const [expected, received, ok] = all[field];
    correct[field] = ok;
    if (!ok) misses.push({ field, expected: expected ?? null, received: received ?? null });
  }
  return { correct, misses };
}
