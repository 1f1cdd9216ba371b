import { createActor, fromPromise, waitFor, type Actor } from 'xstate';
import { planBounds, planTwin } from '../../agents/bid-strategist/index.js';
import {
  loadAuctionNetConfig,
  mix32,
  RandomStream,
  startSession,
  toOutsideUnits,
  type MarketScale,
  type MarketSession,
} from '../../simulator/index.js';
import {
  deliveryMachine,
  type ConsultInput,
  type DeliveryPhase,
  type DeliverySettings,
  type PhaseTransition,
  type StrategistAdvice,
} from '../../workflows/delivery.js';
import { floorCents, InvalidInputError, type BidPlan, type Plan } from '../core/index.js';

/** Longest simulated delivery, in days. */
export const MAX_DELIVERY_DAYS = 90;

/** One simulated day of delivery, in the plan's currency. */
export interface DeliveryDay {
  readonly day: number;
  readonly spend: number;
  readonly conversions: number;
  /** Spend ÷ conversions, null without a conversion. */
  readonly cpa: number | null;
  /** The delivery phase at the end of the day. */
  readonly phase: DeliveryPhase;
}

/** What {@link deliverSimulated} returns. */
export interface SimulatedDelivery {
  readonly runId: string;
  readonly currency: string;
  readonly seed: number;
  /** Days simulated. */
  readonly days: number;
  readonly rows: readonly DeliveryDay[];
  readonly transitions: readonly PhaseTransition[];
  readonly consults: readonly { readonly tick: number; readonly reason: string; readonly note: string }[];
  readonly totals: { readonly spend: number; readonly conversions: number; readonly cpa: number | null };
  readonly budget: { readonly daily: number; readonly total: number };
  readonly phase: DeliveryPhase;
}

/** Progress of a simulated delivery, one event per day. */
export type DeliveryProgress = { type: 'day.completed'; day: number; days: number; row: DeliveryDay };

/** Options of {@link deliverSimulated}. */
export interface DeliverOptions {
  readonly plan: Plan;
  readonly days: number;
  readonly seed?: number;
  readonly onProgress?: (event: DeliveryProgress) => void;
  readonly settings?: Partial<DeliverySettings>;
  /** The strategist consulted during delivery; default {@link offlineDeliveryAdvice}. */
  readonly consultStrategist?: (input: ConsultInput) => Promise<StrategistAdvice>;
  /** Opportunities per simulated day (default: the twin forecast's). */
  readonly opportunities?: number;
}

/**
 * The bid strategist's offline policy during delivery: small, bounded moves of the working
 * multiplier bounds. CPA too high or spend running ahead: lower the ceiling; no delivery: open
 * the ceiling to the plan's max and lift the floor a little; at the regular check, widen when CPA
 * is well under target and spend behind plan, narrow when CPA is over target.
 *
 * @example
 * ```ts
 * offlineDeliveryAdvice({ reason: 'cpa-high', bounds: { min: 0.5, max: 1 }, ... }).bounds.max; // 0.85
 * ```
 */
export function offlineDeliveryAdvice(input: ConsultInput): StrategistAdvice {
  const { bounds, planBounds: plan } = input;
  const cpa = input.recentCpa;
  const behind = input.spendToday < 0.9 * input.plannedSpendToday;
  const at = (max: number, min = bounds.min) => ({ min, max: Math.max(min, Math.min(plan.max, max)) });
  switch (input.reason) {
    case 'cpa-high':
      return { bounds: at(bounds.max * 0.85), note: 'CPA above target: ceiling lowered 15%' };
    case 'spend-ahead':
      return { bounds: at(bounds.max * 0.9), note: 'spend ahead of plan: ceiling lowered 10%' };
    case 'zero-delivery':
      return {
        bounds: at(plan.max, Math.min(plan.max, bounds.min * 1.2)),
        note: 'no delivery: ceiling opened to the plan max, floor raised 20%',
      };
    default:
      if (cpa !== null && cpa <= 0.8 * input.targetCpa && behind)
        return { bounds: at(bounds.max * 1.1), note: 'CPA under target, spend behind: ceiling raised 10%' };
      if (cpa !== null && cpa > 1.1 * input.targetCpa)
        return { bounds: at(bounds.max * 0.9), note: 'CPA over target: ceiling lowered 10%' };
      return { bounds, note: 'on plan: bounds kept' };
  }
}

function deliveryActor(
  bidPlan: BidPlan,
  settings: Partial<DeliverySettings> | undefined,
  consult: (input: ConsultInput) => Promise<StrategistAdvice>,
) {
  const machine = deliveryMachine.provide({
    actors: { consultStrategist: fromPromise<StrategistAdvice, ConsultInput>(({ input }) => consult(input)) },
  });
  const actor = createActor(machine, {
    input: {
      dailyBudget: bidPlan.dailyBudget,
      totalBudget: bidPlan.totalBudget,
      targetCpa: bidPlan.targetCpa,
      bounds: planBounds(bidPlan),
      pacing: bidPlan.pacing.policy === 'dual' ? 'dual' : 'pid',
      // The twin's market follows AuctionNet's intra-day curve; pace along it.
      trafficCurve: loadAuctionNetConfig().trafficCurve,
      ...(settings ? { settings } : {}),
    },
  });
  // An error inside the machine stops it; `settled` rethrows it to the caller instead of letting
  // it surface as an unhandled error.
  actor.subscribe({ error: () => {} });
  return actor.start();
}

type DeliveryActor = Actor<typeof deliveryMachine>;

/** Waits until the strategist (if consulted) has answered: in the twin, time stops meanwhile. */
async function settled(actor: DeliveryActor): Promise<void> {
  const snapshot = await waitFor(actor, (s) => s.status !== 'active' || s.context.consultingFor === null);
  if (snapshot.status === 'error') throw snapshot.error;
}

/** Plays up to `limit` ticks of one twin day with the machine's multipliers; returns the day's sums. */
async function playDay(
  actor: DeliveryActor,
  session: MarketSession,
  scale: MarketScale,
  rng: RandomStream,
  limit = Infinity,
): Promise<{ spend: number; conversions: number }> {
  let spend = 0;
  let conversions = 0;
  for (let t = 0; t < limit && !session.done && actor.getSnapshot().status === 'active'; t++) {
    const report = toOutsideUnits(session.step(actor.getSnapshot().context.multiplier), scale, rng);
    spend += report.spend;
    conversions += report.conversions;
    actor.send({ type: 'tick.completed', report });
    await settled(actor);
  }
  return { spend, conversions };
}

const orderValueOf = (plan: Plan) =>
  plan.forecast.conversions > 0 ? plan.forecast.revenue / plan.forecast.conversions : undefined;

/**
 * Runs an approved plan in the market twin through the delivery machine, one simulated day (one
 * episode, the twin forecast's scaling) per day: the machine sets the multiplier every tick with
 * the plan's pacing tool, the strategist is consulted at its cadence and on anomalies, and each
 * day's rows record spend, conversions, CPA and the phase at day's end. A day's spend never
 * exceeds the plan's daily budget, nor the total its total budget (the twin's hard cap).
 *
 * @example
 * ```ts
 * const delivery = await deliverSimulated({ plan, days: 3, seed: 1 });
 * delivery.rows[0]?.phase; // 'breakout'
 * ```
 */
export async function deliverSimulated(options: DeliverOptions): Promise<SimulatedDelivery> {
  const { plan } = options;
  const seed = options.seed ?? 1;
  if (plan.status !== 'planned')
    throw new InvalidInputError(`status of run ${plan.runId}`, 'planned (approved)', plan.status);
  if (!Number.isInteger(options.days) || options.days < 1 || options.days > MAX_DELIVERY_DAYS)
    throw new InvalidInputError('days', `a whole number from 1 to ${MAX_DELIVERY_DAYS}`, options.days);
  if (!Number.isInteger(seed)) throw new InvalidInputError('seed', 'an integer', seed);
  const bidPlan = plan.bidPlan;
  const actor = deliveryActor(
    bidPlan,
    options.settings,
    options.consultStrategist ?? ((i) => Promise.resolve(offlineDeliveryAdvice(i))),
  );
  const orderValue = orderValueOf(plan);
  const rows: DeliveryDay[] = [];
  let spent = 0;
  try {
    for (let day = 1; day <= options.days; day++) {
      const budget = floorCents(Math.min(bidPlan.dailyBudget, bidPlan.totalBudget - spent));
      let sums = { spend: 0, conversions: 0 };
      if (actor.getSnapshot().status === 'active' && budget > 0) {
        const twin = planTwin(bidPlan, {
          slotIndex: seed - 1,
          dayBudget: budget,
          ...(orderValue === undefined ? {} : { orderValue }),
          ...(options.opportunities === undefined ? {} : { opportunities: options.opportunities }),
        });
        const session = startSession(twin.market, twin.slot, mix32(seed * 7919 + day), {
          model: twin.model,
          policyName: 'delivery',
        });
        actor.send({ type: 'day.started', day, budget });
        sums = await playDay(actor, session, twin.scale, new RandomStream(mix32(seed ^ 0x5eed) + day));
        sums.spend = Math.min(budget, sums.spend);
        actor.send({ type: 'day.ended' });
        await settled(actor);
      }
      spent += sums.spend;
      const row: DeliveryDay = {
        day,
        spend: floorCents(sums.spend),
        conversions: sums.conversions,
        cpa: sums.conversions > 0 ? Math.round((sums.spend / sums.conversions) * 100) / 100 : null,
        phase: actor.getSnapshot().context.phase ?? 'coldStart',
      };
      rows.push(row);
      options.onProgress?.({ type: 'day.completed', day, days: options.days, row });
    }
    if (actor.getSnapshot().status === 'active') actor.send({ type: 'schedule.completed' });
    const end = actor.getSnapshot().context;
    const spend = floorCents(rows.reduce((s, r) => s + r.spend, 0));
    const conversions = rows.reduce((s, r) => s + r.conversions, 0);
    return {
      runId: plan.runId,
      currency: bidPlan.currency,
      seed,
      days: options.days,
      rows,
      transitions: end.transitions,
      consults: end.consults,
      totals: {
        spend,
        conversions,
        cpa: conversions > 0 ? Math.round((spend / conversions) * 100) / 100 : null,
      },
      budget: { daily: bidPlan.dailyBudget, total: bidPlan.totalBudget },
      phase: end.phase ?? 'ended',
    };
  } finally {
    actor.stop();
  }
}

/** A new campaign for the cold-start comparison: a plan, its order value and its market slot. */
export interface ColdStartCampaign {
  readonly bidPlan: BidPlan;
  readonly orderValue: number;
  readonly slotIndex: number;
  readonly seed: number;
}

/** How one way of bidding fared over the first T ticks of many new campaigns. */
export interface ColdStartArm {
  /** Campaigns that reached K conversions within T ticks. */
  readonly reached: number;
  readonly share: number;
  /** Median tick (1-based) at which K was reached, over those that reached it. */
  readonly medianTicks: number | null;
  /** Pooled CPA over the first T ticks ÷ target CPA: what the cold start cost. */
  readonly cpaRatio: number | null;
}

/** Result of {@link coldStartSuccess}. */
export interface ColdStartComparison {
  readonly K: number;
  readonly T: number;
  readonly campaigns: number;
  readonly delivery: ColdStartArm;
  readonly fixed: ColdStartArm & { readonly multiplier: number };
  /** Discordant pairs: campaigns only the machine brought to K, and only the fixed multiplier did. */
  readonly deliveryOnly: number;
  readonly fixedOnly: number;
}

/**
 * One campaign's first `T` ticks in the twin, bid by the delivery machine or by a fixed
 * multiplier (same market, seed and Poisson stream): the tick at which it reached `K` conversions
 * (or null), and its spend and conversions over the T ticks.
 */
async function coldStartRun(
  c: ColdStartCampaign,
  K: number,
  T: number,
  fixed: number | null,
  settings: Partial<DeliverySettings>,
) {
  const twin = planTwin(c.bidPlan, { orderValue: c.orderValue, slotIndex: c.slotIndex });
  const session = startSession(twin.market, twin.slot, c.seed, { model: twin.model });
  const rng = new RandomStream(mix32(c.seed ^ 0xc01d));
  const actor =
    fixed === null
      ? deliveryActor(c.bidPlan, { ...settings, coldStartConversions: K }, (i) =>
          Promise.resolve(offlineDeliveryAdvice(i)),
        )
      : null;
  actor?.send({ type: 'day.started', day: 1, budget: c.bidPlan.dailyBudget });
  let spend = 0;
  let conversions = 0;
  let reachedAt: number | null = null;
  try {
    for (let t = 1; t <= Math.min(T, session.ticks); t++) {
      const multiplier = actor ? actor.getSnapshot().context.multiplier : fixed!;
      const report = toOutsideUnits(session.step(multiplier), twin.scale, rng);
      spend += report.spend;
      conversions += report.conversions;
      if (reachedAt === null && conversions >= K) reachedAt = t;
      if (actor) {
        actor.send({ type: 'tick.completed', report });
        await settled(actor);
      }
    }
  } finally {
    actor?.stop();
  }
  return { reachedAt, spend, conversions, targetCpa: c.bidPlan.targetCpa };
}

/**
 * The cold-start success rate: over new campaigns, the share that reach `K` conversions within
 * their first `T` ticks when the delivery machine bids (cold start bids at the top of the plan's
 * bounds until K conversions, pacing and strategist as in delivery) against a plain fixed
 * multiplier (default 1: the target-CPA bid), on common random numbers; with the CPA each paid.
 *
 * @example
 * ```ts
 * const result = await coldStartSuccess({ campaigns, K: 10, T: 24 });
 * result.delivery.share - result.fixed.share;
 * ```
 */
export async function coldStartSuccess(args: {
  campaigns: readonly ColdStartCampaign[];
  K: number;
  T: number;
  fixedMultiplier?: number;
  settings?: Partial<DeliverySettings>;
  onCampaign?: (done: number) => void;
}): Promise<ColdStartComparison> {
  const { campaigns, K, T } = args;
  if (!Number.isInteger(K) || K < 1) throw new InvalidInputError('K', 'a positive whole number', K);
  if (!Number.isInteger(T) || T < 1 || T > 48)
    throw new InvalidInputError('T', 'a whole number of ticks in 1..48', T);
  const fixedMultiplier = args.fixedMultiplier ?? 1;
  const runs: {
    delivery: Awaited<ReturnType<typeof coldStartRun>>;
    fixed: Awaited<ReturnType<typeof coldStartRun>>;
  }[] = [];
  for (const c of campaigns) {
    runs.push({
      delivery: await coldStartRun(c, K, T, null, args.settings ?? {}),
      fixed: await coldStartRun(c, K, T, fixedMultiplier, args.settings ?? {}),
    });
    args.onCampaign?.(runs.length);
  }
  const arm = (
    pick: (r: (typeof runs)[number]) => Awaited<ReturnType<typeof coldStartRun>>,
  ): ColdStartArm => {
    const all = runs.map(pick);
    const ticks = all.flatMap((r) => (r.reachedAt === null ? [] : [r.reachedAt])).sort((a, b) => a - b);
    const targetSpend = all.reduce((s, r) => s + r.conversions * r.targetCpa, 0);
    return {
      reached: ticks.length,
      share: all.length ? ticks.length / all.length : 0,
      medianTicks: ticks.length ? (ticks[Math.floor((ticks.length - 1) / 2)] ?? null) : null,
      cpaRatio: targetSpend > 0 ? all.reduce((s, r) => s + r.spend, 0) / targetSpend : null,
    };
  };
  return {
    K,
    T,
    campaigns: campaigns.length,
    delivery: arm((r) => r.delivery),
    fixed: { ...arm((r) => r.fixed), multiplier: fixedMultiplier },
    deliveryOnly: runs.filter((r) => r.delivery.reachedAt !== null && r.fixed.reachedAt === null).length,
    fixedOnly: runs.filter((r) => r.delivery.reachedAt === null && r.fixed.reachedAt !== null).length,
  };
}
