/** Time is injected: workflows and agents never read the wall clock directly. */
export interface Clock {
  now(): Date;
}

/** The real clock. */
export const systemClock: Clock = { now: () => new Date() };

/**
 * A clock that returns a fixed instant, advanced by hand. For tests and replay.
 *
 * @example
 * ```ts
 * const clock = fixedClock('2026-11-29T09:00:00Z');
 * clock.advance(60_000);
 * ```
 */
export function fixedClock(iso: string): Clock & { advance(ms: number): void } {
  let t = Date.parse(iso);
  if (Number.isNaN(t)) throw new TypeError(`fixedClock: not an ISO date: ${iso}`);
  return {
    now: () => new Date(t),
    advance(ms: number) {
      t += ms;
    },
  };
}

/** YYYY-MM-DD of a date in UTC. */
export function isoDate(d: Date): string {
  return d.toISOString().slice(0, 10);
}
