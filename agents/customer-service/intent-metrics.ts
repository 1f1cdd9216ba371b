import { loadIntentDataset, stratifiedSplit, type IntentExample } from './bitext-dataset.js';
import { INTENT_SPLIT, loadOrTrainIntentModel, type IntentClassifier } from './intent-model.js';
import { normalizeText } from './text-features.js';

/** Accuracy and macro-F1 of predictions over a set of examples. */
export interface ClassificationScores {
  readonly n: number;
  readonly accuracy: number;
  readonly macroF1: number;
}

/**
 * Accuracy and macro-F1 (unweighted mean of per-class F1 over the classes present in the gold
 * labels or the predictions).
 *
 * @example
 * ```ts
 * scoreClassification([{ gold: 'a', predicted: 'a' }, { gold: 'b', predicted: 'a' }]); // accuracy 0.5
 * ```
 */
export function scoreClassification(
  pairs: readonly { gold: string; predicted: string }[],
): ClassificationScores {
  const tp = new Map<string, number>();
  const fp = new Map<string, number>();
  const fn = new Map<string, number>();
  const inc = (m: Map<string, number>, k: string): void => {
    m.set(k, (m.get(k) ?? 0) + 1);
  };
  let correct = 0;
  for (const { gold, predicted } of pairs) {
    if (gold === predicted) {
      correct++;
      inc(tp, gold);
    } else {
      inc(fp, predicted);
      inc(fn, gold);
    }
  }
  const labels = new Set([...pairs.map((p) => p.gold), ...pairs.map((p) => p.predicted)]);
  const f1s = [...labels].map((label) => {
    const t = tp.get(label) ?? 0;
    const denominator = 2 * t + (fp.get(label) ?? 0) + (fn.get(label) ?? 0);
    return denominator === 0 ? 0 : (2 * t) / denominator;
  });
  const round = (x: number): number => Math.round(x * 10_000) / 10_000;
  return {
    n: pairs.length,
    accuracy: pairs.length === 0 ? 0 : round(correct / pairs.length),
    macroF1: f1s.length === 0 ? 0 : round(f1s.reduce((s, x) => s + x, 0) / f1s.length),
  };
}

/** The figures `eval-intents` prints: overall, per language-variation slice, and on unseen texts. */
export interface IntentEvalReport extends ClassificationScores {
  readonly suite: 'intents-bitext';
  readonly model: string;
  readonly split: {
    readonly seed: number;
    readonly testFraction: number;
    readonly train: number;
    readonly test: number;
  };
  readonly slices: Readonly<
    Record<'colloquial' | 'offensive' | 'typos' | 'unseenText', ClassificationScores>
  >;
  readonly dataHash: string;
  readonly retrained: boolean;
}

/**
 * Evaluates the persisted intent model (training it first if the data changed) on the held-out
 * split. Slices follow the Bitext tags: Q colloquial, W offensive, Z noise/typos; `unseenText`
 * keeps only test messages whose normalized text never occurs in the train split.
 *
 * @example
 * ```ts
 * const report = evaluateIntents({ dataDir: 'data/bitext-cs' });
 * report.macroF1 >= 0.85;
 * ```
 */
export function evaluateIntents(options: { dataDir?: string; modelPath?: string } = {}): IntentEvalReport {
  const loaded = loadOrTrainIntentModel(options);
  const { examples } = loadIntentDataset(options.dataDir);
  const { train, test } = stratifiedSplit(examples, INTENT_SPLIT);
  const seen = new Set(train.map((e) => normalizeText(e.text)));
  const score = (subset: readonly IntentExample[], classifier: IntentClassifier): ClassificationScores =>
    scoreClassification(
      subset.map((e) => ({ gold: e.intent, predicted: classifier.classify(e.text).label })),
    );
  const c = loaded.classifier;
  return {
    suite: 'intents-bitext',
    model: 'multinomial-naive-bayes(word 1-2 grams + char 2-5 grams)',
    ...score(test, c),
    split: {
      seed: INTENT_SPLIT.seed,
      testFraction: INTENT_SPLIT.testFraction,
      train: train.length,
      test: test.length,
    },
    slices: {
      colloquial: score(
        test.filter((e) => e.tags.includes('Q')),
        c,
      ),
      offensive: score(
        test.filter((e) => e.tags.includes('W')),
        c,
      ),
      typos: score(
        test.filter((e) => e.tags.includes('Z')),
        c,
      ),
      unseenText: score(
        test.filter((e) => !seen.has(normalizeText(e.text))),
        c,
      ),
    },
    dataHash: loaded.dataHash,
    retrained: loaded.retrained,
  };
}
