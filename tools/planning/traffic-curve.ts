import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { DataError } from '../../src/core/index.js';

export const DEFAULT_TRAFFIC_FILE = join(
  import.meta.dirname,
  '..',
  '..',
  'data',
  'avito-bat-traffic-share',
  'traffic_share.csv',
);

const cache = new Map<string, number[]>();

/**
 * The share of a day's ad traffic in each of its 24 hours, from real Avito traffic shares
 * (all regions and weekdays pooled). Sums to 1.
 *
 * @example
 * ```ts
 * hourlyTrafficCurve()[11]; // ≈ 0.073, the late-morning peak
 * ```
 */
export function hourlyTrafficCurve(file: string = DEFAULT_TRAFFIC_FILE): readonly number[] {
  const cached = cache.get(file);
  if (cached) return cached;
  let text: string;
  try {
    text = readFileSync(file, 'utf8');
  } catch (cause) {
    throw new DataError(`Cannot read the traffic curve ${file}`, { cause });
  }
  const hours = new Array<number>(24).fill(0);
  for (const line of text.trim().split('\n').slice(1)) {
    const [, , hour, share] = line.split(',');
    const h = Number(hour);
    const s = Number(share);
    if (!Number.isInteger(h) || h < 0 || h > 23 || !Number.isFinite(s)) {
      throw new DataError(`Bad row in ${file}: ${line}`);
    }
    hours[h]! += s;
  }
  const total = hours.reduce((a, b) => a + b, 0);
  const curve = hours.map((x) => x / total);
  cache.set(file, curve);
  return curve;
}
