/**
 * Opens a report in headless Chromium and reads back what its charts did, for tests and CI. The
 * page marks `data-charts-rendered` / `data-charts-expected` on <body> once Chart.js has drawn and
 * each canvas has been checked for pixels.
 *
 * CI installs the browser with `apt-get update && apt-get install -y chromium`.
 */
import { execFileSync } from 'node:child_process';
import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';

/** Where Debian and Ubuntu install the browser. */
export const CHROMIUM_PATHS = ['/usr/bin/chromium', '/usr/bin/chromium-browser'] as const;

/** The first browser binary found, if any. */
export function chromiumPath(candidates: readonly string[] = CHROMIUM_PATHS): string | undefined {
  return candidates.find((c) => existsSync(c));
}

/** What the page reported after rendering. */
export interface RenderCheck {
  readonly expected: number;
  readonly rendered: number;
  /** Non-transparent pixels of each canvas, by id. */
  readonly inked: Readonly<Record<string, number>>;
  readonly dom: string;
}

/**
 * Loads an HTML file in headless Chromium (no network, throwaway profile) and returns the chart
 * marks of its DOM. Throws with the install command when Chromium is missing.
 *
 * @example
 * ```ts
 * const check = renderInChromium('/tmp/report.html');
 * check.rendered === check.expected;
 * ```
 */
export function renderInChromium(file: string, binary: string | undefined = chromiumPath()): RenderCheck {
  if (!binary)
    throw new Error(
      'Chromium is not installed: the report test needs it. Install it with `apt-get update && apt-get install -y chromium`.',
    );
  const profile = mkdtempSync(join(tmpdir(), 'lodestone-chromium-'));
  try {
    const dom = execFileSync(
      binary,
      [
        '--headless',
        '--no-sandbox',
        '--disable-gpu',
        '--disable-background-networking',
        '--disable-component-update',
        '--disable-sync',
        '--no-first-run',
        `--user-data-dir=${profile}`,
        '--virtual-time-budget=10000',
        '--dump-dom',
        pathToFileURL(file).href,
      ],
      { encoding: 'utf8', timeout: 90_000, stdio: ['ignore', 'pipe', 'ignore'], maxBuffer: 64 * 1024 * 1024 },
    );
    const attr = (name: string) => Number(new RegExp(`<body[^>]*\\s${name}="(\\d+)"`).exec(dom)?.[1] ?? NaN);
    const inked: Record<string, number> = {};
    for (const m of dom.matchAll(/<canvas[^>]*\sid="([^"]+)"[^>]*\sdata-inked-pixels="(\d+)"/g))
      inked[m[1]!] = Number(m[2]);
    return { expected: attr('data-charts-expected'), rendered: attr('data-charts-rendered'), inked, dom };
  } finally {
    rmSync(profile, { recursive: true, force: true });
  }
}
