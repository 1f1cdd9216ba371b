import type { Command } from 'commander';
import { createLodestone } from '../app/index.js';
import {
  deliverSimulated,
  MAX_DELIVERY_DAYS,
  type DeliveryProgress,
  type SimulatedDelivery,
} from '../app/deliver.js';
import type { CliContext } from './plan-commands.js';

interface DeliverFlags {
  simulate?: boolean;
  days?: string;
  seed: string;
  json?: boolean;
}

const PHASE_LABEL: Readonly<Record<string, string>> = {
  coldStart: 'cold start',
  stable: 'stable',
  breakout: 'breakout',
  paused: 'paused',
  ended: 'ended',
};

const amount = (x: number) =>
  x.toLocaleString('en-GB', { minimumFractionDigits: 2, maximumFractionDigits: 2 });
const count = (x: number) => x.toLocaleString('en-GB', { maximumFractionDigits: 0 });

/** The delivery as a marketer reads it: one row a day, totals, the phase changes. */
export function renderDelivery(d: SimulatedDelivery): string {
  const out: string[] = [];
  out.push(
    `Simulated delivery of ${d.runId} in the market twin — ${d.days} days, seed ${d.seed} (no money spent)`,
  );
  out.push('');
  out.push(
    `${'day'.padStart(5)}  ${`spend (${d.currency})`.padStart(14)}  ${'conversions'.padStart(11)}  ${'CPA'.padStart(8)}  phase`,
  );
  for (const r of d.rows) {
    out.push(
      `${String(r.day).padStart(5)}  ${amount(r.spend).padStart(14)}  ${count(r.conversions).padStart(11)}  ${(r.cpa === null ? '—' : amount(r.cpa)).padStart(8)}  ${PHASE_LABEL[r.phase] ?? r.phase}`,
    );
  }
  const t = d.totals;
  out.push(
    `${'total'.padStart(5)}  ${amount(t.spend).padStart(14)}  ${count(t.conversions).padStart(11)}  ${(t.cpa === null ? '—' : amount(t.cpa)).padStart(8)}`,
  );
  out.push(
    `Budget ${amount(d.budget.daily)} ${d.currency} a day, ${amount(d.budget.total)} in total; never exceeded.`,
  );
  out.push('');
  out.push('PHASE TRANSITIONS');
  for (const x of d.transitions) {
    const from = x.from === null ? 'launch' : (PHASE_LABEL[x.from] ?? x.from);
    out.push(
      `  tick ${String(x.tick).padStart(4)} (day ${x.day})  ${from} → ${PHASE_LABEL[x.to] ?? x.to}${x.from === null ? '' : `: ${x.reason}`}`,
    );
  }
  const reasons = new Map<string, number>();
  for (const c of d.consults) reasons.set(c.reason, (reasons.get(c.reason) ?? 0) + 1);
  out.push('');
  out.push(
    `Strategist consulted ${d.consults.length} times${reasons.size ? ` (${[...reasons].map(([r, n]) => `${r} ${n}`).join(', ')})` : ''}.`,
  );
  return out.join('\n');
}

/**
 * `deliver <run> --simulate [--days n] [--seed s] [--json]`: runs an approved plan through the
 * delivery machine in the market twin. Refuses, with exit code 2, a run that is not planned, a
 * missing --simulate (no live delivery yet) and a bad --days or --seed.
 *
 * @example
 * ```ts
 * registerDeliverCommands(program, ctx); // then: lodestone deliver run_… --simulate --days 3
 * ```
 */
export function registerDeliverCommands(program: Command, ctx: CliContext): void {
  program
    .command('deliver')
    .description('Deliver an approved plan. With --simulate it runs in the market digital twin.')
    .argument('<run>', 'run id of a planned (approved) campaign')
    .option('--simulate', 'run the plan in the market twin (live delivery is not available yet)')
    .option(
      '--days <n>',
      `days to simulate, 1–${MAX_DELIVERY_DAYS} (default: the plan's days, at most ${MAX_DELIVERY_DAYS})`,
    )
    .option('--seed <s>', 'seed of the simulated market', '1')
    .option(
      '--json',
      'print one JSON object: { runId, currency, seed, days, rows, transitions, consults, totals, budget, phase }',
    )
    .addHelpText('after', '\nExit codes: 0 delivered, 2 not approved, no --simulate, or a bad flag, 1 fault.')
    .action(async (runId: string, opts: DeliverFlags) => {
      const json = opts.json === true;
      const refuse = (code: string, message: string, extra: Record<string, unknown> = {}) => {
        if (json) process.stdout.write(`${JSON.stringify({ runId, error: { code, message, ...extra } })}\n`);
        else process.stderr.write(`lodestone: ${message}\n`);
        ctx.setCode(2);
      };
      const days = opts.days === undefined ? undefined : Number(opts.days);
      if (
        days !== undefined &&
        !(/^\s*\d+\s*$/.test(opts.days ?? '') && days >= 1 && days <= MAX_DELIVERY_DAYS)
      ) {
        refuse(
          'INVALID_INPUT',
          `Invalid --days: expected a whole number from 1 to ${MAX_DELIVERY_DAYS}, received ${JSON.stringify(opts.days)}.`,
        );
        return;
      }
      const seed = Number(opts.seed);
      if (!/^\s*-?\d+\s*$/.test(opts.seed) || !Number.isSafeInteger(seed)) {
        refuse(
          'INVALID_INPUT',
          `Invalid --seed: expected an integer, received ${JSON.stringify(opts.seed)}.`,
        );
        return;
      }
      if (!opts.simulate) {
        refuse(
          'LIVE_DELIVERY_UNAVAILABLE',
          `Live delivery is not available: no ad platform is connected yet. Rehearse the plan in the market twin with: lodestone deliver ${runId} --simulate`,
        );
        return;
      }
      const lodestone = createLodestone({ config: ctx.config, logger: ctx.logger });
      const view = await (async () => {
        try {
          return lodestone.show(runId);
        } finally {
          // close() is synchronous or asynchronous depending on whether the instance opened memory.
          await Promise.resolve(lodestone.close());
        }
      })();
      const status = view.plan?.status ?? view.run.status;
      if (!view.plan || status !== 'planned') {
        const next =
          status === 'awaiting_approval'
            ? ` Approve it with: lodestone approve ${runId}`
            : ' Only an approved plan can be delivered; plan again with: lodestone plan "<goal>"';
        refuse(
          'NOT_APPROVED',
          `Run ${runId} cannot be delivered: expected status planned, received ${status}.${next}`,
          {
            expected: 'planned',
            received: status,
          },
        );
        return;
      }
      const plan = view.plan;
      const onProgress = process.stderr.isTTY
        ? (e: DeliveryProgress) =>
            process.stderr.write(
              `  day ${e.day}/${e.days}: spend ${amount(e.row.spend)} ${plan.bidPlan.currency}, ${count(e.row.conversions)} conversions, ${PHASE_LABEL[e.row.phase] ?? e.row.phase}\n`,
            )
        : undefined;
      const delivery = await deliverSimulated({
        plan,
        days: days ?? Math.min(MAX_DELIVERY_DAYS, plan.bidPlan.days),
        seed,
        ...(onProgress ? { onProgress } : {}),
      });
      process.stdout.write(json ? `${JSON.stringify(delivery)}\n` : `${renderDelivery(delivery)}\n`);
    });
}
