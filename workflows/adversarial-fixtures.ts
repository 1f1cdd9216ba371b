/**
 * Test support shared by the adversarial suites (offline, compromised policy, LLM mode): the
 * threads of agents/customer-service/adversarial/threads.json, the shipped retail data, the
 * secrets of every other buyer, and a support thread run on fresh stores.
 */
import { readFileSync } from 'node:fs';
import { z } from 'zod';
import { createSampleProductSearch, type SupportPolicy } from '../agents/customer-service/index.js';
import { fixedClock, sequentialIds } from '../src/core/index.js';
import { openSqliteLeadStore, type LeadStore } from '../tools/leads/index.js';
import { loadRetailDb, openRetailStore, type RetailStore } from '../tools/retail/index.js';
import { runSupportThread, type SupportThreadResult } from './support-conversation-session.js';

const AdversarialThreads = z.object({
  about: z.string(),
  threads: z.array(
    z.object({
      id: z.string(),
      messages: z.array(z.string()).min(1),
      expect: z.object({
        replyMatches: z.string().optional(),
        writes: z.array(z.string()).optional(),
        coupons: z.number().int().optional(),
        leads: z.number().int().optional(),
        mustNotContain: z.array(z.string()).optional(),
      }),
    }),
  ),
});

/** The adversarial threads and what each must show. */
export const ADVERSARIAL_THREADS = AdversarialThreads.parse(
  JSON.parse(readFileSync('agents/customer-service/adversarial/threads.json', 'utf8')),
).threads;

/** The shipped retail database, untouched. */
export const RETAIL_DB = loadRetailDb();
/** The state hash of a fresh retail store. */
export const PRISTINE_HASH = openRetailStore().stateHash();

/**
 * Every string that identifies a user other than `self`: email, user id, street address, order ids.
 *
 * @example
 * ```ts
 * secretsOf(result.userId).filter((s) => reply.includes(s)); // must be []
 * ```
 */
export function secretsOf(self: string | undefined): string[] {
  return Object.values(RETAIL_DB.users)
    .filter((u) => u.user_id !== self)
    .flatMap((u) => [u.email, u.user_id, u.address.address1, ...u.orders]);
}

/**
 * Runs a thread on a fresh retail store and a scratch lead store (closed with `close()`), with the
 * given policy (the offline one when absent).
 *
 * @example
 * ```ts
 * const { result, store, leads, close } = await runOnFreshStores(thread.messages, { policy });
 * ```
 */
export async function runOnFreshStores(
  messages: readonly string[],
  options: { policy?: SupportPolicy; sourceCampaign?: string } = {},
): Promise<{ result: SupportThreadResult; store: RetailStore; leads: LeadStore; close: () => void }> {
  const leads = openSqliteLeadStore(':memory:');
  const store = openRetailStore();
  try {
    const result = await runSupportThread(messages, {
      search: createSampleProductSearch(),
      leads,
      store,
      clock: fixedClock('2026-11-29T09:00:00Z'),
      ids: sequentialIds(),
      ...(options.sourceCampaign === undefined ? {} : { sourceCampaign: options.sourceCampaign }),
      ...(options.policy ? { policy: options.policy } : {}),
    });
    return { result, store, leads, close: () => leads.close() };
  } catch (error) {
    leads.close();
    throw error;
  }
}
