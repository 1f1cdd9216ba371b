import { describe, expect, it } from 'vitest';
import { AudienceSegment } from '../../src/core/index.js';
import { testAgentContext } from '../../src/testing/index.js';
import { nextBuyersTool } from '../../tools/audience/index.js';
import { searchCatalog } from '../../tools/catalog/index.js';
import { audienceReasoner } from './audience-reasoner.js';

describe('audience reasoner (offline)', () => {
  const ctx = testAgentContext();
  const { catalog } = ctx;
  const productIds = searchCatalog(catalog, 'ceramic tableware', 8).map((m) => m.product.id);

  it('returns valid segments, each with a reasoning chain', async () => {
    const { segments } = await audienceReasoner.run({ productIds }, ctx);
    expect(segments.map((s) => s.kind)).toEqual([
      'complement-buyers',
      'past-buyers',
      'similar-users',
      'broad',
    ]);
    for (const s of segments) {
      expect(() => AudienceSegment.parse(s)).not.toThrow();
      expect(s.reasoning.length).toBeGreaterThan(0);
    }
  });

  it('cites only evidence that exists in the real data', async () => {
    const { segments } = await audienceReasoner.run({ productIds, audience: { regions: ['UK'] } }, ctx);
    let checked = 0;
    for (const step of segments.flatMap((s) => s.reasoning)) {
      for (const e of step.evidence) {
        if (e.source === 'rule') {
          const [from, to] = e.ref.split('->');
          const rule = catalog.rulesFrom(from!).find((r) => r.to === to);
          expect(rule, e.ref).toBeDefined();
          expect(e.values).toMatchObject({
            confidence: rule!.confidence,
            lift: rule!.lift,
            count: rule!.count,
          });
          checked++;
        } else if (e.source === 'user-history') {
          expect(catalog.user(e.ref), e.ref).toBeDefined();
          checked++;
        } else if (e.source === 'brief') {
          expect(e.ref).toMatch(/^audience/);
        }
      }
    }
    expect(checked).toBeGreaterThan(10);
  });

  it('proposes complements, not more of the same item, to past buyers', async () => {
    const { segments } = await audienceReasoner.run({ productIds }, ctx);
    const past = segments.find((s) => s.kind === 'past-buyers')!;
    expect(past.name).toMatch(/complements/);
    for (const id of past.productIds) {
      expect(productIds).not.toContain(id);
      // Each proposed item is the consequent of a rule from a target product.
      expect(productIds.some((p) => catalog.rulesFrom(p).some((r) => r.to === id))).toBe(true);
    }
    const repeatStep = past.reasoning.find((r) => r.evidence.some((e) => e.ref.startsWith('repeat:')))!;
    expect(repeatStep.claim).toMatch(/complements rather than more of the same/);
  });

  it('ranks likely next buyers who have not bought the products yet', async () => {
    const { segments } = await audienceReasoner.run({ productIds }, ctx);
    const prospects = segments.find((s) => s.kind === 'complement-buyers')!;
    expect(prospects.predictedBuyers.length).toBe(20);
    for (const b of prospects.predictedBuyers) {
      const bought = catalog.user(b.userId)!.purchases.map((p) => p.productId);
      // The best-scored product for this user is one they have not bought.
      expect(productIds.every((id) => bought.includes(id))).toBe(false);
    }
    const scores = prospects.predictedBuyers.map((b) => b.score);
    expect([...scores].sort((a, b) => b - a)).toEqual(scores);
  });

  it('ranks past buyers by their propensity to order again', async () => {
    const { segments } = await audienceReasoner.run({ productIds }, ctx);
    const past = segments.find((s) => s.kind === 'past-buyers')!;
    expect(past.predictedBuyers.length).toBe(20);
    const scores = past.predictedBuyers.map((b) => b.score);
    expect([...scores].sort((a, b) => b - a)).toEqual(scores);
    for (const b of past.predictedBuyers)
      expect(productIds.some((id) => catalog.buyersOf(id).has(b.userId))).toBe(true);
  });

  it('predicts the buyers the next_buyers tool ranks first, prospects and past buyers alike', async () => {
    // A product whose top 50 holds prospects as well as past buyers.
    const P = '22441';
    const tool = nextBuyersTool(catalog);
    const out = tool.call({ productId: P, limit: 50 });
    const toolProspects = out.buyers
      .filter((b) => !b.pastBuyer && (b.similar.length > 0 || b.rules.length > 0))
      .slice(0, 20)
      .map((b) => ({ userId: b.userId, score: b.score }));
    expect(toolProspects.length).toBeGreaterThan(0);
    const { segments } = await audienceReasoner.run({ productIds: [P] }, ctx);
    const prospects = segments.find((s) => s.kind === 'complement-buyers')!;
    expect(prospects.predictedBuyers.slice(0, toolProspects.length)).toEqual(toolProspects);
    const past = segments.find((s) => s.kind === 'past-buyers')!;
    expect(past.predictedBuyers.map((b) => b.userId)).toEqual(out.pastBuyerIds.slice(0, 20));
    expect(past.size).toBe(out.pastBuyers);

    const regional = await audienceReasoner.run({ productIds: [P], audience: { regions: ['UK'] } }, ctx);
    const inUk = tool.call({ productId: P, limit: 20, countries: ['United Kingdom'] });
    expect(inUk.pastBuyerIds.length).toBeGreaterThan(0);
    expect(inUk.pastBuyers).toBeLessThan(out.pastBuyers);
    const regionalPast = regional.segments.find((s) => s.kind === 'past-buyers')!;
    expect(regionalPast.predictedBuyers.map((b) => b.userId)).toEqual(inUk.pastBuyerIds);
  });

  it('falls back to a broad segment when no product matched', async () => {
    const { segments } = await audienceReasoner.run({ productIds: [] }, ctx);
    expect(segments).toHaveLength(1);
    expect(segments[0]!.kind).toBe('broad');
    expect(segments[0]!.reasoning.at(-1)!.claim).toMatch(/No catalog product matched/);
  });

  it('restricts known customers to the brief regions it can map', async () => {
    const { segments } = await audienceReasoner.run({ productIds, audience: { regions: ['Germany'] } }, ctx);
    const germans = new Set(catalog.users.filter((u) => u.country === 'Germany').map((u) => u.id));
    for (const s of segments) for (const b of s.predictedBuyers) expect(germans.has(b.userId)).toBe(true);
  });
});
