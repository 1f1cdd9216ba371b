import type { RecordFn } from '../../agents/llm/index.js';
import type { Clock, IdGenerator, JournalEntry } from '../core/index.js';

/**
 * `clock`, journaling each reading (`clock.read`): the tools' timestamps reach the model's prompt,
 * so a replay or a resume must read the same ones.
 *
 * @example
 * ```ts
 * const clock = recordingClock(systemClock, record);
 * ```
 */
export function recordingClock(clock: Clock, record: RecordFn): Clock {
  return {
    now: () => {
      const at = clock.now();
      record('clock.read', { at: at.toISOString() });
      return at;
    },
  };
}

/**
 * `ids`, journaling each id (`id.issued`): lead and coupon ids reach the model's prompt and the
 * replies.
 *
 * @example
 * ```ts
 * const ids = recordingIds(createIdGenerator(systemClock), record);
 * ```
 */
export function recordingIds(ids: IdGenerator, record: RecordFn): IdGenerator {
  return (prefix) => {
    const id = ids(prefix);
    record('id.issued', { prefix, id });
    return id;
  };
}

/**
 * A replay's clock: the journaled readings in order, then the last one again (a replay that reads
 * more has diverged).
 *
 * @example
 * ```ts
 * const clock = journaledClock(journal.entries(runId), run.createdAt);
 * ```
 */
export function journaledClock(entries: readonly JournalEntry[], fallback: string): Clock {
  const readings = clockReadings(entries);
  let last = fallback;
  return { now: () => new Date((last = readings.shift() ?? last)) };
}

/**
 * A replay's ids: the journaled ones in order; an id of another prefix, or one too many, is made
 * up (and will differ).
 *
 * @example
 * ```ts
 * const ids = journaledIds(journal.entries(runId));
 * ```
 */
export function journaledIds(entries: readonly JournalEntry[]): IdGenerator {
  const ids = issuedIds(entries);
  let made = 0;
  return (prefix) => {
    const next = ids[0];
    if (next?.prefix !== prefix) return `${prefix}_replay_${++made}`;
    ids.shift();
    return next.id;
  };
}

/**
 * A resumed run's clock: the journaled readings first (the re-driven part of the thread reads
 * what it read before it stopped), then `live` readings, journaled as they come.
 *
 * @example
 * ```ts
 * const clock = resumingClock(journal.entries(runId), systemClock, record);
 * ```
 */
export function resumingClock(entries: readonly JournalEntry[], live: Clock, record: RecordFn): Clock {
  const readings = clockReadings(entries);
  const recording = recordingClock(live, record);
  return {
    now: () => {
      const at = readings.shift();
      return at === undefined ? recording.now() : new Date(at);
    },
  };
}

/**
 * A resumed run's ids: the journaled ones first, then `live` ones, journaled as they come. An id
 * of another prefix than the journal's next one means the thread went another way: the journaled
 * ids left are dropped, and every id from then on is live.
 *
 * @example
 * ```ts
 * const ids = resumingIds(journal.entries(runId), createIdGenerator(systemClock), record);
 * ```
 */
export function resumingIds(
  entries: readonly JournalEntry[],
  live: IdGenerator,
  record: RecordFn,
): IdGenerator {
  const ids = issuedIds(entries);
  const recording = recordingIds(live, record);
  return (prefix) => {
    const next = ids.shift();
    if (next?.prefix === prefix) return next.id;
    ids.length = 0;
    return recording(prefix);
  };
}

const clockReadings = (entries: readonly JournalEntry[]): string[] =>
  entries.filter((e) => e.type === 'clock.read').map((e) => (e.data as { at: string }).at);

const issuedIds = (entries: readonly JournalEntry[]): { prefix: string; id: string }[] =>
  entries.filter((e) => e.type === 'id.issued').map((e) => e.data as { prefix: string; id: string });
