/**
 * ABCD (Action-Based Conversations Dataset, ASAPP, NAACL 2021) as the `support-actions` suite reads
 * it: per conversation, the customer's own messages, the subflow it belongs to, and the gold
 * sequence of action buttons the human agent pressed (the `take_action` targets of the `delexed`
 * turns), split into train and test.
 *
 * `data/abcd` ships the repository's 3-conversation sample (`abcd_sample.json`, a JSON array);
 * those are split by a fixed hash of the conversation id. The full dataset (`abcd_v1.1.json`,
 * `{ train, dev, test }`) is read the same way when it is placed beside it, and then keeps its
 * official split (dev joins train).
 */
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { DataError } from '../../src/core/index.js';
import { dataHash } from '../harness/data-hash.js';
import { hashShare } from '../harness/seeds.js';

/** The folder of the shipped data. */
export const ABCD_DIR = join(import.meta.dirname, '..', '..', 'data', 'abcd');
/** The sample shipped in the repository (3 conversations). */
export const ABCD_SAMPLE_FILE = 'abcd_sample.json';
/** The full dataset, read instead of the sample when present (not shipped: ≥ 4 MiB). */
export const ABCD_FULL_FILE = 'abcd_v1.1.json';
/** The subflow → action knowledge base (the agent's `expectedActions` reads it too). */
export const ABCD_KB_FILE = 'kb.json';

/** How an array of conversations is split: a fixed hash of the id, at least one on each side. */
export const ABCD_SPLIT = { seed: 42, testShare: 0.2 } as const;

/** One conversation with its gold actions. */
export interface AbcdConversation {
  readonly convoId: number;
  readonly split: 'train' | 'test';
  /** ABCD flow, e.g. `product_defect`. */
  readonly flow: string;
  /** The subflow as a kb.json key (the turns' target intent), e.g. `timing`. */
  readonly subflow: string;
  /** The scenario's subflow, which for FAQ flows names the question too, e.g. `timing_4`. */
  readonly scenarioSubflow: string;
  /** The customer's messages, in order, as written (not delexicalised). */
  readonly customerTurns: readonly string[];
  /** The action buttons the agent pressed, in order (ABCD's `take_action` targets). */
  readonly actions: readonly string[];
}

/** The conversations and the version hash of the files they came from. */
export interface Abcd {
  readonly file: string;
  readonly conversations: readonly AbcdConversation[];
  readonly hash: string;
}

interface RawTurn {
  speaker?: unknown;
  targets?: unknown;
}
interface RawConversation {
  convo_id?: unknown;
  scenario?: { flow?: unknown; subflow?: unknown };
  original?: unknown;
  delexed?: unknown;
}

function parseConversation(raw: RawConversation, file: string): Omit<AbcdConversation, 'split'> {
  const fail = (what: string): never => {
    throw new DataError(`${file}: conversation ${String(raw.convo_id)} ${what}; expected ABCD's format.`);
  };
  if (typeof raw.convo_id !== 'number') fail('has no numeric convo_id');
  const convoId = raw.convo_id as number;
  const flow = raw.scenario?.flow;
  const scenarioSubflow = raw.scenario?.subflow;
  if (typeof flow !== 'string' || typeof scenarioSubflow !== 'string') fail('has no scenario flow/subflow');
  if (!Array.isArray(raw.original) || !Array.isArray(raw.delexed)) fail('has no original/delexed turns');
  const customerTurns = (raw.original as unknown[]).flatMap((turn) =>
    Array.isArray(turn) && turn[0] === 'customer' && typeof turn[1] === 'string' ? [turn[1]] : [],
  );
  const actions: string[] = [];
  let subflow: string | undefined;
  for (const turn of raw.delexed as RawTurn[]) {
    const targets = turn.targets;
    if (!Array.isArray(targets)) continue;
    if (subflow === undefined && typeof targets[0] === 'string') subflow = targets[0];
    if (targets[1] === 'take_action' && typeof targets[2] === 'string') actions.push(targets[2]);
  }
  return {
    convoId,
    flow: flow as string,
    subflow: subflow ?? (scenarioSubflow as string),
    scenarioSubflow: scenarioSubflow as string,
    customerTurns,
    actions,
  };
}

/** Test = the lowest-hash `testShare` of the ids, at least one conversation on each side. */
function seededSplit(ids: readonly number[]): Map<number, 'train' | 'test'> {
  const ranked = [...ids].sort(
    (a, b) =>
      hashShare(`abcd-split:${ABCD_SPLIT.seed}:${a}`) - hashShare(`abcd-split:${ABCD_SPLIT.seed}:${b}`) ||
      a - b,
  );
  const nTest =
    ids.length < 2 ? 0 : Math.min(ids.length - 1, Math.max(1, Math.round(ids.length * ABCD_SPLIT.testShare)));
  return new Map(ranked.map((id, i) => [id, i < nTest ? 'test' : 'train']));
}

/**
 * Reads ABCD: the full dataset when `abcd_v1.1.json` is in `dir`, else the shipped sample.
 *
 * @example
 * ```ts
 * const { conversations } = readAbcd();
 * conversations.find((c) => c.convoId === 3695)?.actions; // ['search-faq', 'search-timing', 'select-faq']
 * ```
 */
export function readAbcd(dir: string = ABCD_DIR): Abcd {
  const file = existsSync(join(dir, ABCD_FULL_FILE)) ? ABCD_FULL_FILE : ABCD_SAMPLE_FILE;
  const path = join(dir, file);
  let raw: unknown;
  try {
    raw = JSON.parse(readFileSync(path, 'utf8'));
  } catch (cause) {
    throw new DataError(`Cannot read the ABCD conversations at ${path}`, { cause });
  }
  let conversations: AbcdConversation[];
  if (Array.isArray(raw)) {
    const parsed = (raw as RawConversation[]).map((c) => parseConversation(c, file));
    const split = seededSplit(parsed.map((c) => c.convoId));
    conversations = parsed.map((c) => ({ ...c, split: split.get(c.convoId) ?? 'train' }));
  } else if (raw !== null && typeof raw === 'object' && Array.isArray((raw as { test?: unknown }).test)) {
    const parts = raw as Record<string, RawConversation[] | undefined>;
    conversations = (['train', 'dev', 'test'] as const).flatMap((part) =>
      (parts[part] ?? []).map((c) => ({
        ...parseConversation(c, file),
        split: part === 'test' ? ('test' as const) : ('train' as const),
      })),
    );
  } else {
    throw new DataError(`${path} is neither a list of conversations nor { train, dev, test }.`);
  }
  return {
    file,
    conversations,
    hash: dataHash([path, join(dir, ABCD_KB_FILE)], [`split:${ABCD_SPLIT.seed}:${ABCD_SPLIT.testShare}`]),
  };
}
