import { z } from 'zod';
import { defineTool } from '../define-tool.js';

/** Claims that ad policies forbid or that invite complaints. */
const RISKY = /\b(best|cheapest|guaranteed?|100%|miracle|cure|free)\b|最|第一|保证|绝对|免费/i;
const CALL_TO_ACTION = /\b(shop|buy|order|get|discover|grab|add|treat|gift)\b|立即|马上|抢|选购|下单|入手/i;

const cjkLength = (text: string) => (text.match(/[\u3400-\u9fff]/g) ?? []).length;

/**
 * Scores an ad copy with a transparent rubric (each criterion is a fifth of the score): length
 * fits a feed card, it names a selling point, it has a call to action, it makes no risky claim,
 * and it mentions the product.
 */
export const scoreCopy = defineTool({
  name: 'score_copy',
  description: 'Score an ad copy from 0 to 1 against a fixed rubric, with the reason for each point.',
  input: z.object({
    text: z.string().min(1).describe('The ad copy'),
    sellingPoints: z.array(z.string()).describe('Selling points the copy may mention'),
    productWords: z.array(z.string()).describe('Words that name the product'),
  }),
  output: z.object({
    score: z.number().min(0).max(1),
    criteria: z.record(z.string(), z.boolean()).describe('Which rubric items the copy meets'),
  }),
  run: ({ text, sellingPoints, productWords }) => {
    const lower = text.toLowerCase();
    const units = text.length - cjkLength(text) + 2 * cjkLength(text);
    const criteria = {
      length: units >= 30 && units <= 140,
      sellingPoint: sellingPoints.some((p) => lower.includes(p.toLowerCase())),
      callToAction: CALL_TO_ACTION.test(text),
      noRiskyClaim: !RISKY.test(text),
      namesProduct: productWords.some((w) => w.length > 2 && lower.includes(w.toLowerCase())),
    };
    const met = Object.values(criteria).filter(Boolean).length;
    return { score: met / 5, criteria };
  },
});
