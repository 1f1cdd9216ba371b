import type { Product } from '../../src/core/index.js';
import { scoreCopy } from '../../tools/creative/index.js';
import { titleCase } from './features.js';

export interface CopyVariant {
  text: string;
  angle: string;
  score: number;
}

/**
 * Writes three ad-copy variants (value, scene, social proof) in the goal's language and scores
 * each with the `score_copy` tool; best first.
 */
export function writeCopies(
  product: Product,
  facts: { sellingPoints: string[]; scenes: string[]; language: 'en' | 'zh' | 'mixed' },
): CopyVariant[] {
  const name = titleCase(product.title);
  const point = facts.sellingPoints[0] ?? 'giftable';
  const scene = facts.scenes[0] ?? 'everyday use';
  const price = `£${product.price.toFixed(2)}`;
  const drafts =
    facts.language === 'zh'
      ? [
          { angle: 'value', text: `${name}，${point}，仅需${price}。立即选购，为家里添一份好心情。` },
          { angle: 'scene', text: `${scene}的好搭档：${name}，${point}。马上下单，今天就用上。` },
          { angle: 'social proof', text: `已有${product.buyers}位顾客选择了${name}。${point}，立即入手。` },
        ]
      : [
          {
            angle: 'value',
            text: `${name}: ${point}, just ${price}. Shop now and make every day a little brighter.`,
          },
          {
            angle: 'scene',
            text: `Made for ${scene}: the ${name}, ${point}. Order today and enjoy it this week.`,
          },
          {
            angle: 'social proof',
            text: `${product.buyers} shoppers already chose the ${name}. ${point} — get yours.`,
          },
        ];
  const productWords = product.title.split(/\s+/).filter((w) => w.length > 3);
  return drafts
    .map((d) => ({
      ...d,
      score: scoreCopy.call({ text: d.text, sellingPoints: facts.sellingPoints, productWords }).score,
    }))
    .sort((a, b) => b.score - a.score);
}
