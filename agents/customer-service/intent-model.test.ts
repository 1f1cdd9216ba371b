import { copyFileSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import {
  BITEXT_FILE,
  DEFAULT_BITEXT_DIR,
  evaluateIntents,
  loadIntentDataset,
  loadOrTrainIntentModel,
  NaiveBayes,
  parseCsv,
  scoreClassification,
  stratifiedSplit,
  textFeatures,
  trainNaiveBayes,
} from './index.js';

const dirs: string[] = [];
const tempDir = (): string => {
  const dir = mkdtempSync(join(tmpdir(), 'intent-'));
  dirs.push(dir);
  return dir;
};
afterAll(() => {
  for (const d of dirs) rmSync(d, { recursive: true, force: true });
});

describe('bitext dataset', () => {
  it('parses quoted, multi-line CSV fields', () => {
    expect(parseCsv('a,b\n"x, y","he said ""hi""\nthen left"\n')).toEqual([
      ['a', 'b'],
      ['x, y', 'he said "hi"\nthen left'],
    ]);
  });

  it('loads the 4,514 examples of 27 intents and splits them stratified, the same way every time', () => {
    const { examples, contentHash } = loadIntentDataset();
    expect(examples).toHaveLength(4514);
    expect(new Set(examples.map((e) => e.intent)).size).toBe(27);
    expect(contentHash).toMatch(/^[0-9a-f]{64}$/);
    const a = stratifiedSplit(examples, { seed: 42, testFraction: 0.2 });
    const b = stratifiedSplit(examples, { seed: 42, testFraction: 0.2 });
    expect(a.test.map((e) => e.text)).toEqual(b.test.map((e) => e.text));
    expect(a.train.length + a.test.length).toBe(4514);
    const share = (intent: string) =>
      a.test.filter((e) => e.intent === intent).length / examples.filter((e) => e.intent === intent).length;
    for (const intent of ['cancel_order', 'review', 'delivery_period'])
      expect(share(intent)).toBeCloseTo(0.2, 1);
    const trainTexts = new Set(a.train);
    expect(a.test.some((e) => trainTexts.has(e))).toBe(false);
  });
});

describe('naive Bayes', () => {
  it('learns from word and character features and is robust to typos', () => {
    const data = trainNaiveBayes(
      [
        { features: textFeatures('cancel my order'), label: 'cancel' },
        { features: textFeatures('please cancel the purchase'), label: 'cancel' },
        { features: textFeatures('where is my parcel'), label: 'track' },
        { features: textFeatures('track the package'), label: 'track' },
      ],
      { kind: 'multinomial', alpha: 0.1, minDf: 1 },
    );
    const model = new NaiveBayes(data);
    expect(model.predict(textFeatures('cancle purchase')).label).toBe('cancel');
    expect(model.predict(textFeatures('tracking my pakage')).label).toBe('track');
    const complement = new NaiveBayes({ ...data, kind: 'complement' });
    expect(complement.predict(textFeatures('cancel it')).label).toBe('cancel');
  });
});

describe('intent model', () => {
  it('is persisted and retrained only when the data change', () => {
    const dataDir = tempDir();
    const modelPath = join(tempDir(), 'model.json');
    // A smaller copy of the real file keeps this test fast: the first 1,200 rows (many intents).
    const rows = readFileSync(join(DEFAULT_BITEXT_DIR, BITEXT_FILE), 'utf8');
    const cut = parseCsv(rows).slice(0, 1200);
    const toCsv = (table: string[][]) =>
      table.map((r) => r.map((f) => `"${f.replace(/"/g, '""')}"`).join(',')).join('\n');
    writeFileSync(join(dataDir, BITEXT_FILE), toCsv(cut));
    const first = loadOrTrainIntentModel({ dataDir, modelPath });
    const second = loadOrTrainIntentModel({ dataDir, modelPath });
    expect(first.retrained).toBe(true);
    expect(second.retrained).toBe(false);
    expect(second.classifier.classify('I want to cancel order 123').label).toBe(
      first.classifier.classify('I want to cancel order 123').label,
    );
    writeFileSync(join(dataDir, BITEXT_FILE), toCsv(cut.slice(0, 1100)));
    expect(loadOrTrainIntentModel({ dataDir, modelPath }).retrained).toBe(true);
    writeFileSync(modelPath, '{ corrupt');
    expect(loadOrTrainIntentModel({ dataDir, modelPath }).retrained).toBe(true);
  });

  it('reaches macro-F1 >= 0.85 on the held-out split, also on colloquial, offensive and typo slices', () => {
    const dataDir = tempDir();
    copyFileSync(join(DEFAULT_BITEXT_DIR, BITEXT_FILE), join(dataDir, BITEXT_FILE));
    const report = evaluateIntents({ dataDir, modelPath: join(dataDir, 'model.json') });
    expect(report.split).toEqual({ seed: 42, testFraction: 0.2, train: 3612, test: 902 });
    expect(report.macroF1).toBeGreaterThanOrEqual(0.85);
    expect(report.accuracy).toBeGreaterThanOrEqual(0.85);
    for (const slice of Object.values(report.slices)) expect(slice.macroF1).toBeGreaterThanOrEqual(0.85);
    expect(report.slices.offensive.n).toBeGreaterThan(0);
  });

  it('scores classification with macro-F1 over gold and predicted labels', () => {
    expect(
      scoreClassification([
        { gold: 'a', predicted: 'a' },
        { gold: 'b', predicted: 'a' },
      ]),
    ).toEqual({ n: 2, accuracy: 0.5, macroF1: 0.3333 });
  });
});
