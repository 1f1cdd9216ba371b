import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { floorCents } from './money.js';

describe('floorCents', () => {
  it('keeps amounts that are whole cents, floors the rest, and never rounds up', () => {
    expect(floorCents(0.29)).toBe(0.29);
    expect(floorCents(1000)).toBe(1000);
    expect(floorCents(2.679)).toBe(2.67);
    expect(floorCents(0.0099999999999)).toBe(0);
    expect(floorCents(0)).toBe(0);
    fc.assert(
      fc.property(fc.double({ min: 0, max: 1e9, noNaN: true }), (x) => {
        const c = floorCents(x);
        expect(c).toBeLessThanOrEqual(x);
        expect(x - c).toBeLessThan(0.01 + 1e-6 * x);
        expect(Math.abs(Math.round(c * 100) - c * 100)).toBeLessThan(1e-6 * Math.max(1, x));
      }),
    );
  });
});
