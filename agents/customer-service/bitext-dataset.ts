import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { DataError, seededRandom } from '../../src/core/index.js';

/** The shipped Bitext folder, resolved from this module so any working directory works. */
export const DEFAULT_BITEXT_DIR = fileURLToPath(new URL('../../data/bitext-cs', import.meta.url));

/** File name of the Bitext customer-support sample inside its data folder. */
export const BITEXT_FILE = 'Bitext_Sample_Customer_Support_Training_Dataset.csv';

/** One labelled buyer message of the Bitext customer-support sample. */
export interface IntentExample {
  readonly text: string;
  readonly intent: string;
  readonly category: string;
  /** One-letter language-variation tags, e.g. "BLQZ" (Q colloquial, W offensive, Z typos/noise). */
  readonly tags: string;
}

/** The examples of the Bitext file and the sha256 of its bytes (the retraining key). */
export interface IntentDataset {
  readonly examples: readonly IntentExample[];
  readonly contentHash: string;
}

/**
 * Parses RFC 4180 CSV (quoted fields, doubled quotes, newlines inside quotes) into rows of fields.
 *
 * @example
 * ```ts
 * parseCsv('a,b\n"x, y","he said ""hi"""\n'); // [['a','b'], ['x, y', 'he said "hi"']]
 * ```
 */
export function parseCsv(text: string): string[][] {
  const rows: string[][] = [];
  let row: string[] = [];
  let field = '';
  let quoted = false;
  for (let i = 0; i < text.length; i++) {
    const ch = text[i];
    if (quoted) {
      if (ch === '"' && text[i + 1] === '"') {
        field += '"';
        i++;
      } else if (ch === '"') quoted = false;
      else field += ch;
    } else if (ch === '"') quoted = true;
    else if (ch === ',') {
      row.push(field);
      field = '';
    } else if (ch === '\n' || ch === '\r') {
      if (ch === '\r' && text[i + 1] === '\n') i++;
      row.push(field);
      rows.push(row);
      row = [];
      field = '';
    } else field += ch;
  }
  if (field !== '' || row.length > 0) {
    row.push(field);
    rows.push(row);
  }
  return rows;
}

/**
 * Loads the Bitext examples from `dataDir` (default: the shipped `data/bitext-cs`), with the content hash of the
 * file so a persisted model can tell whether it is stale.
 *
 * @example
 * ```ts
 * const { examples, contentHash } = loadIntentDataset('data/bitext-cs');
 * ```
 */
export function loadIntentDataset(dataDir: string = DEFAULT_BITEXT_DIR): IntentDataset {
  const path = join(dataDir, BITEXT_FILE);
  let bytes: Buffer;
  try {
    bytes = readFileSync(path);
  } catch (cause) {
    throw new DataError(`Cannot read the Bitext intent data at ${path}; expected the CSV shipped in data/.`, {
      cause,
      context: { path },
    });
  }
  const [header, ...rows] = parseCsv(bytes.toString('utf8'));
  const col = (name: string): number => {
    const index = header?.indexOf(name) ?? -1;
    if (index < 0) throw new DataError(`Column "${name}" missing in ${path}; header: ${header?.join(',')}`);
    return index;
  };
  const [iText, iIntent, iCategory, iTags] = [
    col('instruction'),
    col('intent'),
    col('category'),
    col('tags'),
  ];
  const examples = rows
    .filter((r) => r.length > iIntent && (r[iText] ?? '').trim() !== '')
    .map((r) => ({
      text: r[iText] ?? '',
      intent: r[iIntent] ?? '',
      category: r[iCategory] ?? '',
      tags: r[iTags] ?? '',
    }));
  return { examples, contentHash: createHash('sha256').update(bytes).digest('hex') };
}

/** sha256 of the Bitext file's bytes, without parsing it: the key that decides retraining. */
export function intentDataHash(dataDir: string = DEFAULT_BITEXT_DIR): string {
  const path = join(dataDir, BITEXT_FILE);
  try {
    return createHash('sha256').update(readFileSync(path)).digest('hex');
  } catch (cause) {
    throw new DataError(`Cannot read the Bitext intent data at ${path}; expected the CSV shipped in data/.`, {
      cause,
      context: { path },
    });
  }
}

/**
 * Splits examples into train and test, stratified by intent, shuffled by a fixed seed.
 *
 * @example
 * ```ts
 * const { train, test } = stratifiedSplit(examples, { testFraction: 0.2, seed: 42 });
 * ```
 */
export function stratifiedSplit<T extends { intent: string }>(
  examples: readonly T[],
  options: { testFraction?: number; seed?: number } = {},
): { train: T[]; test: T[] } {
  const { testFraction = 0.2, seed = 42 } = options;
  const random = seededRandom(seed);
  const byIntent = new Map<string, T[]>();
  for (const e of examples) byIntent.set(e.intent, [...(byIntent.get(e.intent) ?? []), e]);
  const train: T[] = [];
  const test: T[] = [];
  for (const intent of [...byIntent.keys()].sort()) {
    const group = [...(byIntent.get(intent) ?? [])];
    for (let i = group.length - 1; i > 0; i--) {
      const j = Math.floor(random() * (i + 1));
      [group[i], group[j]] = [group[j] as T, group[i] as T];
    }
    const nTest = Math.round(group.length * testFraction);
    test.push(...group.slice(0, nTest));
    train.push(...group.slice(nTest));
  }
  return { train, test };
}
