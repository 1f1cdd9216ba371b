import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { parse } from 'csv-parse/sync';
import { DataError } from '../../src/core/index.js';

/** One line of a UCI Online Retail invoice. */
export interface RetailLine {
  invoice: string;
  stockCode: string;
  description: string;
  quantity: number;
  date: string; // YYYY-MM-DD
  unitPrice: number;
  customerId: string | undefined;
  country: string;
  cancelled: boolean;
}

/**
 * Stock codes that are not products (postage, fees, manual adjustments, vouchers). The dataset's
 * SOURCE.md lists them; basket and catalog tasks drop them.
 */
export function isProductCode(code: string): boolean {
  if (/^(POST|DOT|M|m|D|S|C2|CRUK|PADS|B|AMAZONFEE|BANK CHARGES)$/.test(code)) return false;
  if (code.toLowerCase().startsWith('gift_')) return false;
  return /^\d{5}[A-Za-z]{0,2}$/.test(code);
}

/**
 * Reads every `by-day/*.csv` file of the UCI Online Retail slice, in date order.
 *
 * @example
 * ```ts
 * const lines = readOnlineRetail('data/online-retail');
 * ```
 */
export function readOnlineRetail(dir: string, range: { from?: string; to?: string } = {}): RetailLine[] {
  const dayDir = join(dir, 'by-day');
  let files: string[];
  try {
    files = readdirSync(dayDir)
      .filter((f) => f.endsWith('.csv'))
      .sort();
  } catch (cause) {
    throw new DataError(`Cannot read the Online Retail data in ${dayDir}`, { cause });
  }
  const lines: RetailLine[] = [];
  for (const file of files) {
    const day = file.slice(0, 10);
    if ((range.from && day < range.from) || (range.to && day > range.to)) continue;
    const rows = parse<Record<string, string>>(readFileSync(join(dayDir, file)), {
      columns: true,
      skip_empty_lines: true,
    });
    for (const row of rows) {
      const invoice = row.InvoiceNo ?? '';
      const customer = row.CustomerID?.trim();
      lines.push({
        invoice,
        // Codes differ only in case for the same product (85123a/85123A): one product, one id.
        stockCode: (row.StockCode ?? '').trim().toUpperCase(),
        description: (row.Description ?? '').trim().replace(/\s+/g, ' '),
        quantity: Number(row.Quantity),
        date: (row.InvoiceDate ?? '').slice(0, 10),
        unitPrice: Number(row.UnitPrice),
        customerId: customer ? String(Math.round(Number(customer))) : undefined,
        country: row.Country ?? '',
        cancelled: invoice.startsWith('C'),
      });
    }
  }
  if (lines.length === 0) throw new DataError(`No Online Retail rows found in ${dayDir}`);
  return lines;
}

/** Lines that are real, positive product sales (no cancellations, fees or zero prices). */
export function salesLines(lines: readonly RetailLine[]): RetailLine[] {
  return lines.filter(
    (l) =>
      !l.cancelled && l.quantity > 0 && l.unitPrice > 0 && isProductCode(l.stockCode) && l.description !== '',
  );
}
