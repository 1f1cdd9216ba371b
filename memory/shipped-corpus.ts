import { createHash } from 'node:crypto';
import { existsSync, readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { DataError } from '../src/core/errors.js';
import { csvColumn, parseCsv } from './csv.js';

/** The repository's `data/` folder. */
export const DEFAULT_DATA_DIR = fileURLToPath(new URL('../data', import.meta.url));

/**
 * The shipped files the offline embedder learns from.
 *
 * @example
 * ```ts
 * corpusFiles(DEFAULT_DATA_DIR); // [.../Bitext_...csv, .../by-day/2010-12-01.csv, ...]
 * ```
 */
export function corpusFiles(dataDir: string): string[] {
  const bitext = join(dataDir, 'bitext-cs', 'Bitext_Sample_Customer_Support_Training_Dataset.csv');
  const retailDir = join(dataDir, 'online-retail', 'by-day');
  if (!existsSync(bitext) || !existsSync(retailDir)) {
    throw new DataError(`The shipped corpora are missing: expected ${bitext} and ${retailDir}.`, {
      context: { dataDir },
    });
  }
  const retail = readdirSync(retailDir)
    .filter((name) => name.endsWith('.csv'))
    .sort()
    .map((name) => join(retailDir, name));
  return [bitext, ...retail];
}

/**
 * SHA-256 over the corpus files' names and bytes: the cache key of anything learned from them.
 *
 * @example
 * ```ts
 * const key = corpusHash(corpusFiles(DEFAULT_DATA_DIR)).slice(0, 16);
 * ```
 */
export function corpusHash(files: readonly string[]): string {
  const hash = createHash('sha256');
  for (const file of files) hash.update(file.split(/[\\/]/).slice(-2).join('/')).update(readFileSync(file));
  return hash.digest('hex');
}

/**
 * The texts of the shipped corpora: customer messages from Bitext (the `instruction` column) and
 * the distinct product descriptions of UCI Online Retail. Assistant responses are left out: they
 * are templated replies in another register, and including them lowered 1-NN intent accuracy in
 * the embedder measurement (evals/bench/memory-embedder.ts).
 *
 * @example
 * ```ts
 * const texts = shippedCorpusTexts(corpusFiles(DEFAULT_DATA_DIR));
 * ```
 */
export function shippedCorpusTexts(files: readonly string[]): string[] {
  const [bitext, ...retail] = files;
  const messages = csvColumn(readFileSync(bitext!, 'utf8'), 'instruction');
  return [...messages, ...retailDescriptions(retail)].filter((text) => text.trim().length > 0);
}

/**
 * The rows of the Bitext customer-support CSV (columns instruction, intent, category, response, ...).
 *
 * @example
 * ```ts
 * const [first] = bitextRows(corpusFiles(DEFAULT_DATA_DIR)[0]!); // { instruction, intent, ... }
 * ```
 */
export function bitextRows(file: string): Record<string, string>[] {
  return parseCsv(readFileSync(file, 'utf8'));
}

/**
 * The distinct product descriptions in UCI Online Retail day files.
 *
 * @example
 * ```ts
 * retailDescriptions(corpusFiles(DEFAULT_DATA_DIR).slice(1)); // ['WHITE HANGING HEART T-LIGHT HOLDER', ...]
 * ```
 */
export function retailDescriptions(files: readonly string[]): string[] {
  const descriptions = new Set<string>();
  for (const file of files) {
    for (const description of csvColumn(readFileSync(file, 'utf8'), 'Description')) {
      descriptions.add(description.trim());
    }
  }
  descriptions.delete('');
  return [...descriptions];
}
