/**
 * Ranking metrics. Pure functions of a ranked list (best first) and the set of relevant items.
 */

/**
 * Share of the relevant items found in the first k of the ranking.
 *
 * @example
 * ```ts
 * recallAtK(['a', 'b', 'c'], new Set(['c', 'z']), 3); // 0.5
 * ```
 */
export function recallAtK(ranked: readonly string[], relevant: ReadonlySet<string>, k: number): number {
  if (relevant.size === 0) return 0;
  let hits = 0;
  for (const item of ranked.slice(0, k)) if (relevant.has(item)) hits++;
  return hits / relevant.size;
}

/**
 * Normalised discounted cumulative gain at k with binary relevance: Σ 1/log2(rank + 1) over the
 * relevant items in the first k, divided by the same sum for a perfect ranking.
 *
 * @example
 * ```ts
 * ndcgAtK(['a', 'b'], new Set(['b']), 10); // 1 / log2(3) ≈ 0.631
 * ```
 */
export function ndcgAtK(ranked: readonly string[], relevant: ReadonlySet<string>, k: number): number {
  if (relevant.size === 0) return 0;
  let dcg = 0;
  ranked.slice(0, k).forEach((item, i) => {
    if (relevant.has(item)) dcg += 1 / Math.log2(i + 2);
  });
  let ideal = 0;
  for (let i = 0; i < Math.min(k, relevant.size); i++) ideal += 1 / Math.log2(i + 2);
  return dcg / ideal;
}

/**
 * Area under the ROC curve of scores against binary labels: the chance that a random positive
 * scores above a random negative, ties counting one half (Mann–Whitney U with midranks).
 * Undefined (NaN) without both a positive and a negative.
 *
 * @example
 * ```ts
 * auc([0.9, 0.1, 0.5], [true, false, false]); // 1
 * ```
 */
export function auc(scores: readonly number[], labels: readonly boolean[]): number {
  if (scores.length !== labels.length) throw new RangeError('auc: scores and labels differ in length');
  const order = scores.map((s, i) => [s, i] as const).sort((a, b) => a[0] - b[0]);
  let positives = 0;
  let rankSum = 0;
  for (let i = 0; i < order.length;) {
    let j = i;
    while (j + 1 < order.length && order[j + 1]![0] === order[i]![0]) j++;
    const midrank = (i + j) / 2 + 1;
    for (let m = i; m <= j; m++) {
      if (labels[order[m]![1]]) {
        positives++;
        rankSum += midrank;
      }
    }
    i = j + 1;
  }
  const negatives = scores.length - positives;
  if (positives === 0 || negatives === 0) return NaN;
  return (rankSum - (positives * (positives + 1)) / 2) / (positives * negatives);
}

/**
 * Items sorted by score, highest first, ties broken by the given order (a stable, documented rule
 * rather than whatever the sort did).
 */
export function rankByScore<T>(
  items: readonly T[],
  score: (item: T) => number,
  tieBreak: (a: T, b: T) => number,
): T[] {
  return [...items].sort((a, b) => score(b) - score(a) || tieBreak(a, b));
}
