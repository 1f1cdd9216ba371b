/**
 * Benchmark: per-run orchestration overhead of a 6-node workflow whose nodes are instant fakes.
 *
 * - Lodestone: an XState v5 machine of 6 invoked promise actors, each run through the real
 *   `StepRecorder` (src/app) into the real `SqliteJournal` (src/core/journal): `createRun`, the
 *   run's lease (`withRunLease`), `run.started`, one `step.completed` entry per node, `setStatus`
 *   — what `Lodestone.plan` does per run. Measured on `:memory:` SQLite (the like-for-like of an in-memory checkpointer)
 *   and, reported beside it, on a journal file (WAL, synchronous=FULL: one fsync per entry).
 * - Baseline: a LangGraph.js `StateGraph` of the same 6 nodes in a chain, compiled with the
 *   in-memory checkpointer (`MemorySaver`), one thread per run. The same graph without a
 *   checkpointer is reported too, to show where LangGraph's time goes.
 *
 * Both run in this process, interleaved in rounds after a warm-up; each run is timed alone and
 * the medians are reported. Progress goes to stderr, one JSON line to stdout:
 * `{ nodes, lodestoneMs, langgraphMs, ratio, ... }` with ratio = langgraphMs / lodestoneMs.
 * Run: `npm run bench:orchestration` (options: `--iterations 2000 --warmup 200 --rounds 10`).
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import { Annotation, END, MemorySaver, START, StateGraph } from '@langchain/langgraph';
import { createActor, fromPromise, setup, toPromise } from 'xstate';
import { withRunLease } from '../../src/app/run-lease.js';
import { StepRecorder } from '../../src/app/step-recorder.js';
import { SqliteJournal, fixedClock, silentLogger, type Journal } from '../../src/core/index.js';

const { values: args } = parseArgs({
  options: {
    iterations: { type: 'string', default: '2000' },
    warmup: { type: 'string', default: '200' },
    rounds: { type: 'string', default: '10' },
  },
});
const iterations = Number(args.iterations);
const warmup = Number(args.warmup);
const rounds = Number(args.rounds);
const NODES = ['parse', 'creative', 'audience', 'strategy', 'forecast', 'review'] as const;
const progress = (message: string) => process.stderr.write(`[bench:orchestration] ${message}\n`);

// ---- Lodestone: XState machine + StepRecorder + SqliteJournal -------------------------------
const clock = fixedClock('2026-11-29T09:00:00Z');
const logger = silentLogger();
type NodeInput = { recorder: StepRecorder; node: string };

const nodeState = (node: string, next: string) => ({
  invoke: {
    src: 'node' as const,
    input: ({ context }: { context: { recorder: StepRecorder } }) => ({ recorder: context.recorder, node }),
    onDone: next,
  },
});

const workflow = setup({
  types: { context: {} as { recorder: StepRecorder }, input: {} as { recorder: StepRecorder } },
  actors: {
    // An instant fake agent, journaled exactly as the real actors are (launch-actors.ts).
    node: fromPromise<{ node: string }, NodeInput>(({ input }) =>
      input.recorder.step(input.node, () => Promise.resolve({ node: input.node })),
    ),
  },
}).createMachine({
  id: 'bench',
  context: ({ input }) => ({ recorder: input.recorder }),
  initial: 'parse',
  states: {
    parse: nodeState('parse', 'creative'),
    creative: nodeState('creative', 'audience'),
    audience: nodeState('audience', 'strategy'),
    strategy: nodeState('strategy', 'forecast'),
    forecast: nodeState('forecast', 'review'),
    review: nodeState('review', 'done'),
    done: { type: 'final' },
  },
});

let runs = 0;
async function lodestoneRun(journal: Journal): Promise<string> {
  const runId = `run_${++runs}`;
  const at = clock.now().toISOString();
  journal.createRun({ id: runId, kind: 'bench', title: 'bench', at });
  // As Lodestone.plan: the run is driven holding its lease (taken and given back in the journal).
  await withRunLease(journal, runId, clock, async () => {
    journal.append(runId, 'run.started', { goal: 'bench' }, at);
    const recorder = new StepRecorder(runId, journal, clock, logger);
    const actor = createActor(workflow, { input: { recorder } });
    const done = toPromise(actor);
    actor.start();
    await done;
    journal.setStatus(runId, 'done', clock.now().toISOString());
  });
  return runId;
}

// ---- LangGraph: StateGraph + MemorySaver -------------------------------------------------------
const State = Annotation.Root({
  visited: Annotation<string[]>({ reducer: (a, b) => a.concat(b), default: () => [] }),
});
const visit = (node: string) => () => Promise.resolve({ visited: [node] });
const builder = new StateGraph(State)
  .addNode('parse', visit('parse'))
  .addNode('creative', visit('creative'))
  .addNode('audience', visit('audience'))
  .addNode('strategy', visit('strategy'))
  .addNode('forecast', visit('forecast'))
  .addNode('review', visit('review'))
  .addEdge(START, 'parse')
  .addEdge('parse', 'creative')
  .addEdge('creative', 'audience')
  .addEdge('audience', 'strategy')
  .addEdge('strategy', 'forecast')
  .addEdge('forecast', 'review')
  .addEdge('review', END);
const graph = builder.compile({ checkpointer: new MemorySaver() });
// Not the baseline: shows how much of LangGraph's time is its checkpointer and how much its loop.
const bareGraph = builder.compile();

let threads = 0;
async function langgraphRun(): Promise<void> {
  const out = await graph.invoke({ visited: [] }, { configurable: { thread_id: `t${++threads}` } });
  if (out.visited.length !== NODES.length) throw new Error(`LangGraph visited ${out.visited.length} nodes`);
}

async function bareLanggraphRun(): Promise<void> {
  await bareGraph.invoke({ visited: [] });
}

// ---- measurement ------------------------------------------------------------------------------
async function timeRuns(count: number, run: () => Promise<unknown>, samples: number[]): Promise<void> {
  for (let i = 0; i < count; i++) {
    const start = performance.now();
    await run();
    samples.push(performance.now() - start);
  }
}

const median = (xs: number[]) => {
  const sorted = [...xs].sort((a, b) => a - b);
  const mid = sorted.length >> 1;
  return sorted.length % 2 ? sorted[mid]! : (sorted[mid - 1]! + sorted[mid]!) / 2;
};
const round = (ms: number) => Number(ms.toFixed(4));

const dir = mkdtempSync(join(tmpdir(), 'lodestone-bench-orchestration-'));
const memory = new SqliteJournal(':memory:');
const disk = new SqliteJournal(join(dir, 'journal.db'));
try {
  progress(`warm-up: ${warmup} runs each`);
  await timeRuns(warmup, () => lodestoneRun(memory), []);
  await timeRuns(Math.min(warmup, 50), () => lodestoneRun(disk), []);
  await timeRuns(warmup, langgraphRun, []);
  await timeRuns(Math.min(warmup, 50), bareLanggraphRun, []);

  const lodestone: number[] = [];
  const lodestoneDisk: number[] = [];
  const langgraph: number[] = [];
  const bare: number[] = [];
  const perRound = Math.ceil(iterations / rounds);
  for (let r = 0; r < rounds; r++) {
    await timeRuns(perRound, () => lodestoneRun(memory), lodestone);
    await timeRuns(perRound, langgraphRun, langgraph);
    await timeRuns(Math.ceil(perRound / 10), () => lodestoneRun(disk), lodestoneDisk);
    await timeRuns(Math.ceil(perRound / 10), bareLanggraphRun, bare);
    progress(`round ${r + 1}/${rounds}`);
  }
  const entriesPerRun = memory.entries(await lodestoneRun(memory)).length;
  const lodestoneMs = median(lodestone);
  const langgraphMs = median(langgraph);
  process.stdout.write(
    `${JSON.stringify({
      nodes: NODES.length,
      lodestoneMs: round(lodestoneMs),
      langgraphMs: round(langgraphMs),
      ratio: Number((langgraphMs / lodestoneMs).toFixed(2)),
      lodestoneDiskMs: round(median(lodestoneDisk)),
      langgraphNoCheckpointerMs: round(median(bare)),
      runs: {
        lodestone: lodestone.length,
        langgraph: langgraph.length,
        lodestoneDisk: lodestoneDisk.length,
        langgraphNoCheckpointer: bare.length,
      },
      journalEntriesPerRun: entriesPerRun,
      node: process.version,
    })}\n`,
  );
} finally {
  memory.close();
  disk.close();
  rmSync(dir, { recursive: true, force: true });
}
