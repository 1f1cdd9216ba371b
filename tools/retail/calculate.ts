import { z } from 'zod';
import { defineTool } from '../define-tool.js';
import { RetailActionError, roundCents } from './retail-store.js';

/** Input of {@link calculateTool}. */
export const CalculateInput = z.object({
  expression: z
    .string()
    .regex(/^[0-9+\-*/(). ]+$/, 'only numbers, + - * /, parentheses and spaces')
    .describe("An arithmetic expression such as '(146.98 + 162.15) * 2'"),
});

/**
 * Evaluates + - * / and parentheses with the usual precedence, without `eval`.
 *
 * @example
 * ```ts
 * evaluateArithmetic('2 + 3 * (4 - 1)'); // 11
 * ```
 */
export function evaluateArithmetic(expression: string): number {
  const tokens = expression.match(/\d+(?:\.\d+)?|\.\d+|[+\-*/()]/g) ?? [];
  let pos = 0;
  const fail = (): never => {
    throw new RetailActionError('Invalid expression', { expression });
  };
  const peek = (): string | undefined => tokens[pos];
  const factor = (): number => {
    const t = tokens[pos++];
    if (t === '-') return -factor();
    if (t === '+') return factor();
    if (t === '(') {
      const v = sum();
      if (tokens[pos++] !== ')') fail();
      return v;
    }
    if (t === undefined || Number.isNaN(Number(t))) return fail();
    return Number(t);
  };
  const product = (): number => {
    let v = factor();
    while (peek() === '*' || peek() === '/') v = tokens[pos++] === '*' ? v * factor() : v / factor();
    return v;
  };
  const sum = (): number => {
    let v = product();
    while (peek() === '+' || peek() === '-') v = tokens[pos++] === '+' ? v + product() : v - product();
    return v;
  };
  const value = sum();
  if (pos !== tokens.length || !Number.isFinite(value)) fail();
  return value;
}

/**
 * `calculate`: arithmetic for price differences and refunds, rounded to cents.
 *
 * @example
 * ```ts
 * calculateTool().call({ expression: '146.98 - 100' }); // { result: 46.98 }
 * ```
 */
export function calculateTool() {
  return defineTool({
    name: 'calculate',
    description: 'Calculate the result of an arithmetic expression (numbers, + - * /, parentheses).',
    input: CalculateInput,
    output: z.object({ result: z.number().describe('The value, rounded to 2 decimals') }),
    run: ({ expression }) => ({ result: roundCents(evaluateArithmetic(expression)) }),
  });
}
