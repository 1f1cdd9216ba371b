/**
 * Sequence metrics for predicted action sequences (ABCD's action buttons, tool calls). Pure
 * functions of a predicted and a gold sequence, compared element by element with `===`.
 */

/**
 * 1 when the two sequences are identical (same elements, same order, same length), else 0.
 *
 * @example
 * ```ts
 * exactMatch(['pull-up-account', 'validate-purchase'], ['pull-up-account', 'validate-purchase']); // 1
 * ```
 */
export function exactMatch<T>(predicted: readonly T[], gold: readonly T[]): number {
  return predicted.length === gold.length && predicted.every((x, i) => x === gold[i]) ? 1 : 0;
}

/**
 * Share of the gold sequence matched from its start: the length of the common prefix over the
 * gold length (1 for an empty gold sequence only when the prediction is empty too). Extra
 * predicted steps past the gold end cost nothing here; {@link normalizedEditDistance} sees them.
 *
 * @example
 * ```ts
 * prefixMatch(['a', 'b', 'x'], ['a', 'b', 'c', 'd']); // 0.5
 * ```
 */
export function prefixMatch<T>(predicted: readonly T[], gold: readonly T[]): number {
  if (gold.length === 0) return predicted.length === 0 ? 1 : 0;
  let n = 0;
  while (n < gold.length && n < predicted.length && predicted[n] === gold[n]) n++;
  return n / gold.length;
}

/**
 * Levenshtein distance between two sequences: the fewest insertions, deletions and substitutions
 * of single elements that turn one into the other.
 *
 * @example
 * ```ts
 * editDistance(['a', 'b', 'c'], ['a', 'c']); // 1
 * ```
 */
export function editDistance<T>(a: readonly T[], b: readonly T[]): number {
  let previous = Array.from({ length: b.length + 1 }, (_, j) => j);
  for (let i = 1; i <= a.length; i++) {
    const current = [i];
    for (let j = 1; j <= b.length; j++) {
      const substitute = (previous[j - 1] ?? 0) + (a[i - 1] === b[j - 1] ? 0 : 1);
      current.push(Math.min((previous[j] ?? 0) + 1, (current[j - 1] ?? 0) + 1, substitute));
    }
    previous = current;
  }
  return previous[b.length] ?? 0;
}

/**
 * {@link editDistance} divided by the longer length, in [0, 1]: 0 for identical sequences, 1 when
 * nothing lines up. Two empty sequences are at distance 0.
 *
 * @example
 * ```ts
 * normalizedEditDistance(['a', 'b', 'c', 'd'], ['a', 'b']); // 0.5
 * ```
 */
export function normalizedEditDistance<T>(predicted: readonly T[], gold: readonly T[]): number {
  const longest = Math.max(predicted.length, gold.length);
  return longest === 0 ? 0 : editDistance(predicted, gold) / longest;
}
