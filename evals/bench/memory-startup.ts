/**
 * Benchmark: how long `lodestone plan` spends opening the product and user memories of the demo
 * catalog (data/derived: 2,573 products, 1,678 users), cold and warm.
 *
 * - cold: a fresh temporary directory (no IDF cache, no SQLite, no index file), as after a clone;
 * - warm: the same directory again with nothing changed, as on every later run.
 *
 * Each phase runs in its own child process, as the CLI would: module loading and reading the
 * catalog are measured apart (`catalogMs`) and left out of the totals. A phase's time covers
 * creating the offline embedder, `ProductMemory.open` + `sync`, `UserMemory.open` + `sync` and
 * closing both. The named baseline is the startup budget (cold ≤ 2.5 s, warm ≤ 0.3 s); figures are
 * medians over `--runs` (the machine may be shared, so the load average is reported too).
 *
 * Progress goes to stderr, one JSON line of results to stdout. Run: `npm run bench:memory-startup`.
 * Options: `--runs 3`.
 */
import { spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { loadavg, tmpdir } from 'node:os';
import { join } from 'node:path';
import { parseArgs } from 'node:util';

const BUDGET = { coldMs: 2500, warmMs: 300 } as const;

/** What one phase (cold or warm) measured, printed by the child as one JSON line. */
interface PhaseResult {
  products: number;
  users: number;
  catalogMs: number;
  productsMs: number;
  usersMs: number;
  closeMs: number;
  cpuMs: number;
  productsChanged: boolean;
  usersChanged: boolean;
}

const progress = (message: string) => process.stderr.write(`[bench:memory-startup] ${message}\n`);

/** Child side: one phase against `dir`. */
async function runPhase(dir: string): Promise<PhaseResult> {
  const { ProductMemory, UserMemory, createOfflineEmbedder } = await import('../../memory/index.js');
  const { Catalog, loadCatalogData } = await import('../../tools/catalog/index.js');
  let t = performance.now();
  const catalog = new Catalog(loadCatalogData());
  const catalogMs = performance.now() - t;

  const cpu = process.cpuUsage();
  t = performance.now();
  const embedder = createOfflineEmbedder({ cacheDir: join(dir, 'cache') });
  const products = await ProductMemory.open({ dir, embedder });
  const productsReport = await products.sync(catalog.products);
  const productsMs = performance.now() - t;

  t = performance.now();
  const users = await UserMemory.open({ dir, products });
  const usersReport = await users.sync(catalog.users);
  const usersMs = performance.now() - t;

  t = performance.now();
  await users.close();
  await products.close();
  const closeMs = performance.now() - t;
  const used = process.cpuUsage(cpu);
  return {
    products: products.size,
    users: users.size,
    catalogMs,
    productsMs,
    usersMs,
    closeMs,
    cpuMs: (used.user + used.system) / 1000,
    productsChanged: productsReport.changed,
    usersChanged: usersReport.changed,
  };
}

/** Parent side: runs a phase in a fresh process and reads its result line. */
function spawnPhase(dir: string): PhaseResult {
  const child = spawnSync(process.execPath, ['--import', 'tsx', import.meta.filename, '--phase-dir', dir], {
    encoding: 'utf8',
    stdio: ['ignore', 'pipe', 'inherit'],
  });
  if (child.status !== 0)
    throw new Error(`phase in ${dir} exited with ${String(child.status ?? child.signal)}`);
  return JSON.parse(child.stdout.trim().split('\n').at(-1)!) as PhaseResult;
}

function median(values: number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  const mid = Math.floor(sorted.length / 2);
  return sorted.length % 2 === 1 ? sorted[mid]! : (sorted[mid - 1]! + sorted[mid]!) / 2;
}

const { values: args } = parseArgs({
  options: { runs: { type: 'string', default: '3' }, 'phase-dir': { type: 'string' } },
});

if (args['phase-dir'] !== undefined) {
  process.stdout.write(`${JSON.stringify(await runPhase(args['phase-dir']))}\n`);
} else {
  const runs = Number(args.runs);
  const cold: PhaseResult[] = [];
  const warm: PhaseResult[] = [];
  for (let run = 1; run <= runs; run++) {
    const dir = mkdtempSync(join(tmpdir(), 'lodestone-bench-startup-'));
    try {
      cold.push(spawnPhase(dir));
      warm.push(spawnPhase(dir));
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
    const [c, w] = [cold.at(-1)!, warm.at(-1)!];
    const total = (p: PhaseResult) => Math.round(p.productsMs + p.usersMs + p.closeMs);
    progress(`run ${run}/${runs}: cold ${total(c)} ms, warm ${total(w)} ms`);
    if (w.productsChanged || w.usersChanged)
      throw new Error('the warm phase rebuilt something; it should not');
  }
  const ms = (phases: PhaseResult[], pick: (p: PhaseResult) => number) =>
    Math.round(median(phases.map(pick)));
  const result = {
    bench: 'memory-startup',
    products: cold[0]!.products,
    users: cold[0]!.users,
    coldMs: ms(cold, (p) => p.productsMs + p.usersMs + p.closeMs),
    warmMs: ms(warm, (p) => p.productsMs + p.usersMs + p.closeMs),
    coldProductsMs: ms(cold, (p) => p.productsMs),
    coldUsersMs: ms(cold, (p) => p.usersMs),
    warmProductsMs: ms(warm, (p) => p.productsMs),
    warmUsersMs: ms(warm, (p) => p.usersMs),
    coldCloseMs: ms(cold, (p) => p.closeMs),
    warmCloseMs: ms(warm, (p) => p.closeMs),
    coldCpuMs: ms(cold, (p) => p.cpuMs),
    warmCpuMs: ms(warm, (p) => p.cpuMs),
    catalogMs: ms(warm, (p) => p.catalogMs),
    budget: BUDGET,
    runs,
    loadAverage: Math.round(loadavg()[0]! * 100) / 100,
    node: process.version,
  };
  process.stdout.write(
    `${JSON.stringify({
      ...result,
      withinBudget: result.coldMs <= BUDGET.coldMs && result.warmMs <= BUDGET.warmMs,
    })}\n`,
  );
}
