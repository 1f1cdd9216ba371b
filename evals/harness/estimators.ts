/**
 * Unbiased estimators over repeated trials. For a task tried n times with c successes:
 *
 * - pass^k (τ²-bench): the chance that k trials drawn without replacement ALL succeed,
 *   C(c, k) / C(n, k) — reliability: does the policy solve the task every time?
 * - pass@k (HumanEval): the chance that at least one of k such trials succeeds,
 *   1 − C(n − c, k) / C(n, k) — capability: can it solve the task at all?
 *
 * Both are averaged over tasks. With k = 1 both are the plain success rate.
 */

/** C(c, k) / C(n, k) as a product (no overflow for any n). */
function ratioOfChoose(c: number, n: number, k: number): number {
  if (k > c) return 0;
  let r = 1;
  for (let i = 0; i < k; i++) r *= (c - i) / (n - i);
  return r;
}

function check(n: number, c: number, k: number): void {
  if (!Number.isInteger(n) || !Number.isInteger(c) || !Number.isInteger(k) || n < 1 || c < 0 || c > n)
    throw new RangeError(`expected integers 0 <= c <= n, n >= 1; received n=${n}, c=${c}`);
  if (k < 1 || k > n) throw new RangeError(`expected 1 <= k <= n (${n}); received k=${k}`);
}

/**
 * pass^k of one task: C(c, k) / C(n, k).
 *
 * @example
 * ```ts
 * passHatK(4, 2, 2); // 1/6: two of four trials passed, so a pair passes both 1 time in 6
 * ```
 */
export function passHatK(n: number, c: number, k: number): number {
  check(n, c, k);
  return ratioOfChoose(c, n, k);
}

/**
 * pass@k of one task: 1 − C(n − c, k) / C(n, k).
 *
 * @example
 * ```ts
 * passAtK(4, 2, 2); // 5/6
 * ```
 */
export function passAtK(n: number, c: number, k: number): number {
  check(n, c, k);
  return 1 - ratioOfChoose(n - c, n, k);
}

/** One task's trial outcomes: n trials, c passed. */
export interface TrialCount {
  readonly n: number;
  readonly c: number;
}

/**
 * pass^k and pass@k for every k from 1 to the smallest trial count, averaged over tasks.
 *
 * @example
 * ```ts
 * passCurves([{ n: 3, c: 3 }, { n: 3, c: 1 }]).passHatK; // { '1': 0.667, '2': 0.5, '3': 0.5 }
 * ```
 */
export function passCurves(tasks: readonly TrialCount[]): {
  passHatK: Record<string, number>;
  passAtK: Record<string, number>;
} {
  const passHat: Record<string, number> = {};
  const passAt: Record<string, number> = {};
  if (tasks.length === 0) return { passHatK: passHat, passAtK: passAt };
  const maxK = Math.min(...tasks.map((t) => t.n));
  for (let k = 1; k <= maxK; k++) {
    passHat[String(k)] = tasks.reduce((s, t) => s + passHatK(t.n, t.c, k), 0) / tasks.length;
    passAt[String(k)] = tasks.reduce((s, t) => s + passAtK(t.n, t.c, k), 0) / tasks.length;
  }
  return { passHatK: passHat, passAtK: passAt };
}
