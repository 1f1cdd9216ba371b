/**
 * Naive Bayes text classification over sparse features: multinomial and complement (Rennie et al.
 * 2003, "Tackling the poor assumptions of naive Bayes text classifiers"). Counts are stored sparse,
 * so the persisted model stays small; weights are derived when the model is loaded.
 */

/** The JSON-serialisable state of a trained model. */
export interface NaiveBayesData {
  readonly kind: 'multinomial' | 'complement';
  readonly alpha: number;
  readonly classes: readonly string[];
  /** Feature names; a feature's position is its index in `counts`. */
  readonly features: readonly string[];
  /** Training examples per class. */
  readonly classCounts: readonly number[];
  /** Per class, sparse `[featureIndex, weightedCount]` pairs. */
  readonly counts: readonly (readonly (readonly [number, number])[])[];
}

/** A prediction: the best class and a softmax over the class scores. */
export interface Prediction {
  readonly label: string;
  readonly confidence: number;
  readonly ranked: readonly { label: string; score: number }[];
}

/** Sub-linear term frequency: a word said three times is not three times the evidence. */
const tf = (count: number): number => Math.log1p(count);

/**
 * Trains naive Bayes on feature bags, keeping features seen in at least `minDf` examples.
 *
 * @example
 * ```ts
 * const data = trainNaiveBayes([{ features: textFeatures('cancel'), label: 'cancel_order' }], { kind: 'complement' });
 * new NaiveBayes(data).predict(textFeatures('cancel it')).label; // 'cancel_order'
 * ```
 */
export function trainNaiveBayes(
  examples: readonly { features: ReadonlyMap<string, number>; label: string }[],
  options: { kind?: NaiveBayesData['kind']; alpha?: number; minDf?: number } = {},
): NaiveBayesData {
  const { kind = 'complement', alpha = 0.3, minDf = 2 } = options;
  const df = new Map<string, number>();
  for (const e of examples) for (const f of e.features.keys()) df.set(f, (df.get(f) ?? 0) + 1);
  const features = [...df.entries()]
    .filter(([, n]) => n >= minDf)
    .map(([f]) => f)
    .sort();
  const index = new Map(features.map((f, i) => [f, i]));
  const classes = [...new Set(examples.map((e) => e.label))].sort();
  const classIndex = new Map(classes.map((c, i) => [c, i]));
  const dense = classes.map(() => new Map<number, number>());
  const classCounts = classes.map(() => 0);
  for (const e of examples) {
    const c = classIndex.get(e.label) ?? 0;
    classCounts[c] = (classCounts[c] ?? 0) + 1;
    const row = dense[c];
    for (const [f, n] of e.features) {
      const i = index.get(f);
      if (i !== undefined && row) row.set(i, (row.get(i) ?? 0) + tf(n));
    }
  }
  const round = (x: number): number => Math.round(x * 1e4) / 1e4;
  const counts = dense.map((row) =>
    [...row.entries()].sort((a, b) => a[0] - b[0]).map(([i, n]) => [i, round(n)] as const),
  );
  return { kind, alpha, classes, features, classCounts, counts };
}

/** A loaded model: dense per-class weights computed once from the sparse counts. */
export class NaiveBayes {
  readonly data: NaiveBayesData;
  readonly #index: Map<string, number>;
  readonly #weights: Float64Array[];
  readonly #bias: Float64Array;

  constructor(data: NaiveBayesData) {
    this.data = data;
    this.#index = new Map(data.features.map((f, i) => [f, i]));
    const nF = data.features.length;
    const nC = data.classes.length;
    const perClass = data.counts.map((pairs) => {
      const row = new Float64Array(nF);
      for (const [i, n] of pairs) row[i] = n;
      return row;
    });
    const total = new Float64Array(nF);
    for (const row of perClass) for (let i = 0; i < nF; i++) total[i] = (total[i] ?? 0) + (row[i] ?? 0);
    const sum = (row: Float64Array): number => row.reduce((s, x) => s + x, 0);
    const grand = sum(total);
    const examples = data.classCounts.reduce((s, x) => s + x, 0);
    this.#bias = new Float64Array(nC);
    this.#weights = perClass.map((row, c) => {
      const w = new Float64Array(nF);
      if (data.kind === 'multinomial') {
        const denom = Math.log(data.alpha * nF + sum(row));
        for (let i = 0; i < nF; i++) w[i] = Math.log(data.alpha + (row[i] ?? 0)) - denom;
        this.#bias[c] = Math.log((data.classCounts[c] ?? 1) / examples);
      } else {
        // Complement NB: a class is scored by how unlike the *other* classes the text is, which is
        // steadier than per-class estimates when classes have few examples.
        const denom = Math.log(data.alpha * nF + grand - sum(row));
        let norm = 0;
        for (let i = 0; i < nF; i++) {
          const v = Math.log(data.alpha + (total[i] ?? 0) - (row[i] ?? 0)) - denom;
          w[i] = v;
          norm += Math.abs(v);
        }
        for (let i = 0; i < nF; i++) w[i] = -(w[i] ?? 0) / norm;
      }
      return w;
    });
  }

  /** Scores every class; `confidence` is the softmax probability of the best one. */
  predict(features: ReadonlyMap<string, number>): Prediction {
    const sparse: [number, number][] = [];
    for (const [f, n] of features) {
      const i = this.#index.get(f);
      if (i !== undefined) sparse.push([i, tf(n)]);
    }
    const scale = this.data.kind === 'complement' ? 50 : 1;
    const scores = this.data.classes.map((label, c) => {
      const w = this.#weights[c];
      let s = this.#bias[c] ?? 0;
      if (w) for (const [i, x] of sparse) s += x * (w[i] ?? 0);
      return { label, score: s * scale };
    });
    const ranked = scores.sort((a, b) => b.score - a.score);
    const top = ranked[0]?.score ?? 0;
    const z = ranked.reduce((s, r) => s + Math.exp(r.score - top), 0);
    return { label: ranked[0]?.label ?? '', confidence: 1 / z, ranked };
  }
}
