import { z } from 'zod';
import { ConfigError } from './errors.js';
import { MODEL_ID_FORMAT, modelIdMessage } from './model/model-id.js';

const currencyCode = z
  .string()
  .regex(/^[A-Z]{3}$/, 'an ISO 4217 code such as CNY, GBP or USD')
  .describe('ISO 4217 currency code');

/** A positive number read from an environment string. */
const positive = (what: string) =>
  z.coerce
    .number({ error: `expected ${what}` })
    .refine((n) => Number.isFinite(n) && n > 0, `expected ${what} greater than 0`)
    .optional();
const positiveInt = (what: string) =>
  z.coerce
    .number({ error: `expected ${what}` })
    .refine((n) => Number.isInteger(n) && n > 0, `expected ${what}: a whole number greater than 0`)
    .optional();

/** The limits one budget scope may set (all optional; unset means the runtime's default). */
export const BudgetLimitsSchema = z.object({
  steps: z.number().int().positive().optional(),
  tokens: z.number().int().positive().optional(),
  usd: z.number().positive().optional(),
  wallTimeMs: z.number().int().positive().optional(),
});
export type BudgetLimitsConfig = z.infer<typeof BudgetLimitsSchema>;

const BUDGET_KEYS: Readonly<Record<string, keyof BudgetLimitsConfig>> = {
  steps: 'steps',
  tokens: 'tokens',
  usd: 'usd',
  seconds: 'wallTimeMs',
  wall: 'wallTimeMs',
};
const AGENT_BUDGETS_FORMAT =
  '<agent>:<limit>=<n>[,<limit>=<n>…][;<agent>:…] with limits steps, tokens, usd, seconds, e.g. "bid-strategist:steps=6,usd=0.05;audience-reasoner:tokens=60000"';

/**
 * Parses `LODESTONE_AGENT_BUDGETS`: per-agent limits that override the per-agent defaults.
 *
 * @example
 * ```ts
 * parseAgentBudgets('bid-strategist:steps=6,usd=0.05'); // { 'bid-strategist': { steps: 6, usd: 0.05 } }
 * ```
 */
export function parseAgentBudgets(text: string): Record<string, BudgetLimitsConfig> {
  const out: Record<string, BudgetLimitsConfig> = {};
  for (const part of text
    .split(';')
    .map((p) => p.trim())
    .filter(Boolean)) {
    const match = /^([a-z][\w-]*)\s*:\s*(.+)$/i.exec(part);
    if (!match?.[1] || !match[2])
      throw new Error(`expected ${AGENT_BUDGETS_FORMAT}; received ${JSON.stringify(part)}`);
    const limits: Record<string, number> = {};
    for (const pair of match[2].split(',')) {
      const [rawKey = '', rawValue = ''] = pair.split('=').map((s) => s.trim());
      const key = BUDGET_KEYS[rawKey.toLowerCase()];
      const value = Number(rawValue);
      if (!key || !(Number.isFinite(value) && value > 0))
        throw new Error(`expected ${AGENT_BUDGETS_FORMAT}; received ${JSON.stringify(pair.trim())}`);
      limits[key] = key === 'wallTimeMs' ? Math.round(value * 1000) : value;
    }
    out[match[1]] = BudgetLimitsSchema.parse(limits);
  }
  return out;
}

/** How `LODESTONE_EMBEDDINGS` is written. */
export const EMBEDDINGS_FORMAT =
  '"offline" (the default: n-gram features, no network) or "openai:<model>/<dimensions>", e.g. "openai:text-embedding-3-small/1536" or "openai:nomic-embed-text/768" for Ollama';

/**
 * The one configuration schema. Parsed once at the composition root from the environment,
 * frozen, and handed down; nothing else reads `process.env`.
 */
export const ConfigSchema = z
  .object({
    dataDir: z.string().min(1).default('.lodestone').describe('Where runs, journals and caches live'),
    currency: currencyCode.default('CNY').describe('Currency assumed when a goal names none'),
    logLevel: z.enum(['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent']).default('warn'),
    logPrompts: z.boolean().default(false).describe('Log prompt and completion bodies (off by default)'),
    model: z
      .string()
      .trim()
      .refine((s) => /^(offline|openai:[\w.:/@-]+)$/.test(s), {
        error: (i) => modelIdMessage(String(i.input)),
      })
      .default('offline')
      .describe(MODEL_ID_FORMAT),
    embeddings: z
      .string()
      .trim()
      .refine((s) => /^(offline|openai:[\w.:@-]+\/\d+)$/.test(s), {
        error: (i) => `expected ${EMBEDDINGS_FORMAT}; received ${JSON.stringify(String(i.input))}`,
      })
      .default('offline')
      .describe(EMBEDDINGS_FORMAT),
    openaiBaseUrl: z.url().optional(),
    openaiApiKey: z.string().min(1).optional(),
    /** Per-call timeout of a model request; a timeout is retried. */
    modelTimeoutMs: positiveInt('milliseconds').default(60_000),
    /** Retries of a call after a 429, a 5xx, a timeout or a dropped connection. */
    modelRetries: z.coerce
      .number({ error: 'expected a whole number of retries' })
      .refine((n) => Number.isInteger(n) && n >= 0 && n <= 10, 'expected a whole number from 0 to 10')
      .default(3),
    /** `input,output` US dollars per 1M tokens for the configured model (e.g. `0,0` for a local server). */
    modelPrice: z
      .string()
      .regex(
        /^\s*\d+(\.\d+)?\s*,\s*\d+(\.\d+)?\s*$/,
        'expected "<input>,<output>" USD per 1M tokens, e.g. "0.15,0.6" or "0,0"',
      )
      .optional(),
    budgetSteps: positiveInt('a number of model calls per run'),
    budgetTokens: positiveInt('a number of tokens per run'),
    budgetUsd: positive('US dollars per run'),
    budgetWallSeconds: positive('seconds per run'),
    agentBudgetSteps: positiveInt('a number of model calls per agent'),
    agentBudgetTokens: positiveInt('a number of tokens per agent'),
    agentBudgetUsd: positive('US dollars per agent'),
    agentBudgetWallSeconds: positive('seconds per agent'),
    agentBudgets: z
      .string()
      .transform((text, ctx) => {
        try {
          return parseAgentBudgets(text);
        } catch (error) {
          ctx.addIssue({ code: 'custom', message: (error as Error).message });
          return z.NEVER;
        }
      })
      .optional(),
    /** True when LangChain's tracing variables are on: LLM mode refuses to run (it would send traces out). */
    tracing: z.boolean().default(false),
  })
  .superRefine((config, ctx) => {
    if (config.tracing && config.model.startsWith('openai:'))
      ctx.addIssue({ code: 'custom', path: ['tracing'], message: TRACING_MESSAGE });
  });

export type Config = Readonly<z.infer<typeof ConfigSchema>>;

/** The variables with which LangChain turns on LangSmith tracing (value `true`). */
export const TRACING_VARIABLES = [
  'LANGSMITH_TRACING',
  'LANGSMITH_TRACING_V2',
  'LANGCHAIN_TRACING_V2',
  'LANGCHAIN_TRACING',
] as const;

/** Why LLM mode refuses LangChain tracing. */
export const TRACING_MESSAGE = `is on, which would make LangChain send every prompt and completion to LangSmith. Lodestone talks to no host but the configured model endpoint: unset ${TRACING_VARIABLES.join(', ')} (or set them to false), or set LODESTONE_MODEL=offline`;

/** Environment variable of each config key, for messages and the README. */
export const ENV_KEYS = {
  dataDir: 'LODESTONE_DATA_DIR',
  currency: 'LODESTONE_CURRENCY',
  logLevel: 'LODESTONE_LOG_LEVEL',
  logPrompts: 'LODESTONE_LOG_PROMPTS',
  model: 'LODESTONE_MODEL',
  embeddings: 'LODESTONE_EMBEDDINGS',
  openaiBaseUrl: 'OPENAI_BASE_URL',
  openaiApiKey: 'OPENAI_API_KEY',
  modelTimeoutMs: 'LODESTONE_MODEL_TIMEOUT_MS',
  modelRetries: 'LODESTONE_MODEL_RETRIES',
  modelPrice: 'LODESTONE_MODEL_PRICE',
  budgetSteps: 'LODESTONE_BUDGET_STEPS',
  budgetTokens: 'LODESTONE_BUDGET_TOKENS',
  budgetUsd: 'LODESTONE_BUDGET_USD',
  budgetWallSeconds: 'LODESTONE_BUDGET_WALL_SECONDS',
  agentBudgetSteps: 'LODESTONE_AGENT_BUDGET_STEPS',
  agentBudgetTokens: 'LODESTONE_AGENT_BUDGET_TOKENS',
  agentBudgetUsd: 'LODESTONE_AGENT_BUDGET_USD',
  agentBudgetWallSeconds: 'LODESTONE_AGENT_BUDGET_WALL_SECONDS',
  agentBudgets: 'LODESTONE_AGENT_BUDGETS',
  tracing: 'LANGSMITH_TRACING',
} as const satisfies Record<keyof z.infer<typeof ConfigSchema>, string>;

const BOOLEAN_KEYS = new Set<string>(['logPrompts', 'tracing']);

/**
 * Reads the config from an environment (normally `process.env`), reporting every bad key at once.
 *
 * @example
 * ```ts
 * const config = loadConfig({ LODESTONE_DATA_DIR: '/tmp/ls', LODESTONE_BUDGET_USD: '0.5' });
 * config.currency; // 'CNY'
 * config.budgetUsd; // 0.5
 * ```
 */
export function loadConfig(env: Readonly<Record<string, string | undefined>>): Config {
  const raw: Record<string, unknown> = {};
  for (const [key, name] of Object.entries(ENV_KEYS)) {
    const value = env[name];
    if (value === undefined || value === '' || key === 'tracing') continue;
    raw[key] = BOOLEAN_KEYS.has(key) ? ['1', 'true', 'yes'].includes(value.toLowerCase()) : value;
  }
  // LangChain's own rule: tracing is on when one of these is exactly "true".
  const tracingOn = TRACING_VARIABLES.filter((name) => env[name] === 'true');
  if (tracingOn.length > 0) raw.tracing = true;
  if (typeof raw.currency === 'string') raw.currency = raw.currency.toUpperCase();
  const parsed = ConfigSchema.safeParse(raw);
  if (!parsed.success) {
    throw new ConfigError(
      parsed.error.issues.map((issue) => {
        const key = String(issue.path[0] ?? '');
        const name = key === 'tracing' ? tracingOn.join(', ') : ENV_KEYS[key as keyof typeof ENV_KEYS];
        return { key: name ?? key, message: issue.message };
      }),
    );
  }
  return Object.freeze(parsed.data);
}
