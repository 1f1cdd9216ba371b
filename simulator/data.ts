import { readFileSync } from 'node:fs';
import { DataError, InvalidInputError } from '../src/core/index.js';

/** One advertiser's campaign: its industry category, its budget for the period and its target CPA. */
export interface Campaign {
  /** Position among the market's advertisers, 0-based. */
  readonly index: number;
  /** Industry category, 0-based; advertisers of a category compete for the same in-market users. */
  readonly category: number;
  /** Budget for the whole episode (one day), in simulator currency. */
  readonly budget: number;
  /** Target cost per conversion; the AuctionNet score penalises a realised CPA above it. */
  readonly targetCpa: number;
}

const DATA_DIR = new URL('../data/', import.meta.url);

function readCsv(relative: string): string[][] {
  const url = new URL(relative, DATA_DIR);
  let text: string;
  try {
    text = readFileSync(url, 'utf8');
  } catch (cause) {
    throw new DataError(`Cannot read ${url.pathname}; the shipped data folder is incomplete.`, {
      cause,
      context: { file: url.pathname },
    });
  }
  return text
    .trim()
    .split(/\r?\n/)
    .slice(1)
    .map((line) => line.split(','));
}

function numberAt(row: readonly string[], column: number, file: string): number {
  const value = Number(row[column]);
  if (!Number.isFinite(value)) {
    throw new DataError(`Bad number in ${file}: column ${column} of row "${row.join(',')}".`, {
      context: { file, column },
    });
  }
  return value;
}

let auctionNetCache: { campaigns: readonly Campaign[]; trafficCurve: readonly number[] } | undefined;

/**
 * The AuctionNet default environment (data/auctionnet-config): 48 campaigns (6 categories × 8, budgets
 * 2,000–4,850, target CPA 60–130) and the 48-tick intra-day traffic curve (sums to 1).
 *
 * @example
 * ```ts
 * const { campaigns, trafficCurve } = loadAuctionNetConfig();
 * campaigns.length; // 48
 * ```
 */
export function loadAuctionNetConfig(): { campaigns: readonly Campaign[]; trafficCurve: readonly number[] } {
  if (auctionNetCache) return auctionNetCache;
  const advertisersFile = 'auctionnet-config/advertisers.csv';
  const campaigns = readCsv(advertisersFile).map((row): Campaign =>
    Object.freeze({
      index: numberAt(row, 0, advertisersFile),
      category: numberAt(row, 1, advertisersFile),
      budget: numberAt(row, 2, advertisersFile),
      targetCpa: numberAt(row, 3, advertisersFile),
    }),
  );
  const trafficFile = 'auctionnet-config/traffic_profile_48.csv';
  const raw = readCsv(trafficFile).map((row) => numberAt(row, 1, trafficFile));
  const total = raw.reduce((a, b) => a + b, 0);
  const trafficCurve = raw.map((x) => x / total);
  if (campaigns.length !== 48 || trafficCurve.length !== 48) {
    throw new DataError(
      `Expected 48 campaigns and 48 traffic ticks in data/auctionnet-config, found ${campaigns.length} and ${trafficCurve.length}.`,
    );
  }
  auctionNetCache = Object.freeze({
    campaigns: Object.freeze(campaigns),
    trafficCurve: Object.freeze(trafficCurve),
  });
  return auctionNetCache;
}

/**
 * A real intra-day traffic curve from Avito's hourly × weekday shares (data/avito-bat-traffic-share),
 * split into `ticks` equal ticks (each hour's share spread evenly over its ticks) and normalised to 1.
 *
 * @param options.region Avito region id; default 637640, the benchmark's "most popular" region.
 * @param options.dow Day of week, 1 = Monday … 7 = Sunday; default 3.
 * @param options.ticks Ticks per day, a multiple of 24; default 48.
 * @example
 * ```ts
 * const curve = loadAvitoTrafficCurve({ dow: 6 }); // a Saturday, 48 half-hour ticks
 * ```
 */
export function loadAvitoTrafficCurve(
  options: { region?: number; dow?: number; ticks?: number } = {},
): number[] {
  const region = options.region ?? 637640;
  const dow = options.dow ?? 3;
  const ticks = options.ticks ?? 48;
  if (ticks % 24 !== 0 || ticks <= 0)
    throw new InvalidInputError('ticks', 'a positive multiple of 24', ticks);
  const file = 'avito-bat-traffic-share/traffic_share.csv';
  const hours = new Array<number>(24).fill(0);
  let found = 0;
  for (const row of readCsv(file)) {
    if (numberAt(row, 0, file) !== region || numberAt(row, 1, file) !== dow) continue;
    hours[numberAt(row, 2, file)] = numberAt(row, 3, file);
    found++;
  }
  if (found !== 24)
    throw new InvalidInputError(
      'Avito region and day',
      'a region id and dow present in the data',
      `${region}/${dow}`,
    );
  const total = hours.reduce((a, b) => a + b, 0);
  const perHour = ticks / 24;
  return Array.from({ length: ticks }, (_, t) => (hours[Math.floor(t / perHour)] ?? 0) / total / perHour);
}
