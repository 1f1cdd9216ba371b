/**
 * Test support: the real CLI (`bin/lodestone.js`) in a child process, so that loopback servers in
 * the test's own process can answer it. Not part of the package.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { join } from 'node:path';
import { TRACING_VARIABLES } from '../core/index.js';

/** The CLI entry point. */
export const BIN = join(import.meta.dirname, '..', '..', 'bin', 'lodestone.js');

/** The sample buyer thread (one message per line) that `support --thread` tests run. */
export const SAMPLE_THREAD = join(
  import.meta.dirname,
  '..',
  '..',
  'agents',
  'customer-service',
  'samples',
  'thread.jsonl',
);

/**
 * A CLI test's environment: this process's, without any model setting or tracing variable (so the
 * developer's own never leak in), with its own data dir and silent logs; `model` points LLM mode
 * at an OpenAI-compatible endpoint, `extra` adds or overrides variables.
 *
 * @example
 * ```ts
 * runCli(['support', '--thread', SAMPLE_THREAD, '--json'], cliEnv(dataDir, { baseURL: server.baseURL }));
 * ```
 */
export function cliEnv(
  dataDir: string,
  model?: { baseURL: string; name?: string },
  extra: Record<string, string> = {},
): NodeJS.ProcessEnv {
  const base: NodeJS.ProcessEnv = { ...process.env };
  for (const name of ['OPENAI_BASE_URL', 'OPENAI_API_KEY', 'LODESTONE_MODEL', ...TRACING_VARIABLES])
    delete base[name];
  return {
    ...base,
    LODESTONE_DATA_DIR: dataDir,
    LODESTONE_LOG_LEVEL: 'silent',
    ...(model === undefined
      ? {}
      : {
          LODESTONE_MODEL: `openai:${model.name ?? 'test-model'}`,
          OPENAI_BASE_URL: model.baseURL,
          OPENAI_API_KEY: 'sk-test-key',
        }),
    ...extra,
  };
}

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
