/**
 * Test support for support-thread runs (not part of the package): fresh in-memory stores closed
 * after each test, and the live clock and ids the CLI runs with, so a replay or resume must take
 * them from the journal.
 */
import { afterEach } from 'vitest';
import { createSampleProductSearch } from '../../agents/customer-service/index.js';
import { openSqliteLeadStore, type LeadStore } from '../../tools/leads/index.js';
import { createIdGenerator, systemClock, type SqliteJournal } from '../core/index.js';
import { memoryJournal } from '../testing/index.js';

/**
 * Registers an `afterEach` that closes what the test opened, and returns the kit.
 *
 * @example
 * ```ts
 * const { search, stores, liveDeps, closeAfter } = supportRunTestKit();
 * const { journal, leads } = stores();
 * await runSupportThreadJournaled(thread, { journal, deps: liveDeps(leads) });
 * ```
 */
export function supportRunTestKit() {
  const search = createSampleProductSearch();
  const opened: { close(): void }[] = [];
  afterEach(() => {
    for (const o of opened.splice(0)) o.close();
  });
  return {
    search,
    /** Closes `store` after the test. */
    closeAfter: <T extends { close(): void }>(store: T): T => {
      opened.push(store);
      return store;
    },
    /** A journal and a lead store, both in memory. */
    stores: (): { journal: SqliteJournal; leads: LeadStore } => {
      const journal = memoryJournal();
      const leads = openSqliteLeadStore(':memory:');
      opened.push(journal, leads);
      return { journal, leads };
    },
    /** Real time and random ids, as the CLI runs. */
    liveDeps: (leads: LeadStore) => ({
      search,
      leads,
      clock: systemClock,
      ids: createIdGenerator(systemClock),
    }),
  };
}
