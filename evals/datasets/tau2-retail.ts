/**
 * τ²-bench's retail tasks (`data/tau2-retail`): each task's user instructions, its reference
 * actions and what the agent must say, with the benchmark's own train/test split
 * (`split_tasks.json`). The gold END STATE of a task is the database after replaying its reference
 * actions on a fresh copy (failing calls are part of the trajectories and change nothing), as
 * τ²-bench's DB check does; a run passes when the agent leaves the same state.
 */
import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { DataError } from '../../src/core/index.js';
import {
  createRetailTools,
  isRetailWriteTool,
  loadRetailDb,
  openRetailStore,
  stableJson,
  type RetailStore,
} from '../../tools/retail/index.js';
import { dataHash } from '../harness/data-hash.js';

/** The folder of the shipped data. */
export const TAU2_RETAIL_DIR = join(import.meta.dirname, '..', '..', 'data', 'tau2-retail');
const FILES = ['tasks.json', 'split_tasks.json', 'db.json'] as const;

/** A tool call of a reference trajectory. */
export interface Tau2Action {
  readonly name: string;
  readonly arguments: Readonly<Record<string, unknown>>;
}

/** What the simulated user is told (τ²'s `user_scenario.instructions`). */
export interface Tau2Instructions {
  readonly reasonForCall: string;
  readonly knownInfo: string;
  readonly unknownInfo: string;
  readonly taskInstructions: string;
}

/** One retail task. */
export interface Tau2Task {
  readonly id: string;
  readonly split: 'train' | 'test';
  readonly instructions: Tau2Instructions;
  /** One reference trajectory; only the end state it leads to is scored. */
  readonly actions: readonly Tau2Action[];
  /** Strings the agent must say (τ²'s communicate_info). */
  readonly communicateInfo: readonly string[];
  readonly rewardBasis: readonly string[];
}

interface RawTask {
  id?: unknown;
  user_scenario?: { instructions?: Record<string, unknown> };
  evaluation_criteria?: {
    actions?: { name?: unknown; arguments?: unknown }[] | null;
    communicate_info?: unknown[] | null;
    reward_basis?: unknown[] | null;
  };
}

const text = (v: unknown): string => (typeof v === 'string' ? v : '');

/**
 * Reads the tasks in file order with their split. Tasks in neither split are left out.
 *
 * @example
 * ```ts
 * const { tasks } = readTau2Retail();
 * tasks.filter((t) => t.split === 'test').length; // 40
 * ```
 */
export function readTau2Retail(dir: string = TAU2_RETAIL_DIR): { tasks: Tau2Task[]; hash: string } {
  let raw: unknown;
  let splits: { train?: unknown; test?: unknown };
  try {
    raw = JSON.parse(readFileSync(join(dir, 'tasks.json'), 'utf8'));
    splits = JSON.parse(readFileSync(join(dir, 'split_tasks.json'), 'utf8')) as typeof splits;
  } catch (cause) {
    throw new DataError(`Cannot read the τ² retail tasks in ${dir}`, { cause });
  }
  if (!Array.isArray(raw) || !Array.isArray(splits.train) || !Array.isArray(splits.test))
    throw new DataError(`${dir}: tasks.json must be a list and split_tasks.json have train and test lists.`);
  const test = new Set((splits.test as unknown[]).map(String));
  const train = new Set((splits.train as unknown[]).map(String));
  const tasks = (raw as RawTask[]).flatMap((t): Tau2Task[] => {
    const id = String(t.id);
    const split = test.has(id) ? 'test' : train.has(id) ? 'train' : undefined;
    if (!split) return [];
    const i = t.user_scenario?.instructions ?? {};
    const criteria = t.evaluation_criteria ?? {};
    const actions = (criteria.actions ?? []).map((a) => {
      if (typeof a.name !== 'string' || a.arguments === null || typeof a.arguments !== 'object')
        throw new DataError(`tasks.json: task ${id} has an action without a name or arguments.`);
      return { name: a.name, arguments: a.arguments as Record<string, unknown> };
    });
    return [
      {
        id,
        split,
        instructions: {
          reasonForCall: text(i.reason_for_call),
          knownInfo: text(i.known_info),
          unknownInfo: text(i.unknown_info),
          taskInstructions: text(i.task_instructions),
        },
        actions,
        communicateInfo: (criteria.communicate_info ?? []).map(String),
        rewardBasis: (criteria.reward_basis ?? []).map(String),
      },
    ];
  });
  return { tasks, hash: dataHash(FILES.map((f) => join(dir, f))) };
}

/**
 * A write call in canonical form, for comparing writes: the tool and its arguments as sorted-key
 * JSON, with the items of the call (and their replacements, pair by pair) sorted by item id.
 *
 * @example
 * ```ts
 * writeKey('return_delivered_order_items', { order_id: '#W1', item_ids: ['2', '1'], payment_method_id: 'p' });
 * // 'return_delivered_order_items {"item_ids":["1","2"],"order_id":"#W1","payment_method_id":"p"}'
 * ```
 */
export function writeKey(tool: string, args: unknown): string {
  const a = (args ?? {}) as Record<string, unknown>;
  const ids = a.item_ids;
  if (!Array.isArray(ids)) return `${tool} ${stableJson(args)}`;
  const replacements = Array.isArray(a.new_item_ids) ? (a.new_item_ids as unknown[]) : undefined;
  const pairs = ids
    .map((id, i) => [String(id), replacements ? String(replacements[i]) : ''] as const)
    .sort((x, y) => x[0].localeCompare(y[0]) || x[1].localeCompare(y[1]));
  return `${tool} ${stableJson({
    ...a,
    item_ids: pairs.map((p) => p[0]),
    ...(replacements ? { new_item_ids: pairs.map((p) => p[1]) } : {}),
  })}`;
}

/** What replaying a trajectory on a fresh store left. */
export interface EndState {
  /** `RetailStore.stateHash()` of the store after the calls. */
  readonly hash: string;
  /** The write calls that succeeded, in canonical form ({@link writeKey}), in order. */
  readonly writes: readonly string[];
  /** The user the trajectory authenticated, if any. */
  readonly userId?: string;
  /** Whether the trajectory transfers to a human agent. */
  readonly transfer: boolean;
}

let pristine: string | undefined;

/** The state hash of the untouched shipped database (as `openRetailStore().stateHash()`). */
export function pristineStateHash(): string {
  pristine ??= createHash('sha256').update(stableJson(loadRetailDb())).digest('hex');
  return pristine;
}

/**
 * Replays tool calls on `store` (a fresh copy by default); failing calls are skipped, as in
 * τ²-bench's replay. Read tools never change the store, so a trajectory that attempts no write
 * leaves the shipped state, whose hash is computed once.
 *
 * @example
 * ```ts
 * replayActions(task.actions).hash; // the gold end state of the task
 * ```
 */
export function replayActions(actions: readonly Tau2Action[], store?: RetailStore): EndState {
  const target = store ?? openRetailStore();
  const tools = createRetailTools(target) as Record<string, { call(input: unknown): unknown } | undefined>;
  const writes: string[] = [];
  let attempted = false;
  let userId: string | undefined;
  let transfer = false;
  for (const action of actions) {
    const tool = tools[action.name];
    if (!tool) throw new DataError(`τ² action ${action.name} is not a retail tool.`);
    const write = isRetailWriteTool(action.name);
    attempted ||= write;
    if (action.name === 'transfer_to_human_agents') transfer = true;
    try {
      const result = tool.call(action.arguments);
      if (write) writes.push(writeKey(action.name, action.arguments));
      if (action.name.startsWith('find_user_id') && typeof result === 'object' && result !== null)
        userId = String((result as { user_id?: unknown }).user_id);
    } catch {
      // reference trajectories include look-ups that fail; they change nothing
    }
  }
  return {
    hash: attempted || store ? target.stateHash() : pristineStateHash(),
    writes,
    transfer,
    ...(userId === undefined ? {} : { userId }),
  };
}

const gold = new Map<string, EndState>();

/**
 * The gold end state of a task: its reference actions replayed on a fresh store. Memoised per
 * task (a replay costs a copy and a hash of the 2.8 MB database).
 */
export function goldEndState(task: Pick<Tau2Task, 'id' | 'actions'>): EndState {
  const key = `${task.id}\u0000${stableJson(task.actions)}`;
  let state = gold.get(key);
  if (!state) {
    state = replayActions(task.actions);
    gold.set(key, state);
  }
  return state;
}
