/**
 * Program: evaluates the offline intent classifier on the held-out Bitext split and prints one JSON
 * line (macro-F1, accuracy, colloquial / offensive / typo / unseen-text slices).
 *
 * Usage: `npx tsx agents/customer-service/eval-intents.ts [--data-dir data/bitext-cs] [--model <file>]`
 */
import { parseArgs } from 'node:util';
import { evaluateIntents } from './intent-metrics.js';

const { values } = parseArgs({
  options: { 'data-dir': { type: 'string' }, model: { type: 'string' } },
});
const report = evaluateIntents({
  ...(values['data-dir'] === undefined ? {} : { dataDir: values['data-dir'] }),
  ...(values.model === undefined ? {} : { modelPath: values.model }),
});
process.stdout.write(`${JSON.stringify(report)}\n`);
