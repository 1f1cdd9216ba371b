import { describe, expect, it } from 'vitest';
import { openRetailStore, type RetailOrderItem, type RetailProduct } from '../../tools/retail/index.js';
import { chooseVariant, rankVariants, unaskedChanges, wantsSomething } from './order-variant.js';

const db = openRetailStore().db;

/** An item of a shipped order, and its product. */
function owned(orderId: string, name: string): { item: RetailOrderItem; product: RetailProduct } {
  const item = db.orders[orderId]?.items.find((i) => i.name === name);
  const product = item && db.products[item.product_id];
  if (!item || !product) throw new Error(`no ${name} in ${orderId}`);
  return { item, product };
}

const ids = (variants: readonly { item_id: string }[]): string[] => variants.map((v) => v.item_id).sort();

describe('chooseVariant', () => {
  it('takes the values named, "no backlight" included, and keeps the rest', () => {
    const { item, product } = owned('#W2378156', 'Mechanical Keyboard');
    // linear, RGB, full size → clicky: three variants keep one option each; the buyer is asked.
    expect(ids(chooseVariant(item, product, 'the same keyboard but with clicky switches'))).toHaveLength(3);
    expect(ids(chooseVariant(item, product, 'clicky switches, and no backlight'))).toEqual(['7706410293']);
  });

  it('takes "Google Home" for the Google Assistant option and ignores the value after "instead of"', () => {
    const { item, product } = owned('#W2378156', 'Smart Thermostat');
    expect(
      ids(chooseVariant(item, product, 'one compatible with Google Home instead of Apple HomeKit')),
    ).toEqual(['7747408585']);
  });

  it('goes one size down, and to the most zoom, keeping what it can', () => {
    // red, XXL, cotton, crew neck → XL, cotton, crew neck in black or purple (no red XL is
    // available): two equally close, so the buyer is asked.
    const shirt = owned('#W6552785', 'T-Shirt');
    const smaller = chooseVariant(shirt.item, shirt.product, 'it is too big, one size smaller would be good');
    expect(ids(smaller)).toEqual(['2060066974', '8124970213']);
    expect(smaller.every((v) => v.options.size === 'XL' && v.options.material === 'cotton')).toBe(true);
    const camera = owned('#W6679257', 'Digital Camera');
    expect(
      ids(chooseVariant(camera.item, camera.product, 'a camera with the maximum zoom capacity')),
    ).toEqual(['9228757377']);
    expect(ids(chooseVariant(camera.item, camera.product, 'a slightly lower resolution'))).toEqual([
      '8363011723',
    ]);
  });

  it('counts pieces from the current puzzle and prefers the theme named before "over"', () => {
    const { item, product } = owned('#W3916020', 'Jigsaw Puzzle');
    const text = 'the same difficulty, but 1000 more pieces';
    expect(ids(chooseVariant(item, product, `${text}, and I prefer animal over art`))).toEqual([
      '6245746168',
    ]);
    expect(ids(chooseVariant(item, product, `${text}, and I prefer art over the animal theme`))).toEqual([
      '5546244844',
    ]);
  });

  it('breaks ties by price when the buyer asks for the cheapest or the most expensive', () => {
    const { item, product } = owned('#W2378156', 'Smart Watch');
    const cheapest = chooseVariant(item, product, 'the cheapest one');
    const dearest = chooseVariant(item, product, 'the most expensive one');
    expect(cheapest).toHaveLength(1);
    expect(dearest).toHaveLength(1);
    expect(cheapest[0]?.price).toBeLessThan(dearest[0]?.price ?? 0);
  });

  it('asks nothing of words that name no option, and offers nothing that breaks "same"', () => {
    const { item, product } = owned('#W2378156', 'Mechanical Keyboard');
    expect(chooseVariant(item, product, 'I want to exchange my keyboard')).toEqual([]);
    const shelf = owned('#W8367567', 'Bookshelf');
    for (const v of chooseVariant(
      shelf.item,
      shelf.product,
      'to 4 foot but with the same material and color',
    )) {
      expect(v.options.material).toBe(shelf.item.options.material);
      expect(v.options.color).toBe(shelf.item.options.color);
    }
  });
});

describe('unaskedChanges, rankVariants and wantsSomething', () => {
  it('names the options a variant changes that the words said nothing about', () => {
    // Desk Lamp (silver, low, battery) → black: the closest black lamp also changes the power source.
    const { item, product } = owned('#W5270061', 'Desk Lamp');
    const [closest] = chooseVariant(item, product, 'adjust the desk lamp to be black color');
    expect(closest?.item_id).toBe('9190635437');
    expect(unaskedChanges(item, product, closest!, 'adjust the desk lamp to be black color')).toEqual([
      'power source',
    ]);
    // Every black lamp has what was asked: the buyer picks among them.
    expect(ids(rankVariants(item, product, 'the desk lamp in black'))).toEqual([
      '5320792178',
      '6805564527',
      '7624783998',
      '9190635437',
    ]);
    // Said: a value, the option's name, a price extreme, or "the rest does not matter".
    expect(unaskedChanges(item, product, closest!, 'black, and a USB one')).toEqual([]);
    expect(unaskedChanges(item, product, closest!, 'black, any power source')).toEqual([]);
    expect(unaskedChanges(item, product, closest!, 'the cheapest black one')).toEqual([]);
    expect(unaskedChanges(item, product, closest!, "black; I don't care about the rest")).toEqual([]);
  });

  it('tells a request that says what the item should become from one that says nothing', () => {
    const { item, product } = owned('#W5270061', 'Desk Lamp');
    expect(wantsSomething(item, product, 'I want to exchange the desk lamp')).toBe(false);
    expect(wantsSomething(item, product, 'the desk lamp in black')).toBe(true);
    expect(wantsSomething(item, product, 'a brighter desk lamp')).toBe(true);
    expect(wantsSomething(item, product, 'the cheapest desk lamp')).toBe(true);
  });
});
