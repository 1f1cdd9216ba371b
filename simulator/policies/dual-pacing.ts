import { paceShares, type PolicyFactory } from './policy.js';

/**
 * Dual variables of the campaign's linear programme `max Σ x·pCVR  s.t.  Σ x·price ≤ B,
 * Σ x·price ≤ CPA·Σ x·pCVR`, scaled to be unit-free: `lambda` prices the budget, `mu` the CPA
 * constraint. The optimal bid is `pCVR × CPA × (1 + mu) / (lambda + mu)`.
 */
export interface DualState {
  readonly lambda: number;
  readonly mu: number;
}

/** Step sizes of the projected sub-gradient steps, and the cap on the multiplier. */
export interface DualStepSizes {
  readonly lambda: number;
  readonly mu: number;
  readonly maxMultiplier: number;
}

/** Defaults used by {@link dualPacing}. */
export const DEFAULT_DUAL_STEPS: DualStepSizes = { lambda: 0.3, mu: 0.5, maxMultiplier: 10 };

/**
 * Start at the value bid, multiplier (1 + 2) / (1 + 2) = 1. A positive `mu` keeps the multiplier
 * finite if the budget dual falls to zero first (at most 1.5 until the CPA dual moves): under the
 * score's quadratic CPA penalty, approaching the CPA target from below is cheaper than from above.
 */
export const INITIAL_DUAL_STATE: DualState = { lambda: 1, mu: 2 };

/**
 * The bid multiplier for a dual state: `(1 + mu) / (lambda + mu)`, capped.
 *
 * @example
 * ```ts
 * dualMultiplier({ lambda: 1, mu: 0 }); // 1
 * ```
 */
export function dualMultiplier(state: DualState, maxMultiplier = DEFAULT_DUAL_STEPS.maxMultiplier): number {
  const denominator = state.lambda + state.mu;
  return denominator > 0 ? Math.min(maxMultiplier, (1 + state.mu) / denominator) : maxMultiplier;
}

/** What one dual step needs to know about the tick just played. */
export interface DualStepInput {
  /** Spend in the tick and the tick's pacing target. */
  readonly spend: number;
  readonly budgetTarget: number;
  /** Predicted conversions of the tick: Σ pCVR of the impressions won and seen. */
  readonly predictedConversions: number;
  readonly targetCpa: number;
}

/**
 * One projected sub-gradient step after a tick. The budget gradient is the tick's spend against
 * its pacing target, relative to the target; the CPA gradient is the tick's spend minus target
 * CPA × predicted conversions, relative to the spend (`1 − target / CPA`). Both are clipped to
 * [-1, 1] so that step sizes do not depend on the currency; the duals stay in [0, ∞). Predicted
 * rather than realised conversions: a tick brings about one conversion, too few to steer by, while
 * the sum of the pCVRs won is an unbiased, low-noise estimate.
 *
 * @example
 * ```ts
 * dualPacingStep(INITIAL_DUAL_STATE, { spend: 50, budgetTarget: 100, predictedConversions: 1, targetCpa: 40 });
 * // lambda falls (underspent), mu rises (CPA 50 > 40)
 * ```
 */
export function dualPacingStep(
  state: DualState,
  input: DualStepInput,
  steps: DualStepSizes = DEFAULT_DUAL_STEPS,
): DualState & { readonly multiplier: number } {
  const clip = (x: number) => Math.max(-1, Math.min(1, x));
  const budgetGradient =
    input.budgetTarget > 0 ? clip((input.spend - input.budgetTarget) / input.budgetTarget) : 1;
  const cpaGradient =
    input.spend > 0 ? clip((input.spend - input.targetCpa * input.predictedConversions) / input.spend) : -1;
  const next = {
    lambda: Math.max(0, state.lambda + steps.lambda * budgetGradient),
    mu: Math.max(0, state.mu + steps.mu * cpaGradient),
  };
  return { ...next, multiplier: dualMultiplier(next, steps.maxMultiplier) };
}

/**
 * Dual-descent pacing on a budget multiplier and a CPA multiplier. The budget target of a tick is
 * the remaining budget times the tick's share of the traffic still to come.
 *
 * @example
 * ```ts
 * runEpisode(market, { policy: dualPacing(), advertisers: [0] }, 1);
 * ```
 */
export function dualPacing(options: { steps?: Partial<DualStepSizes> } = {}): PolicyFactory {
  const steps: DualStepSizes = { ...DEFAULT_DUAL_STEPS, ...options.steps };
  return {
    name: 'dual-pacing',
    usesWhatIf: false,
    create(context) {
      let state = INITIAL_DUAL_STATE;
      return {
        multiplier(obs) {
          if (obs.tick === 0) return dualMultiplier(state, steps.maxMultiplier);
          const last = obs.tick - 1;
          const spend = obs.history.spend[last] ?? 0;
          const shares = paceShares(context.trafficCurve, last);
          const remainingAtStart = obs.remainingBudget + spend;
          const budgetTarget = shares.fromTick > 0 ? (remainingAtStart * shares.tick) / shares.fromTick : 0;
          const next = dualPacingStep(
            state,
            {
              spend,
              budgetTarget,
              predictedConversions: obs.history.predictedConversions[last] ?? 0,
              targetCpa: obs.targetCpa,
            },
            steps,
          );
          state = next;
          return next.multiplier;
        },
      };
    },
  };
}
