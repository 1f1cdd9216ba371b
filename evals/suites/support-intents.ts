/**
 * `support-intents`: the customer-service intent classifier on the Bitext customer-support sample
 * (`data/bitext-cs`, 27 intents), on the held-out 20% the model never trained on (stratified by
 * intent, seed 42 — the split the classifier defines). Accuracy and macro-F1, overall and on the
 * Bitext language-variation slices: colloquial (tag Q), offensive (W), typos and noise (Z), and
 * test messages whose normalised text never occurs in the train split.
 *
 * Offline policy: the persisted multinomial naive Bayes (word 1–2 grams and char 2–5 grams) of
 * agents/customer-service, retrained only if the data changed. Baseline: a bag-of-words nearest
 * centroid (cosine to each intent's word-frequency profile on the train split) — how much the
 * n-gram model adds over word overlap.
 */
import {
  classifyIntentLlm,
  INTENT_SPLIT,
  intentDataHash,
  loadIntentDataset,
  loadOrTrainIntentModel,
  normalizeText,
  scoreClassification,
  stratifiedSplit,
  tokenize,
  type IntentClassifier,
} from '../../agents/customer-service/index.js';
import { defineSuite, type ScoredTrial, shareMetric } from '../harness/index.js';
import { modelAnswerFailure, withEvalLlm } from '../llm/index.js';

/** One buyer message and its gold intent. */
export interface IntentTask {
  readonly id: string;
  readonly split: 'train' | 'test';
  readonly text: string;
  readonly intent: string;
  readonly slices: readonly ('colloquial' | 'offensive' | 'typos' | 'unseenText')[];
}

interface Env {
  readonly classifier: IntentClassifier;
  readonly centroids: ReadonlyMap<string, ReadonlyMap<string, number>>;
}

const SLICES = ['colloquial', 'offensive', 'typos', 'unseenText'] as const;

function profile(texts: readonly string[]): Map<string, number> {
  const counts = new Map<string, number>();
  for (const text of texts) for (const w of tokenize(text)) counts.set(w, (counts.get(w) ?? 0) + 1);
  const norm = Math.sqrt([...counts.values()].reduce((s, v) => s + v * v, 0)) || 1;
  for (const [k, v] of counts) counts.set(k, v / norm);
  return counts;
}

function nearestCentroid(text: string, centroids: Env['centroids']): string {
  const mine = profile([text]);
  let best = '';
  let bestScore = -1;
  for (const [intent, centroid] of centroids) {
    let dot = 0;
    for (const [w, v] of mine) dot += v * (centroid.get(w) ?? 0);
    if (dot > bestScore || (dot === bestScore && intent < best)) {
      best = intent;
      bestScore = dot;
    }
  }
  return best;
}

function pairsOf(trials: readonly ScoredTrial[], slice?: string): { gold: string; predicted: string }[] {
  return trials.flatMap((t) => {
    const d = t.score.details as { gold?: string; predicted?: string; slices?: string[] } | undefined;
    if (!d?.gold || d.predicted === undefined) return [];
    if (slice && !d.slices?.includes(slice)) return [];
    return [{ gold: d.gold, predicted: d.predicted }];
  });
}

export const supportIntents = defineSuite<IntentTask, string, Env>({
  name: 'support-intents',
  module: import.meta.url,
  description:
    'Bitext customer-support messages: intent accuracy and macro-F1, overall and on colloquial, offensive, typo and unseen-text slices.',
  dataset: () => {
    const { examples } = loadIntentDataset();
    const index = new Map(examples.map((e, i) => [e, i]));
    const { train, test } = stratifiedSplit(examples, INTENT_SPLIT);
    const seen = new Set(train.map((e) => normalizeText(e.text)));
    const testSet = new Set(test);
    const tasks: IntentTask[] = examples.map((e) => {
      const split = testSet.has(e) ? ('test' as const) : ('train' as const);
      const slices = [
        ...(e.tags.includes('Q') ? (['colloquial'] as const) : []),
        ...(e.tags.includes('W') ? (['offensive'] as const) : []),
        ...(e.tags.includes('Z') ? (['typos'] as const) : []),
        ...(split === 'test' && !seen.has(normalizeText(e.text)) ? (['unseenText'] as const) : []),
      ];
      return { id: `bitext-${index.get(e)!}`, split, text: e.text, intent: e.intent, slices };
    });
    return { id: 'bitext-cs', hash: intentDataHash(), tasks };
  },
  setup: (dataset) => {
    const byIntent = new Map<string, string[]>();
    for (const t of dataset.tasks) {
      if (t.split !== 'train') continue;
      const list = byIntent.get(t.intent) ?? [];
      list.push(t.text);
      byIntent.set(t.intent, list);
    }
    return {
      classifier: loadOrTrainIntentModel().classifier,
      centroids: new Map([...byIntent].map(([intent, texts]) => [intent, profile(texts)])),
    };
  },
  run: (task, { env }) => env.classifier.classify(task.text).label,
  runDescription: 'Multinomial naive Bayes over word 1–2 and char 2–5 grams (agents/customer-service)',
  llm: (model) => ({
    name: model,
    description: `classifyIntentLlm (agents/customer-service) on ${model}: one of the classifier's intents per message; no answer after the re-asks counts as wrong`,
    run: async (task, ctx) => {
      try {
        return await withEvalLlm(ctx, [], (deps) =>
          classifyIntentLlm(task.text, ctx.env.classifier.intents, deps),
        );
      } catch (error) {
        if (!modelAnswerFailure(error)) throw error;
        return '';
      }
    },
  }),
  baseline: {
    name: 'word-centroid',
    description: 'Nearest intent by cosine of bag-of-words profiles from the train split',
    run: (task, { env }) => nearestCentroid(task.text, env.centroids),
  },
  score: (task, predicted) => {
    const right = predicted === task.intent ? 1 : 0;
    return {
      pass: right === 1,
      metrics: { accuracy: right, ...Object.fromEntries(task.slices.map((s) => [`accuracy:${s}`, right])) },
      details: { gold: task.intent, predicted, slices: task.slices },
    };
  },
  aggregate: (trials) => ({
    macroF1: scoreClassification(pairsOf(trials)).macroF1,
    ...Object.fromEntries(
      SLICES.map((s) => [`macroF1:${s}`, scoreClassification(pairsOf(trials, s)).macroF1]),
    ),
  }),
  metrics: {
    accuracy: shareMetric('predicted intent is the gold intent'),
    ...Object.fromEntries(SLICES.map((s) => [`accuracy:${s}`, shareMetric(`accuracy on ${s} messages`)])),
  },
  primaryMetric: 'accuracy',
});
