/**
 * Rebuilds data/derived/ (catalog, users, co-purchase rules) from the real UCI Online Retail
 * invoices in data/online-retail. Deterministic: the same input gives byte-identical files.
 *
 *   npm run data:build
 */
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { deriveCatalog, deriveUsers, mineRules } from '../tools/catalog/derive.js';
import { readOnlineRetail, salesLines } from '../tools/catalog/online-retail.js';

const root = join(import.meta.dirname, '..');
const out = join(root, 'data', 'derived');
mkdirSync(out, { recursive: true });

const sales = salesLines(readOnlineRetail(join(root, 'data', 'online-retail')));
const catalog = deriveCatalog(sales);
const known = new Set(catalog.map((p) => p.id));
const users = deriveUsers(sales, known);
const rules = mineRules(sales, { known });

writeFileSync(join(out, 'catalog.json'), JSON.stringify(catalog) + '\n');
// Users as compact rows [productId, date, quantity, invoice] to keep the file small.
writeFileSync(
  join(out, 'users.json'),
  JSON.stringify(
    users.map((u) => ({
      id: u.id,
      country: u.country,
      purchases: u.purchases.map((p) => [p.productId, p.date, p.quantity, p.invoice]),
    })),
  ) + '\n',
);
writeFileSync(join(out, 'rules.json'), JSON.stringify(rules) + '\n');
process.stderr.write(
  `data:build: ${sales.length} sales lines -> ${catalog.length} products, ${users.length} users, ${rules.length} rules in ${out}\n`,
);
