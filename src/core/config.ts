import { z } from 'zod';
import { ConfigError } from './errors.js';

const currencyCode = z
  .string()
  .regex(/^[A-Z]{3}$/, 'an ISO 4217 code such as CNY, GBP or USD')
  .describe('ISO 4217 currency code');

/**
 * The one configuration schema. Parsed once at the composition root from the environment,
 * frozen, and handed down; nothing else reads `process.env`.
 */
export const ConfigSchema = z.object({
  dataDir: z.string().min(1).default('.lodestone').describe('Where runs, journals and caches live'),
  currency: currencyCode.default('CNY').describe('Currency assumed when a goal names none'),
  logLevel: z.enum(['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent']).default('warn'),
  logPrompts: z.boolean().default(false).describe('Log prompt and completion bodies (off by default)'),
  model: z
    .string()
    .regex(/^(offline|openai:[\w.:/-]+)$/, 'offline or openai:<model>, e.g. openai:gpt-4o-mini')
    .default('offline'),
  openaiBaseUrl: z.url().optional(),
  openaiApiKey: z.string().min(1).optional(),
});

export type Config = Readonly<z.infer<typeof ConfigSchema>>;

/** Environment variable of each config key, for messages and the README. */
export const ENV_KEYS = {
  dataDir: 'LODESTONE_DATA_DIR',
  currency: 'LODESTONE_CURRENCY',
  logLevel: 'LODESTONE_LOG_LEVEL',
  logPrompts: 'LODESTONE_LOG_PROMPTS',
  model: 'LODESTONE_MODEL',
  openaiBaseUrl: 'OPENAI_BASE_URL',
  openaiApiKey: 'OPENAI_API_KEY',
} as const satisfies Record<keyof z.infer<typeof ConfigSchema>, string>;

/**
 * Reads the config from an environment (normally `process.env`), reporting every bad key at once.
 *
 * @example
 * ```ts
 * const config = loadConfig({ LODESTONE_DATA_DIR: '/tmp/ls' });
 * config.currency; // 'CNY'
 * ```
 */
export function loadConfig(env: Readonly<Record<string, string | undefined>>): Config {
  const raw: Record<string, unknown> = {};
  for (const [key, name] of Object.entries(ENV_KEYS)) {
    const value = env[name];
    if (value === undefined || value === '') continue;
    raw[key] = key === 'logPrompts' ? ['1', 'true', 'yes'].includes(value.toLowerCase()) : value;
  }
  if (typeof raw.currency === 'string') raw.currency = raw.currency.toUpperCase();
  const parsed = ConfigSchema.safeParse(raw);
  if (!parsed.success) {
    throw new ConfigError(
      parsed.error.issues.map((issue) => {
        const key = String(issue.path[0] ?? '');
        return { key: ENV_KEYS[key as keyof typeof ENV_KEYS] ?? key, message: issue.message };
      }),
    );
  }
  return Object.freeze(parsed.data);
}
