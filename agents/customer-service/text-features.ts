/**
 * Bump when {@link textFeatures} changes: a persisted model trained on other features is stale even
 * when the data did not change.
 */
export const FEATURES_VERSION = 'w1b1c25-v1';

/**
 * Lower-cases, folds width and accents, and replaces numbers and order ids by placeholders so that
 * "cancel order 00123842" and "cancel order #W2378156" look the same to the model.
 *
 * @example
 * ```ts
 * normalizeText('Cancel #W2378156 NOW!!'); // 'cancel <id> now'
 * ```
 */
export function normalizeText(text: string): string {
  return text
    .normalize('NFKD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase()
    .replace(/#?w\d{5,}/g, ' <id> ')
    .replace(/\d+(?:[.,]\d+)*/g, ' 0 ')
    .replace(/[^a-z0<>'\s]+/g, ' ')
    .replace(/'/g, '')
    .replace(/\s+/g, ' ')
    .trim();
}

/** Word tokens of normalized text. */
export function tokenize(text: string): string[] {
  const normal = normalizeText(text);
  return normal === '' ? [] : normal.split(' ');
}

/**
 * Sparse bag of features: word unigrams and bigrams, and character 2- to 5-grams inside each word
 * padded by spaces (robust to typos such as "cancdling" and to glued words such as "thisgoddamn").
 *
 * @example
 * ```ts
 * textFeatures('cancel order').get('w|cancel'); // 1
 * ```
 */
export function textFeatures(text: string): Map<string, number> {
  const features = new Map<string, number>();
  const add = (key: string): void => {
    features.set(key, (features.get(key) ?? 0) + 1);
  };
  const words = tokenize(text);
  words.forEach((word, i) => {
    add(`w|${word}`);
    if (i > 0) add(`b|${words[i - 1]} ${word}`);
    const padded = ` ${word} `;
    for (let n = 2; n <= 5; n++) {
      for (let s = 0; s + n <= padded.length; s++) add(`c|${padded.slice(s, s + n)}`);
    }
  });
  return features;
}
