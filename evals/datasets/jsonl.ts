import { readFileSync } from 'node:fs';
import type { z } from 'zod';
import { DataError } from '../../src/core/index.js';

/** The folder of the hand-written gold data. */
export const GOLD_DIR = new URL('../../data/evals/', import.meta.url);

/**
 * Reads a JSON Lines file, validating every line; a bad line is reported with its number.
 *
 * @example
 * ```ts
 * const goals = readJsonl(new URL('brief-parsing/goals.jsonl', GOLD_DIR), GoalItem);
 * ```
 */
export function readJsonl<S extends z.ZodType>(file: URL | string, schema: S): z.output<S>[] {
  let text: string;
  try {
    text = readFileSync(file, 'utf8');
  } catch (cause) {
    throw new DataError(`Cannot read the gold file ${String(file)}`, { cause });
  }
  const items: z.output<S>[] = [];
  text.split('\n').forEach((line, i) => {
    if (line.trim() === '') return;
    let value: unknown;
    try {
      value = JSON.parse(line);
    } catch (cause) {
      throw new DataError(`${String(file)} line ${i + 1} is not JSON`, { cause });
    }
    const parsed = schema.safeParse(value);
    if (!parsed.success)
      throw new DataError(
        `${String(file)} line ${i + 1}: ${parsed.error.issues.map((x) => `${x.path.join('.')}: ${x.message}`).join('; ')}`,
      );
    items.push(parsed.data);
  });
  return items;
}
