import { dualMultiplier, INITIAL_DUAL_STATE, INITIAL_PID_STATE, paceShares } from '../simulator/index.js';
import { dualPacingStepTool, pidPacingStepTool } from '../tools/bidding/index.js';

/** The phases of delivery (the states the CLI reports). */
export type DeliveryPhase = 'coldStart' | 'stable' | 'breakout' | 'paused' | 'ended';

/** Why the strategist is consulted. */
export type ConsultReason = 'cadence' | 'day-end' | 'spend-ahead' | 'cpa-high' | 'zero-delivery';

/** What one tick of delivery brought, in the plan's currency (the twin's `TickReport` fits). */
export interface DeliveryTickReport {
  readonly spend: number;
  readonly conversions: number;
  readonly exposures: number;
  /** Σ predicted conversion probability of the tick's exposures (the dual pacing step uses it). */
  readonly predictedConversions: number;
  /** Budget left for the day after the tick. */
  readonly remainingBudget: number;
}

/** Thresholds of the delivery machine; every one has a default. */
export interface DeliverySettings {
  /** K: conversions that end cold start. */
  readonly coldStartConversions: number;
  /** M: ticks of cold start without any conversion after which delivery pauses. */
  readonly coldStartPatience: number;
  /** Multiplier floor during cold start, clamped into the bounds (Infinity = the plan's max). */
  readonly coldStartFloor: number;
  /** Highest multiplier in stable delivery, clamped to the plan's max; breakout lifts it. */
  readonly stableMax: number;
  /** The strategist is consulted every this many ticks (and at each day's end). */
  readonly consultEvery: number;
  /** Anomalies consult the strategist at most this often (ticks). */
  readonly anomalyCooldown: number;
  /** Ticks in the rolling window of the CPA checks. */
  readonly cpaWindow: number;
  /** A window CPA above this × target, for `cpaAlarmTicks` ticks running, is an anomaly. */
  readonly cpaAlarmRatio: number;
  readonly cpaAlarmTicks: number;
  /** Spend today above this × the plan by now (and above 10 % of the day) is an anomaly. */
  readonly paceAheadRatio: number;
  /** This many ticks running without an exposure, budget left, is an anomaly. */
  readonly zeroDeliveryTicks: number;
  /** Breakout: today's CPA below this × target … */
  readonly breakoutCpaRatio: number;
  /** … spend below this × the plan by now, budget left … */
  readonly breakoutPaceRatio: number;
  /** … for this many ticks running. */
  readonly breakoutTicks: number;
  /** Breakout ends when the window CPA rises above this × target … */
  readonly breakoutExitCpaRatio: number;
  /** … for this many ticks running … */
  readonly breakoutExitTicks: number;
  /** … and it has lasted this many ticks (hysteresis: no flapping on one noisy window). */
  readonly breakoutMinTicks: number;
  /** Stable holds at least this many ticks before a breakout (again). */
  readonly stableMinTicks: number;
}

/** Defaults: K = 20 conversions, M = 48 ticks (a day), strategist every 12 ticks. */
export const DEFAULT_DELIVERY_SETTINGS: DeliverySettings = {
  coldStartConversions: 20,
  coldStartPatience: 48,
  coldStartFloor: Infinity,
  stableMax: 1,
  consultEvery: 12,
  anomalyCooldown: 4,
  cpaWindow: 6,
  cpaAlarmRatio: 1.5,
  cpaAlarmTicks: 3,
  paceAheadRatio: 1.5,
  zeroDeliveryTicks: 4,
  breakoutCpaRatio: 0.7,
  breakoutPaceRatio: 0.9,
  breakoutTicks: 3,
  breakoutExitCpaRatio: 1,
  breakoutExitTicks: 3,
  breakoutMinTicks: 6,
  stableMinTicks: 12,
};

/** Multiplier bounds around the target-CPA bid. */
export interface Bounds {
  readonly min: number;
  readonly max: number;
}

/** The approved plan as delivery needs it. */
export interface DeliveryInput {
  readonly dailyBudget: number;
  readonly totalBudget: number;
  readonly targetCpa: number;
  /** The plan's multiplier bounds: nothing ever bids outside them. */
  readonly bounds: Bounds;
  readonly pacing: 'dual' | 'pid';
  /** Expected share of the day's traffic per tick (default: flat over 48 ticks). */
  readonly trafficCurve?: readonly number[];
  readonly settings?: Partial<DeliverySettings>;
}

/** A phase change and the tick (counted from launch) it happened at. */
export interface PhaseTransition {
  readonly from: DeliveryPhase | null;
  readonly to: DeliveryPhase;
  readonly tick: number;
  readonly day: number;
  readonly reason: string;
}

/** What the strategist is told when consulted. */
export interface ConsultInput {
  readonly reason: ConsultReason;
  readonly phase: DeliveryPhase;
  readonly tick: number;
  readonly day: number;
  readonly targetCpa: number;
  readonly planTargetCpa: number;
  readonly bounds: Bounds;
  readonly planBounds: Bounds;
  readonly dayBudget: number;
  readonly spendToday: number;
  readonly plannedSpendToday: number;
  readonly conversionsToday: number;
  /** Recent CPA over the rolling window, null without spend. */
  readonly recentCpa: number | null;
}

/** The strategist's answer: new working bounds and, optionally, a (lower) working target. */
export interface StrategistAdvice {
  readonly bounds: Bounds;
  readonly targetCpa?: number;
  readonly note: string;
}

/** The delivery machine's context. */
export interface DeliveryContext {
  readonly settings: DeliverySettings;
  readonly plan: Required<Omit<DeliveryInput, 'settings'>>;
  readonly phase: DeliveryPhase | null;
  readonly targetCpa: number;
  readonly bounds: Bounds;
  readonly day: number;
  readonly dayBudget: number;
  readonly tickOfDay: number;
  /** Ticks played since launch. */
  readonly tick: number;
  readonly phaseTicks: number;
  readonly spendToday: number;
  readonly conversionsToday: number;
  readonly remainingToday: number;
  readonly spend: number;
  readonly conversions: number;
  readonly dual: { readonly lambda: number; readonly mu: number };
  readonly pid: { readonly multiplier: number; readonly integral: number; readonly previousError: number };
  readonly pacingMultiplier: number;
  /** The multiplier to bid with in the next tick (0 when paused or ended). */
  readonly multiplier: number;
  readonly recent: readonly { readonly spend: number; readonly conversions: number }[];
  readonly cpaAlarmStreak: number;
  readonly zeroStreak: number;
  readonly breakoutStreak: number;
  /** Ticks running with the window CPA above the breakout exit ratio × target. */
  readonly overTargetStreak: number;
  readonly lastConsultTick: number;
  /** Why the strategist is being consulted right now, null when it is not. */
  readonly consultingFor: ConsultReason | null;
  readonly consultDue: ConsultReason | null;
  readonly reason: string;
  readonly transitions: readonly PhaseTransition[];
  readonly consults: readonly {
    readonly tick: number;
    readonly reason: ConsultReason;
    readonly note: string;
  }[];
}

const clamp = (x: number, b: Bounds) => Math.min(b.max, Math.max(b.min, x));

/** The machine's first context. */
export function initialDeliveryContext(input: DeliveryInput): DeliveryContext {
  const settings = { ...DEFAULT_DELIVERY_SETTINGS, ...input.settings };
  const plan = {
    dailyBudget: input.dailyBudget,
    totalBudget: input.totalBudget,
    targetCpa: input.targetCpa,
    bounds: input.bounds,
    pacing: input.pacing,
    trafficCurve: input.trafficCurve ?? new Array<number>(48).fill(1 / 48),
  };
  return {
    settings,
    plan,
    phase: null,
    targetCpa: input.targetCpa,
    bounds: input.bounds,
    day: 1,
    dayBudget: Math.min(input.dailyBudget, input.totalBudget),
    tickOfDay: 0,
    tick: 0,
    phaseTicks: 0,
    spendToday: 0,
    conversionsToday: 0,
    remainingToday: Math.min(input.dailyBudget, input.totalBudget),
    spend: 0,
    conversions: 0,
    dual: INITIAL_DUAL_STATE,
    pid: INITIAL_PID_STATE,
    pacingMultiplier: startMultiplier(input.pacing, input.bounds),
    multiplier: 0,
    recent: [],
    cpaAlarmStreak: 0,
    zeroStreak: 0,
    breakoutStreak: 0,
    overTargetStreak: 0,
    lastConsultTick: 0,
    consultingFor: null,
    consultDue: null,
    reason: 'launch',
    transitions: [],
    consults: [],
  };
}

function startMultiplier(pacing: 'dual' | 'pid', bounds: Bounds): number {
  return pacing === 'dual' ? dualMultiplier(INITIAL_DUAL_STATE, bounds.max) : INITIAL_PID_STATE.multiplier;
}

/** A new day: its budget, fresh pacing state, counters at zero. */
export function startDay(c: DeliveryContext, day: number, budget: number): Partial<DeliveryContext> {
  return {
    day,
    dayBudget: budget,
    remainingToday: budget,
    tickOfDay: 0,
    spendToday: 0,
    conversionsToday: 0,
    dual: INITIAL_DUAL_STATE,
    pid: INITIAL_PID_STATE,
    pacingMultiplier: startMultiplier(c.plan.pacing, c.plan.bounds),
    recent: [],
    cpaAlarmStreak: 0,
    zeroStreak: 0,
  };
}

/** Spend the plan expects by the end of tick `tickOfDay` (its share of the day's traffic). */
export function plannedSpend(c: DeliveryContext, ticksPlayed: number): number {
  return c.dayBudget * (1 - paceShares(c.plan.trafficCurve, ticksPlayed).fromTick);
}

/** CPA over the rolling window; Infinity if it spent without converting, null with no spend. */
export function recentCpa(c: DeliveryContext): number | null {
  const spend = c.recent.reduce((s, r) => s + r.spend, 0);
  const conversions = c.recent.reduce((s, r) => s + r.conversions, 0);
  if (spend <= 0) return null;
  return conversions > 0 ? spend / conversions : Infinity;
}

/**
 * Books a tick, takes one pacing step with the plan's pacing tool (dual_pacing_step or
 * pid_pacing_step) unless delivery is paused, updates the anomaly and breakout streaks, and says whether the strategist is
 * due. Pure: the machine assigns what it returns.
 */
export function afterTick(c: DeliveryContext, r: DeliveryTickReport, active: boolean): DeliveryContext {
  const s = c.settings;
  // Budget left when the tick began, computed as the twin's dual-pacing policy computes it.
  const remainingAtStart = r.remainingBudget + r.spend;
  const played = c.tickOfDay + 1;
  // Budget minus what is left (as the twin's policies count it); never negative, even by a rounding.
  const spendToday = Math.max(0, c.dayBudget - r.remainingBudget);
  const next = {
    ...c,
    tick: c.tick + 1,
    tickOfDay: played,
    phaseTicks: c.phaseTicks + 1,
    spendToday,
    conversionsToday: c.conversionsToday + r.conversions,
    remainingToday: r.remainingBudget,
    spend: c.spend + r.spend,
    conversions: c.conversions + r.conversions,
    recent: [...c.recent, { spend: r.spend, conversions: r.conversions }].slice(-s.cpaWindow),
  };
  if (!active) {
    // Paused or ended: nothing was bid, so the pacing state learns nothing from the tick.
  } else if (c.plan.pacing === 'dual') {
    const shares = paceShares(c.plan.trafficCurve, c.tickOfDay);
    const step = dualPacingStepTool.call({
      lambda: c.dual.lambda,
      mu: c.dual.mu,
      spend: r.spend,
      budgetTarget: shares.fromTick > 0 ? (remainingAtStart * shares.tick) / shares.fromTick : 0,
      predictedConversions: r.predictedConversions,
      targetCpa: c.targetCpa,
      maxMultiplier: c.plan.bounds.max,
    });
    next.dual = { lambda: step.lambda, mu: step.mu };
    next.pacingMultiplier = step.multiplier;
  } else {
    const step = pidPacingStepTool.call({
      ...c.pid,
      budget: c.dayBudget,
      spend: spendToday,
      targetSpend: plannedSpend(c, played),
      // The tool's multiplier is a log-scale controller: its floor must stay positive.
      minMultiplier: Math.max(1e-6, c.plan.bounds.min),
      maxMultiplier: Math.max(1e-6, c.plan.bounds.max),
    });
    next.pid = step;
    next.pacingMultiplier = step.multiplier;
  }
  const cpa = recentCpa(next);
  const windowSpend = next.recent.reduce((x, y) => x + y.spend, 0);
  const planned = plannedSpend(next, played);
  const cpaHigh = cpa !== null && windowSpend >= 2 * c.targetCpa && cpa > s.cpaAlarmRatio * c.targetCpa;
  next.cpaAlarmStreak = cpaHigh ? c.cpaAlarmStreak + 1 : 0;
  const budgetLeft = r.remainingBudget > 0.01 * c.dayBudget && c.plan.totalBudget - next.spend > 0;
  next.zeroStreak = r.exposures === 0 && budgetLeft && c.multiplier > 0 ? c.zeroStreak + 1 : 0;
  const todayCpa = next.conversionsToday > 0 ? spendToday / next.conversionsToday : null;
  // Both today's CPA and the recent window's must be well under target: the day's average alone
  // stays low for hours after the window that ended a breakout, and would re-enter it at once.
  const under =
    todayCpa !== null &&
    next.conversionsToday >= 3 &&
    todayCpa <= s.breakoutCpaRatio * c.targetCpa &&
    cpa !== null &&
    cpa <= s.breakoutCpaRatio * c.targetCpa;
  next.breakoutStreak =
    under && budgetLeft && spendToday < s.breakoutPaceRatio * planned ? c.breakoutStreak + 1 : 0;
  next.overTargetStreak =
    cpa !== null && cpa > s.breakoutExitCpaRatio * c.targetCpa ? c.overTargetStreak + 1 : 0;
  next.consultDue = active && c.consultingFor === null ? consultReason(next, spendToday, planned) : null;
  return next;
}

function consultReason(c: DeliveryContext, spendToday: number, planned: number): ConsultReason | null {
  const s = c.settings;
  const sinceLast = c.tick - c.lastConsultTick;
  if (sinceLast >= s.anomalyCooldown) {
    if (c.zeroStreak >= s.zeroDeliveryTicks) return 'zero-delivery';
    if (c.cpaAlarmStreak >= s.cpaAlarmTicks) return 'cpa-high';
    if (spendToday > s.paceAheadRatio * planned && spendToday > 0.1 * c.dayBudget) return 'spend-ahead';
  }
  return sinceLast >= s.consultEvery ? 'cadence' : null;
}

/** The bounds a phase bids within: cold start and breakout may use the plan's max, stable less. */
export function phaseBounds(c: DeliveryContext, phase: DeliveryPhase): Bounds {
  const plan = c.plan.bounds;
  if (phase === 'stable') {
    const max = Math.max(plan.min, Math.min(plan.max, c.settings.stableMax));
    return { min: plan.min, max };
  }
  return plan;
}

/**
 * The multiplier of the next tick: the pacing tool's, within the working bounds; in cold start no
 * lower than the cold-start floor (explore while the campaign has no conversions to learn from);
 * zero when paused or ended.
 */
export function effectiveMultiplier(c: DeliveryContext, phase: DeliveryPhase): number {
  if (phase === 'paused' || phase === 'ended') return 0;
  const paced = clamp(c.pacingMultiplier, c.bounds);
  return phase === 'coldStart' ? Math.max(paced, Math.min(c.settings.coldStartFloor, c.bounds.max)) : paced;
}

/** The strategist's advice, kept within the plan: bounds inside the plan's, target never above it. */
export function applyAdvice(c: DeliveryContext, advice: StrategistAdvice): Partial<DeliveryContext> {
  const plan = c.plan.bounds;
  const min = clamp(advice.bounds.min, plan);
  const max = Math.max(min, clamp(advice.bounds.max, plan));
  const target = advice.targetCpa;
  return {
    bounds: { min, max },
    targetCpa: target !== undefined && target > 0 ? Math.min(target, c.plan.targetCpa) : c.targetCpa,
  };
}

/** What the strategist is told. */
export function consultInput(c: DeliveryContext, reason: ConsultReason): ConsultInput {
  return {
    reason,
    phase: c.phase ?? 'coldStart',
    tick: c.tick,
    day: c.day,
    targetCpa: c.targetCpa,
    planTargetCpa: c.plan.targetCpa,
    bounds: c.bounds,
    planBounds: c.plan.bounds,
    dayBudget: c.dayBudget,
    spendToday: c.spendToday,
    plannedSpendToday: plannedSpend(c, c.tickOfDay),
    conversionsToday: c.conversionsToday,
    recentCpa: recentCpa(c),
  };
}

/** Guards of the phase transitions, as pure predicates of the context. */
export const deliveryChecks = {
  coldStartDone: (c: DeliveryContext) => c.conversions >= c.settings.coldStartConversions,
  coldStartStalled: (c: DeliveryContext) =>
    c.conversions === 0 && c.phaseTicks >= c.settings.coldStartPatience,
  breakoutReady: (c: DeliveryContext) =>
    c.breakoutStreak >= c.settings.breakoutTicks && c.phaseTicks >= c.settings.stableMinTicks,
  breakoutOver: (c: DeliveryContext) =>
    c.phaseTicks >= c.settings.breakoutMinTicks &&
    c.recent.length >= c.settings.cpaWindow &&
    c.overTargetStreak >= c.settings.breakoutExitTicks,
  /** Less than a cent (or 0.01 % of the total: too little to win an auction) left of the total budget. */
  budgetExhausted: (c: DeliveryContext) =>
    c.plan.totalBudget - c.spend < Math.max(0.01, 1e-4 * c.plan.totalBudget),
};
