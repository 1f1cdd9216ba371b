import { describe, expect, it } from 'vitest';
import { NotFoundError } from '../../src/core/index.js';
import { getSuites, SUITES } from './index.js';

describe('suite registry', () => {
  it('resolves names and all, and fails by listing what exists', () => {
    expect(getSuites(['all'])).toHaveLength(SUITES.length);
    expect(getSuites(['complements'])[0]?.name).toBe('complements');
    expect(getSuites(['support-actions', 'support-tau2']).map((s) => s.name)).toEqual([
      'support-actions',
      'support-tau2',
    ]);
    expect(() => getSuites(['support-nope'])).toThrow(NotFoundError);
    expect(() => getSuites(['support-nope'])).toThrow(
      /Available: all, brief-parsing, creative, complements, next-buyer, support-intents, support-actions, support-tau2, bidding/,
    );
  });
  it('has unique kebab-case names and a baseline for every suite', () => {
    expect(new Set(SUITES.map((s) => s.name)).size).toBe(SUITES.length);
    for (const s of SUITES) {
      expect(s.name).toMatch(/^[a-z][a-z0-9-]*$/);
      expect(s.baseline).toBeDefined();
    }
  });
});
