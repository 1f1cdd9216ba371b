/**
 * The brief parser's offline policy: one sentence of marketing goal, in English, Chinese or both,
 * to a validated {@link CampaignBrief}. Deterministic: no clock (today is injected), no network.
 *
 * Decisions on what goals leave open:
 * - Budget period: the marker next to the amount (`/day`, `每天`, `total`, `每月`…); if none, a
 *   period phrase elsewhere (`日预算`); if none, `total` when the goal gives a duration or an end
 *   (the amount covers that span), else `day` (the unit ad platforms budget in).
 * - Budget vs CPA: the nearest cue decides (`CPA under`, `获客成本` → CPA; `budget`, `预算`, a
 *   period → budget); a bare number counts as money only right next to such a cue. A currency
 *   amount with no cue is the budget when no cued one exists; `priced at £5` is neither.
 * - Currency: as written; `¥` is CNY; a number with none takes the currency named elsewhere in
 *   the goal when there is exactly one, else `ctx.defaultCurrency`; the CPA takes the budget's.
 * - Ranges: `¥3,000-5,000` budgets the lower end (what the marketer surely agreed to); a CPA
 *   range caps at the upper end.
 * - ROI is read as ROAS (revenue / spend), as Chinese ad platforms use it; `300%` is 3.
 */
import {
  AgentError,
  BadGoalError,
  CampaignBrief,
  InvalidInputError,
  type Budget,
  type BudgetPeriod,
  type Money,
} from '../../src/core/index.js';
import { currencyAt, findAmounts } from './amounts.js';
import { budgetConflict, type StatedBudget } from './budget-conflicts.js';
import { extractAudience } from './audience.js';
import { findChannels } from './channels.js';
import { parseDate } from './dates.js';
import { translateProductQuery } from './glossary.js';
import { detectLanguage } from './language.js';
import { detectObjective } from './objective.js';
import { periodAnywhere } from './period.js';
import { extractProductQuery } from './products.js';
import { findRoas, type RoasTarget } from './roas.js';
import { assignRoles, pickBudget, pickCpa, statedPeriod, type RoledAmount } from './roles.js';
import { extractSchedule } from './schedule.js';
import { clauseBoundaries, normalizeGoal, unique, type Span } from './text.js';

/** What the parser needs from its caller. */
export interface BriefParserContext {
  /** Today, `YYYY-MM-DD` (injected: the parser never reads the clock). */
  today: string;
  /** ISO code used when an amount names no currency, e.g. `'CNY'`. */
  defaultCurrency: string;
  /** Catalog search: product ids for an English query. Optional. */
  matchProducts?: (query: string) => string[];
}

/** Goals longer than this are refused: a goal is one or two sentences. */
export const MAX_GOAL_LENGTH = 2000;

/** Words that show a goal is about advertising even before it names a budget. */
const CAMPAIGN_WORDS =
  /\b(?:campaigns?|ads?|adverts?|advertis\w*|marketing|promot\w*|budget|spend|sell\w*|sales|cpa|roas|roi|audience|customers?|buyers?|shoppers?|launch\w*|leads?|installs?|downloads?|awareness|conversions?)\b|广告|投放|推广|营销|预算|卖|销售|转化|曝光|获客|引流|种草|带货|宣传|线索|下载/;

const MISSING_TEXT: Readonly<Record<string, string>> = {
  budget: 'a budget (an amount with a currency and its period, e.g. "¥5,000 per day" or "£3,000 in total")',
  objective:
    'what to advertise or optimise for (a product such as "our ceramic tableware", or an objective: sales, leads, installs, awareness)',
};

function round(value: number, places: number): number {
  const f = 10 ** places;
  return Math.round(value * f) / f;
}

function checkContext(ctx: BriefParserContext): void {
  if (parseDate(ctx.today) === undefined)
    throw new InvalidInputError('today', 'a YYYY-MM-DD date', ctx.today);
  if (!/^[A-Z]{3}$/.test(ctx.defaultCurrency)) {
    throw new InvalidInputError('defaultCurrency', 'an ISO 4217 code such as CNY', ctx.defaultCurrency);
  }
}

function quote(goal: string): string {
  return goal.length > 60 ? `${goal.slice(0, 57)}...` : goal;
}

function periodOf(text: string, budget: RoledAmount, hasSpan: boolean): BudgetPeriod {
  return statedPeriod(text, budget) ?? periodAnywhere(text) ?? (hasSpan ? 'total' : 'day');
}

/** The goal as written, trimmed; refuses an empty or over-long one. */
function writtenGoal(goal: string): string {
  const written = typeof goal === 'string' ? goal.trim() : '';
  if (written === '') {
    throw new BadGoalError({
      goal,
      message: 'The goal is empty: expected one sentence saying what to advertise and the budget.',
    });
  }
  if (written.length > MAX_GOAL_LENGTH) {
    throw new BadGoalError({
      goal,
      message: `The goal is ${written.length} characters long; the limit is ${MAX_GOAL_LENGTH}. Say it in one or two sentences.`,
    });
  }
  return written;
}

function positive(goal: string, what: string, value: number, unit: string): void {
  if (Number.isFinite(value) && value > 0) return;
  const received = Number.isFinite(value)
    ? `${value}${unit === '' ? '' : ` ${unit}`}`
    : 'a number too large to use';
  throw new BadGoalError({ goal, message: `The ${what} must be more than zero; received ${received}.` });
}

interface Targets {
  budget: Budget;
  targetCpa?: Money;
  targetRoas?: number;
}

/** Budget and targets in numbers, checked; currencies filled in as the module doc describes. */
function targetsOf(
  goal: string,
  text: string,
  roled: readonly RoledAmount[],
  budgetRole: RoledAmount,
  roas: RoasTarget | undefined,
  hasSpan: boolean,
  defaultCurrency: string,
): Targets {
  const cpaRole = pickCpa(roled);
  const named = unique(
    roled.flatMap((r) =>
      (r.role === 'budget' || r.role === 'cpa') && r.amount.currency !== undefined ? [r.amount.currency] : [],
    ),
  );
  const currency =
    budgetRole.amount.currency ??
    // `2.5k/day GBP`: the currency after the budget's period word.
    currencyAt(text.slice(budgetRole.attachedEnd)) ??
    (named.length === 1 ? named[0] : undefined) ??
    defaultCurrency;
  const budget: Budget = {
    amount: round(budgetRole.amount.value, 2),
    currency,
    period: periodOf(text, budgetRole, hasSpan),
  };
  positive(goal, 'budget', budget.amount, currency);
  const targets: Targets = { budget };
  if (cpaRole) {
    const amount = round(cpaRole.amount.upper ?? cpaRole.amount.value, 2);
    const cpaCurrency = cpaRole.amount.currency ?? currency;
    positive(goal, 'CPA target', amount, cpaCurrency);
    targets.targetCpa = { amount, currency: cpaCurrency };
  }
  if (roas) {
    positive(goal, 'ROAS target', roas.value, '');
    targets.targetRoas = round(roas.value, 4);
  }
  return targets;
}

/** Every budget the goal marks with a period (`£500 a day`, `total budget £1,000`), in order. */
function statedBudgets(text: string, roled: readonly RoledAmount[], currency: string): StatedBudget[] {
  return roled.flatMap((r) => {
    const period = r.role === 'budget' && r.cued ? statedPeriod(text, r) : undefined;
    if (period === undefined) return [];
    return [{ amount: round(r.amount.value, 2), currency: r.amount.currency ?? currency, period }];
  });
}

/**
 * Parses a one-sentence marketing goal into a {@link CampaignBrief}.
 *
 * @throws BadGoalError when the goal is empty, too long, not about a campaign, lacks a budget
 *   or what to advertise (listed in `missing`), gives a zero or negative amount, budgets that
 *   contradict each other (two daily budgets, a daily budget above the total; see
 *   `budget-conflicts.ts`) or an impossible date.
 * @throws InvalidInputError when `ctx.today` or `ctx.defaultCurrency` is malformed.
 *
 * @example
 * ```ts
 * const brief = parseBrief(
 *   'Sell our ceramic tableware this month, budget 3000 GBP per day, keep CPA under 12 GBP',
 *   { today: '2026-11-29', defaultCurrency: 'CNY' },
 * );
 * brief.budget; // { amount: 3000, currency: 'GBP', period: 'day' }
 * brief.targetCpa; // { amount: 12, currency: 'GBP' }
 * brief.schedule; // { start: '2026-11-29', days: 2 }
 * ```
 */
export function parseBrief(goal: string, ctx: BriefParserContext): CampaignBrief {
  checkContext(ctx);
  const written = writtenGoal(goal);
  const text = normalizeGoal(written);
  const lower = text.lower;

  const roled = assignRoles(lower, findAmounts(lower), clauseBoundaries(lower));
  const budgetRole = pickBudget(roled);
  const cpaRole = pickCpa(roled);
  const roas = findRoas(lower);
  // Amounts, their period words and the ROAS target are not dates, durations or ages.
  const taken: Span[] = roled
    .filter((r) => r.role !== 'none')
    .map((r) => ({ start: r.attachedStart, end: r.attachedEnd }))
    .concat(roas ? [roas.span] : []);
  const scheduled = extractSchedule(lower, ctx.today, taken);
  const { audience } = extractAudience(text, ctx.today, [...taken, ...scheduled.spans]);
  const channels = findChannels(lower);
  const product = extractProductQuery(text);
  const objective = detectObjective(lower, {
    ...(cpaRole?.cpaKind === undefined ? {} : { cpaKind: cpaRole.cpaKind }),
    hasRoas: roas !== undefined,
    hasProduct: product.query !== undefined,
  });

  const aboutCampaign =
    budgetRole !== undefined ||
    cpaRole !== undefined ||
    roas !== undefined ||
    objective.stated ||
    product.query !== undefined ||
    channels.length > 0 ||
    CAMPAIGN_WORDS.test(lower);
  if (!aboutCampaign) {
    throw new BadGoalError({
      goal,
      message: `Could not read "${quote(written)}" as a campaign goal: expected what to advertise and a budget.`,
    });
  }
  const missing = [
    ...(budgetRole ? [] : ['budget']),
    ...(objective.stated || product.query !== undefined ? [] : ['objective']),
  ];
  if (budgetRole === undefined || missing.length > 0) {
    throw new BadGoalError({
      goal,
      missing,
      message: `The goal is missing ${missing.map((m) => MISSING_TEXT[m] ?? m).join('; and ')}.`,
    });
  }
  if (scheduled.problems.length > 0) {
    throw new BadGoalError({ goal, message: scheduled.problems.join(' ') });
  }
  const targets = targetsOf(
    goal,
    lower,
    roled,
    budgetRole,
    roas,
    scheduled.schedule.days !== undefined,
    ctx.defaultCurrency,
  );
  const conflict = budgetConflict(
    statedBudgets(lower, roled, targets.budget.currency),
    scheduled.schedule.days,
  );
  if (conflict !== undefined) throw new BadGoalError({ goal, message: conflict });

  const language = detectLanguage(text.original);
  const productQuery = product.query;
  // The catalog is English: a Chinese or mixed phrase is searched in translation.
  const searchQuery =
    productQuery === undefined
      ? undefined
      : language === 'en'
        ? productQuery
        : translateProductQuery(productQuery);
  const productIds = searchQuery === undefined ? [] : [...(ctx.matchProducts?.(searchQuery) ?? [])];

  const brief = {
    goal: written,
    language,
    objective: objective.objective,
    ...targets,
    schedule: scheduled.schedule,
    audience,
    ...(productQuery === undefined ? {} : { productQuery }),
    productIds,
    channels,
  } satisfies CampaignBrief;
  const checked = CampaignBrief.safeParse(brief);
  if (!checked.success) {
    throw new AgentError(
      `The brief parser produced an invalid brief: ${checked.error.issues
        .slice(0, 3)
        .map((i) => `${i.path.join('.')}: ${i.message}`)
        .join('; ')}`,
      { context: { agent: 'brief-parser' } },
    );
  }
  return checked.data;
}
