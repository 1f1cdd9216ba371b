/**
 * The largest whole-cent amount not above `x` (x ≥ 0). Tolerant of binary floating point — 0.29
 * is stored as 0.28999…98 and stays 0.29 — but never rounds up: the result is ≤ x, so amounts
 * floored with it never add up to more than what they were split from.
 *
 * @example
 * ```ts
 * floorCents(0.29); // 0.29
 * floorCents(2.679); // 2.67
 * floorCents(0.0099999999999); // 0
 * ```
 */
export function floorCents(x: number): number {
  const nearest = Math.round(x * 100);
  return nearest / 100 <= x ? nearest / 100 : (nearest - 1) / 100;
}
