import { mkdirSync, readFileSync, renameSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { z } from 'zod';
import { DataError } from '../../src/core/index.js';
import {
  DEFAULT_BITEXT_DIR,
  intentDataHash,
  loadIntentDataset,
  stratifiedSplit,
  type IntentExample,
} from './bitext-dataset.js';
import { NaiveBayes, trainNaiveBayes, type NaiveBayesData, type Prediction } from './naive-bayes.js';
import { FEATURES_VERSION, textFeatures, tokenize } from './text-features.js';

/** Where the model is persisted unless a path is passed in. */
export const DEFAULT_INTENT_MODEL_PATH = fileURLToPath(
  new URL('../../data/derived/support/intent-model.json', import.meta.url),
);
/** The split the model is trained and evaluated on: 20 % held out per intent, seed 42. */
export const INTENT_SPLIT = { testFraction: 0.2, seed: 42 } as const;
const TRAINING = { kind: 'multinomial', alpha: 0.1, minDf: 1 } as const;

/** Classifies a buyer message into one of the Bitext customer-support intents. */
export interface IntentClassifier {
  readonly intents: readonly string[];
  classify(text: string): Prediction;
  /**
   * The words of `text` that are characteristic of `intent` in the training data. Naive Bayes is
   * confident about everything, so an empty list is the sign of a message outside its domain
   * ("what's the weather like?").
   */
  evidence(text: string, intent: string): string[];
}

const FUNCTION_WORDS = new Set(
  'a an the of for to and or in on with do does you your have has is are it its this that how much what whats i im id ill want would like me my we our some any about tell there can could please help need see check 0 show if was will when where which who why not dont get use using more give look find at be been by from up down out so just also know'.split(
    ' ',
  ),
);

/**
 * Per intent, up to 80 content words at least 4.5 times (e^1.5) more frequent in its training
 * messages than in the others', seen at least 3 times.
 */
export function characteristicWords(data: NaiveBayesData): Map<string, Set<string>> {
  const counts = data.counts.map((pairs) => new Map(pairs.map(([i, n]) => [i, n])));
  const all = data.classCounts.reduce((s, n) => s + n, 0);
  const words = data.features.flatMap((f, i) =>
    f.startsWith('w|') && !FUNCTION_WORDS.has(f.slice(2)) ? [[f.slice(2), i] as const] : [],
  );
  return new Map(
    data.classes.map((label, c) => {
      const mine = counts[c] ?? new Map<number, number>();
      const n = data.classCounts[c] ?? 1;
      const scored = words
        .map(([word, i]) => {
          const inside = mine.get(i) ?? 0;
          const outside = counts.reduce((s, m, o) => (o === c ? s : s + (m.get(i) ?? 0)), 0);
          return { word, inside, lift: Math.log((inside + 0.5) / n) - Math.log((outside + 0.5) / (all - n)) };
        })
        .filter((x) => x.inside >= 3 && x.lift >= 1.5)
        .sort((a, b) => b.lift - a.lift || a.word.localeCompare(b.word))
        .slice(0, 80);
      return [label, new Set(scored.map((x) => x.word))];
    }),
  );
}

const ModelFile = z.object({
  format: z.literal('lodestone.intent-model/1'),
  dataHash: z.string().describe('sha256 of the Bitext CSV the model was trained on'),
  featuresVersion: z.string(),
  training: z.object({ kind: z.enum(['multinomial', 'complement']), alpha: z.number(), minDf: z.number() }),
  split: z.object({ testFraction: z.number(), seed: z.number() }),
  trainedOn: z.number().int().describe('Number of training examples (train split only)'),
  model: z.object({
    kind: z.enum(['multinomial', 'complement']),
    alpha: z.number(),
    classes: z.array(z.string()),
    features: z.array(z.string()),
    classCounts: z.array(z.number()),
    counts: z.array(z.array(z.tuple([z.number(), z.number()]))),
  }),
});
type ModelFile = z.infer<typeof ModelFile>;

/**
 * Trains the intent model on the train split of `examples` (the test split is never seen).
 *
 * @example
 * ```ts
 * const data = trainIntentModel(loadIntentDataset().examples);
 * ```
 */
export function trainIntentModel(examples: readonly IntentExample[]): NaiveBayesData {
  const { train } = stratifiedSplit(examples, INTENT_SPLIT);
  return trainNaiveBayes(
    train.map((e) => ({ features: textFeatures(e.text), label: e.intent })),
    TRAINING,
  );
}

/** Wraps trained data as an {@link IntentClassifier}. */
export function intentClassifierFrom(data: NaiveBayesData): IntentClassifier {
  const model = new NaiveBayes(data);
  const characteristic = characteristicWords(data);
  return {
    intents: data.classes,
    classify: (text) => model.predict(textFeatures(text)),
    evidence: (text, intent) => {
      const words = characteristic.get(intent);
      return words ? [...new Set(tokenize(text))].filter((w) => words.has(w)) : [];
    },
  };
}

/**
 * Loads the persisted intent model, retraining (and rewriting the file) only when the Bitext data
 * or the feature code changed since it was written.
 *
 * @example
 * ```ts
 * const { classifier, retrained } = loadOrTrainIntentModel({ dataDir: 'data/bitext-cs' });
 * classifier.classify('I want to cancel order #W2378156').label; // 'cancel_order'
 * ```
 */
export function loadOrTrainIntentModel(options: { dataDir?: string; modelPath?: string } = {}): {
  classifier: IntentClassifier;
  retrained: boolean;
  modelPath: string;
  dataHash: string;
} {
  const dataDir = options.dataDir ?? DEFAULT_BITEXT_DIR;
  const modelPath = options.modelPath ?? DEFAULT_INTENT_MODEL_PATH;
  const dataHash = intentDataHash(dataDir);
  const existing = readModelFile(modelPath);
  if (
    existing &&
    existing.dataHash === dataHash &&
    existing.featuresVersion === FEATURES_VERSION &&
    JSON.stringify(existing.training) === JSON.stringify(TRAINING)
  ) {
    return {
      classifier: intentClassifierFrom(existing.model),
      retrained: false,
      modelPath,
      dataHash,
    };
  }
  const dataset = loadIntentDataset(dataDir);
  const model = trainIntentModel(dataset.examples);
  const file: ModelFile = {
    format: 'lodestone.intent-model/1',
    dataHash: dataset.contentHash,
    featuresVersion: FEATURES_VERSION,
    training: { ...TRAINING },
    split: { ...INTENT_SPLIT },
    trainedOn: model.classCounts.reduce((s, n) => s + n, 0),
    model: {
      ...model,
      classes: [...model.classes],
      features: [...model.features],
      classCounts: [...model.classCounts],
      counts: model.counts.map((row) => row.map(([i, n]) => [i, n] as [number, number])),
    },
  };
  writeAtomically(modelPath, JSON.stringify(file));
  return {
    classifier: intentClassifierFrom(model),
    retrained: true,
    modelPath,
    dataHash: dataset.contentHash,
  };
}

function readModelFile(path: string): ModelFile | undefined {
  let text: string;
  try {
    text = readFileSync(path, 'utf8');
  } catch {
    return undefined; // not trained yet
  }
  try {
    const parsed = ModelFile.safeParse(JSON.parse(text));
    return parsed.success ? parsed.data : undefined;
  } catch {
    return undefined; // a corrupt file is retrained, not fatal
  }
}

/** Concurrent test workers may train at once: write to a unique temp file, then rename. */
function writeAtomically(path: string, text: string): void {
  try {
    mkdirSync(dirname(path), { recursive: true });
    const tmp = join(dirname(path), `.intent-model.${process.pid}.${Date.now()}.tmp`);
    writeFileSync(tmp, text);
    renameSync(tmp, path);
  } catch (cause) {
    throw new DataError(`Cannot write the intent model to ${path}`, { cause, context: { path } });
  }
}
