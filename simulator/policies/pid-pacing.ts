import { paceShares, type PolicyFactory } from './policy.js';

/** PID gains on the log of the multiplier; errors are in fractions of the budget. */
export interface PidGains {
  readonly kp: number;
  readonly ki: number;
  readonly kd: number;
  /** Bounds of the multiplier. */
  readonly min: number;
  readonly max: number;
}

/** The controller's memory between ticks. */
export interface PidState {
  readonly multiplier: number;
  readonly integral: number;
  readonly previousError: number;
}

/** Default gains: a 1 % budget shortfall raises the multiplier by about 6 % at once. */
export const DEFAULT_PID_GAINS: PidGains = { kp: 6, ki: 1.5, kd: 0, min: 0.05, max: 20 };

/** The state before the first tick: multiplier 1, no error. */
export const INITIAL_PID_STATE: PidState = { multiplier: 1, integral: 0, previousError: 0 };

/**
 * One step of PID budget pacing: the error is how far cumulative spend is behind the even-pacing
 * target, as a fraction of the budget; the multiplier is `exp(kp·e + ki·Σe + kd·Δe)`, clamped. It
 * looks at spend only — never at conversions or CPA — which is why it overpays when the budget is
 * more than the market can deliver at the target CPA.
 *
 * @example
 * ```ts
 * pidPacingStep(INITIAL_PID_STATE, { budget: 1000, spend: 80, targetSpend: 100 });
 * // { multiplier: 1.16…, integral: 0.02, previousError: 0.02 }
 * ```
 */
export function pidPacingStep(
  state: PidState,
  input: { readonly budget: number; readonly spend: number; readonly targetSpend: number },
  gains: PidGains = DEFAULT_PID_GAINS,
): PidState {
  const error = input.budget > 0 ? (input.targetSpend - input.spend) / input.budget : 0;
  const integral = state.integral + error;
  const log = gains.kp * error + gains.ki * integral + gains.kd * (error - state.previousError);
  const multiplier = Math.min(gains.max, Math.max(gains.min, Math.exp(log)));
  return { multiplier, integral, previousError: error };
}

/**
 * PID pacing: spend the budget evenly along the expected traffic curve.
 *
 * @example
 * ```ts
 * runEpisode(market, { policy: pidPacing(), advertisers: [0] }, 1);
 * ```
 */
export function pidPacing(options: { gains?: Partial<PidGains> } = {}): PolicyFactory {
  const gains: PidGains = { ...DEFAULT_PID_GAINS, ...options.gains };
  return {
    name: 'pid-pacing',
    usesWhatIf: false,
    create(context) {
      let state = INITIAL_PID_STATE;
      return {
        multiplier(obs) {
          if (obs.tick === 0) return state.multiplier;
          const elapsed = 1 - paceShares(context.trafficCurve, obs.tick).fromTick;
          state = pidPacingStep(
            state,
            { budget: obs.budget, spend: obs.spend, targetSpend: obs.budget * elapsed },
            gains,
          );
          return state.multiplier;
        },
      };
    },
  };
}
