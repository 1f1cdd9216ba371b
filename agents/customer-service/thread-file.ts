import { readFileSync } from 'node:fs';
import { InvalidInputError } from '../../src/core/index.js';

/**
 * Parses a thread file: one buyer message per line, either a JSON object `{"text": "..."}`, a JSON
 * string `"..."`, or plain text. Blank lines are skipped.
 *
 * @example
 * ```ts
 * parseThread('{"text":"Hi"}\n"How much is it?"\nthanks'); // ['Hi', 'How much is it?', 'thanks']
 * ```
 */
export function parseThread(content: string, source = 'thread'): string[] {
  const messages: string[] = [];
  content.split(/\r?\n/).forEach((raw, index) => {
    const line = raw.trim();
    if (line === '') return;
    if (line.startsWith('{') || line.startsWith('"')) {
      let parsed: unknown;
      try {
        parsed = JSON.parse(line);
      } catch {
        throw new InvalidInputError(
          `${source} line ${index + 1}`,
          'a JSON object {"text": "..."} or a JSON string',
          line,
        );
      }
      const text = typeof parsed === 'string' ? parsed : (parsed as { text?: unknown } | null)?.text;
      if (typeof text !== 'string' || text.trim() === '') {
        throw new InvalidInputError(`${source} line ${index + 1}`, 'a non-empty "text" string', line);
      }
      messages.push(text);
    } else messages.push(line);
  });
  return messages;
}

/**
 * Reads and parses a thread file (see {@link parseThread}).
 *
 * @example
 * ```ts
 * const messages = readThreadFile('agents/customer-service/samples/thread.jsonl');
 * ```
 */
export function readThreadFile(path: string): string[] {
  let content: string;
  try {
    content = readFileSync(path, 'utf8');
  } catch {
    throw new InvalidInputError(
      'thread file',
      'a readable .jsonl file with one buyer message per line',
      path,
    );
  }
  const messages = parseThread(content, path);
  if (messages.length === 0) throw new InvalidInputError('thread file', 'at least one buyer message', path);
  return messages;
}
