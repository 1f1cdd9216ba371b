import { pino, type Logger, type DestinationStream } from 'pino';

export type { Logger };

/** Paths redacted from every log line, wherever they appear. */
export const REDACT_PATHS = [
  'apiKey',
  'openaiApiKey',
  'authorization',
  'password',
  '*.apiKey',
  '*.openaiApiKey',
  '*.authorization',
  '*.password',
  'headers.authorization',
  '*.headers.authorization',
  'config.openaiApiKey',
];

/**
 * The one root logger. Components take `logger.child({ component })`. Logs go to stderr so that
 * stdout stays clean for `--json` output.
 *
 * @example
 * ```ts
 * const log = createLogger({ level: 'info' }).child({ component: 'journal' });
 * log.info({ runId }, 'run created');
 * ```
 */
export function createLogger(options: { level?: string; destination?: DestinationStream } = {}): Logger {
  return pino(
    {
      level: options.level ?? 'warn',
      base: { app: 'lodestone' },
      redact: { paths: REDACT_PATHS, censor: '[redacted]' },
    },
    options.destination ?? pino.destination({ dest: 2, sync: true }),
  );
}

/** A logger that writes nothing, for library users who bring none. */
export function silentLogger(): Logger {
  return pino({ level: 'silent' });
}
