// Fits PROPENSITY_WEIGHTS on the validation task inside the history: Dec 2010 histories → Jan 2011
// buyers (never February). Chooses on half the products (hash split), checks on the other half,
// then refits on all and prints the weights. Deterministic: Newton (IRLS) with a small L2.
// Run: npx tsx scripts/fit-propensity.ts
import { createHash } from 'node:crypto';
import { ONLINE_RETAIL_DIR } from '../evals/datasets/index.js';
import { auc, recallAtK } from '../evals/scorers/index.js';
import type { AssociationRule } from '../src/core/index.js';
import {
  buyerPropensity,
  PROPENSITY_WEIGHTS,
  PurchaseIndex,
  type PropensityFeatures,
} from '../tools/audience/buyer-propensity.js';
import {
  deriveCatalog,
  deriveUsers,
  mineRules,
  readOnlineRetail,
  salesLines,
} from '../tools/catalog/index.js';

const CUT = '2011-01-01';
const END = '2011-02-01';
const sales = salesLines(readOnlineRetail(ONLINE_RETAIL_DIR)).filter((l) => l.date < END);
const history = sales.filter((l) => l.date < CUT);
const users = deriveUsers(history, new Set(history.map((l) => l.stockCode)));
const known = new Set(users.map((u) => u.id));
const target = new Map<string, Set<string>>();
for (const l of sales) {
  if (l.date < CUT || !l.customerId || !known.has(l.customerId)) continue;
  let s = target.get(l.stockCode);
  if (!s) target.set(l.stockCode, (s = new Set()));
  s.add(l.customerId);
}
const all = new Map<string, number>();
for (const l of sales) if (l.date >= CUT && l.customerId) all.set(l.stockCode, 0);
const janBuyers = new Map<string, Set<string>>();
for (const l of sales)
  if (l.date >= CUT && l.customerId) {
    let s = janBuyers.get(l.stockCode);
    if (!s) janBuyers.set(l.stockCode, (s = new Set()));
    s.add(l.customerId);
  }
const share = (s: string) => createHash('sha256').update(s).digest().readUInt32BE(0) / 2 ** 32;
const tasks = [...janBuyers]
  .filter(([, b]) => b.size >= 20)
  .map(([id]) => ({ id, buyers: target.get(id) ?? new Set<string>(), fit: share(`val:${id}`) < 0.5 }))
  .sort((a, b) => a.id.localeCompare(b.id));
const rulesTo = new Map<string, AssociationRule[]>();
for (const r of mineRules(history, { minCount: 8, perItem: 100 })) {
  const l = rulesTo.get(r.to);
  if (l) l.push(r);
  else rulesTo.set(r.to, [r]);
}
const price = new Map(deriveCatalog(history, { minOrders: 1 }).map((p) => [p.id, p.price]));
const index = new PurchaseIndex(users, { before: CUT, priceOf: (id) => price.get(id) });
const KEYS = Object.keys(PROPENSITY_WEIGHTS).filter((k) => k !== 'intercept') as (keyof PropensityFeatures)[];
const rows = tasks.map((t) => ({
  t,
  scored: buyerPropensity(index, t.id, rulesTo.get(t.id) ?? []).sort((a, b) =>
    a.userId.localeCompare(b.userId),
  ),
}));
console.log(
  `validation: ${users.length} customers, ${tasks.length} products (${tasks.filter((t) => t.fit).length} to choose on)`,
);

function evaluate(
  score: (r: (typeof rows)[number]['scored'][number]) => number,
  which: 'fit' | 'check' | 'all',
) {
  let a = 0,
    rc = 0,
    n = 0;
  for (const { t, scored } of rows) {
    if ((which === 'fit' && !t.fit) || (which === 'check' && t.fit)) continue;
    const s = scored.map(score);
    a += auc(
      s,
      scored.map((r) => t.buyers.has(r.userId)),
    );
    const ranked = scored
      .map((r, i) => ({ id: r.userId, s: s[i]! }))
      .sort((p, q) => q.s - p.s || p.id.localeCompare(q.id))
      .map((p) => p.id);
    rc += recallAtK(ranked, t.buyers, 50);
    n++;
  }
  return `AUC ${(a / n).toFixed(3)} recall@50 ${(rc / n).toFixed(3)} (${n})`;
}
// RF baseline (invoices then last day) and the previous policy, on the same task.
const last = new Map(users.map((u) => [u.id, u.purchases.reduce((m, p) => (p.date > m ? p.date : m), '')]));
const days = [...new Set(last.values())].sort();
const inv = new Map(users.map((u) => [u.id, new Set(u.purchases.map((p) => p.invoice)).size]));
const maxF = Math.max(...inv.values());
const act = (id: string) => (inv.get(id)! + days.indexOf(last.get(id)!) / days.length) / (maxF + 1);
for (const w of ['fit', 'check'] as const) {
  console.log(
    `${w}: recency-frequency`,
    evaluate((r) => act(r.userId), w),
  );
  console.log(
    `${w}: previous policy  `,
    evaluate((r) => (r.pastBuyer ? 1 : 0.5 * r.features.rules) + 0.5 * act(r.userId), w),
  );
  console.log(
    `${w}: shipped weights  `,
    evaluate((r) => r.score, w),
  );
}

function fit(which: 'fit' | 'all', l2 = 1e-4) {
  const X: number[][] = [],
    y: number[] = [];
  for (const { t, scored } of rows) {
    if (which === 'fit' && !t.fit) continue;
    for (const r of scored) {
      X.push(KEYS.map((k) => r.features[k]));
      y.push(t.buyers.has(r.userId) ? 1 : 0);
    }
  }
  const d = KEYS.length;
  const mu = new Array<number>(d).fill(0),
    sd = new Array<number>(d).fill(0);
  for (const x of X) x.forEach((v, k) => (mu[k]! += v / X.length));
  for (const x of X) x.forEach((v, k) => (sd[k]! += (v - mu[k]!) ** 2 / X.length));
  for (let k = 0; k < d; k++) sd[k] = Math.sqrt(sd[k]!) || 1;
  const Z = X.map((x) => [1, ...x.map((v, k) => (v - mu[k]!) / sd[k]!)]);
  let w = new Array<number>(d + 1).fill(0);
  for (let it = 0; it < 30; it++) {
    const g = new Array<number>(d + 1).fill(0);
    const H = Array.from({ length: d + 1 }, () => new Array<number>(d + 1).fill(0));
    for (let i = 0; i < Z.length; i++) {
      const z = Z[i]!;
      const p = 1 / (1 + Math.exp(-z.reduce((s, v, k) => s + v * w[k]!, 0)));
      const e = p - y[i]!,
        q = p * (1 - p);
      for (let a = 0; a <= d; a++) {
        g[a]! += e * z[a]!;
        for (let b = 0; b <= d; b++) H[a]![b]! += q * z[a]! * z[b]!;
      }
    }
    for (let a = 1; a <= d; a++) {
      g[a]! += l2 * Z.length * w[a]!;
      H[a]![a]! += l2 * Z.length;
    }
    const step = solve(H, g);
    w = w.map((v, k) => v - step[k]!);
    if (Math.max(...step.map(Math.abs)) < 1e-9) break;
  }
  const raw = w.slice(1).map((v, k) => v / sd[k]!);
  return {
    intercept: w[0]! - raw.reduce((s, v, k) => s + v * mu[k]!, 0),
    ...Object.fromEntries(KEYS.map((k, j) => [k, raw[j]!])),
  } as Record<string, number>;
}
function solve(A: number[][], b: number[]): number[] {
  const n = b.length;
  const M = A.map((r, i) => [...r, b[i]!]);
  for (let c = 0; c < n; c++) {
    let p = c;
    for (let r = c + 1; r < n; r++) if (Math.abs(M[r]![c]!) > Math.abs(M[p]![c]!)) p = r;
    [M[c], M[p]] = [M[p]!, M[c]!];
    for (let r = 0; r < n; r++) {
      if (r === c) continue;
      const f = M[r]![c]! / M[c]![c]!;
      for (let k = c; k <= n; k++) M[r]![k]! -= f * M[c]![k]!;
    }
  }
  return M.map((r, i) => r[n]! / r[i]!);
}
const logit = (w: Record<string, number>) => (r: (typeof rows)[number]['scored'][number]) =>
  w.intercept! + KEYS.reduce((s, k) => s + w[k]! * r.features[k], 0);
const half = fit('fit');
console.log(
  'fitted on the fit half:',
  evaluate(logit(half), 'fit'),
  '| check:',
  evaluate(logit(half), 'check'),
);
const full = fit('all');
console.log('refitted on all:', evaluate(logit(full), 'all'));
const round3 = (x: number) => Math.round(x * 1000) / 1000;
console.log(JSON.stringify(Object.fromEntries(Object.entries(full).map(([k, v]) => [k, round3(v)]))));
console.log(
  'half weights:',
  JSON.stringify(Object.fromEntries(Object.entries(half).map(([k, v]) => [k, round3(v)]))),
);
