/**
 * Test support: the real CLI (`bin/lodestone.js`) in a child process, so that loopback servers in
 * the test's own process can answer it. Not part of the package.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { join } from 'node:path';

/** The CLI entry point. */
export const BIN = join(import.meta.dirname, '..', '..', 'bin', 'lodestone.js');

/** How a CLI process ended, and what it printed. */
export interface CliOutcome {
  readonly code: number | null;
  readonly signal: NodeJS.Signals | null;
  readonly stdout: string;
  readonly stderr: string;
}

/**
 * Starts the CLI without blocking this process; `done` settles when it exits.
 *
 * @example
 * ```ts
 * const { child, done } = spawnCli(['plan', goal, '--json'], env);
 * child.kill('SIGKILL');
 * (await done).signal; // 'SIGKILL'
 * ```
 */
export function spawnCli(
  args: readonly string[],
  environment: NodeJS.ProcessEnv,
  options: { stdin?: string; nodeArgs?: readonly string[] } = {},
): { child: ChildProcess; done: Promise<CliOutcome> } {
  const child = spawn(process.execPath, [...(options.nodeArgs ?? []), BIN, ...args], { env: environment });
  child.stdin?.end(options.stdin ?? '');
  let stdout = '';
  let stderr = '';
  child.stdout?.on('data', (d: Buffer) => (stdout += d.toString()));
  child.stderr?.on('data', (d: Buffer) => (stderr += d.toString()));
  const done = new Promise<CliOutcome>((resolve) =>
    child.on('close', (code, signal) => resolve({ code, signal, stdout, stderr })),
  );
  return { child, done };
}

/**
 * Runs the CLI to its end.
 *
 * @example
 * ```ts
 * const { code, stdout } = await runCli(['support', '--thread', file, '--json'], env);
 * ```
 */
export function runCli(
  args: readonly string[],
  environment: NodeJS.ProcessEnv,
  stdin = '',
): Promise<CliOutcome> {
  return spawnCli(args, environment, { stdin }).done;
}
