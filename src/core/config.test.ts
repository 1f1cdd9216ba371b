import { describe, expect, it } from 'vitest';
import { loadConfig } from './config.js';
import { ConfigError } from './errors.js';

describe('loadConfig', () => {
  it('applies defaults and freezes', () => {
    const config = loadConfig({});
    expect(config).toMatchObject({
      dataDir: '.lodestone',
      currency: 'CNY',
      logLevel: 'warn',
      model: 'offline',
    });
    expect(Object.isFrozen(config)).toBe(true);
  });
  it('reads the environment variables', () => {
    const config = loadConfig({
      LODESTONE_DATA_DIR: '/tmp/x',
      LODESTONE_CURRENCY: 'gbp',
      LODESTONE_LOG_LEVEL: 'debug',
    });
    expect(config).toMatchObject({ dataDir: '/tmp/x', currency: 'GBP', logLevel: 'debug' });
  });
  it('reports every bad key at once, by its variable name', () => {
    try {
      loadConfig({ LODESTONE_CURRENCY: 'pounds', LODESTONE_LOG_LEVEL: 'loud', LODESTONE_MODEL: 'gpt4' });
      expect.unreachable();
    } catch (error) {
      expect(error).toBeInstanceOf(ConfigError);
      const keys = (error as ConfigError).issues.map((i) => i.key).sort();
      expect(keys).toEqual(['LODESTONE_CURRENCY', 'LODESTONE_LOG_LEVEL', 'LODESTONE_MODEL']);
      expect((error as ConfigError).exitCode).toBe(2);
    }
  });
});

describe('loadConfig: LLM mode', () => {
  it('shows the expected model id format for a bad LODESTONE_MODEL', () => {
    expect(() => loadConfig({ LODESTONE_MODEL: 'gpt-4o' })).toThrow(
      /LODESTONE_MODEL: expected offline, or openai:<model> \(e\.g\. openai:gpt-4o-mini.*received "gpt-4o"/,
    );
    expect(loadConfig({ LODESTONE_MODEL: 'openai:qwen2.5:7b-instruct' }).model).toBe(
      'openai:qwen2.5:7b-instruct',
    );
  });

  it('reads run and agent budgets, call timeout, retries and a price override', () => {
    const config = loadConfig({
      LODESTONE_BUDGET_STEPS: '40',
      LODESTONE_BUDGET_TOKENS: '500000',
      LODESTONE_BUDGET_USD: '0.75',
      LODESTONE_BUDGET_WALL_SECONDS: '300',
      LODESTONE_AGENT_BUDGET_STEPS: '10',
      LODESTONE_AGENT_BUDGET_USD: '0.2',
      LODESTONE_AGENT_BUDGETS: 'bid-strategist:steps=6,usd=0.05; audience-reasoner:tokens=60000,seconds=90',
      LODESTONE_MODEL_TIMEOUT_MS: '20000',
      LODESTONE_MODEL_RETRIES: '0',
      LODESTONE_MODEL_PRICE: '0,0',
    });
    expect(config).toMatchObject({
      budgetSteps: 40,
      budgetTokens: 500_000,
      budgetUsd: 0.75,
      budgetWallSeconds: 300,
      agentBudgetSteps: 10,
      agentBudgetUsd: 0.2,
      agentBudgets: {
        'bid-strategist': { steps: 6, usd: 0.05 },
        'audience-reasoner': { tokens: 60_000, wallTimeMs: 90_000 },
      },
      modelTimeoutMs: 20_000,
      modelRetries: 0,
      modelPrice: '0,0',
    });
    expect(loadConfig({})).toMatchObject({ modelTimeoutMs: 60_000, modelRetries: 3 });
    expect(loadConfig({}).budgetUsd).toBeUndefined();
  });

  it('reports every bad budget variable at once, by name, with what was expected', () => {
    try {
      loadConfig({
        LODESTONE_BUDGET_USD: 'lots',
        LODESTONE_BUDGET_STEPS: '2.5',
        LODESTONE_AGENT_BUDGETS: 'bid-strategist:bids=9',
        LODESTONE_MODEL_PRICE: 'free',
      });
      expect.unreachable();
    } catch (error) {
      const issues = (error as ConfigError).issues;
      expect(issues.map((i) => i.key).sort()).toEqual([
        'LODESTONE_AGENT_BUDGETS',
        'LODESTONE_BUDGET_STEPS',
        'LODESTONE_BUDGET_USD',
        'LODESTONE_MODEL_PRICE',
      ]);
      expect(issues.find((i) => i.key === 'LODESTONE_AGENT_BUDGETS')?.message).toMatch(
        /expected <agent>:<limit>=<n>.*received "bids=9"/,
      );
      expect(issues.find((i) => i.key === 'LODESTONE_BUDGET_STEPS')?.message).toMatch(/whole number/);
    }
  });

  it('refuses LangChain tracing in LLM mode, naming the variable; offline ignores it', () => {
    expect(() => loadConfig({ LODESTONE_MODEL: 'openai:gpt-4o-mini', LANGCHAIN_TRACING_V2: 'true' })).toThrow(
      /LANGCHAIN_TRACING_V2: is on, which would make LangChain send every prompt/,
    );
    expect(loadConfig({ LANGSMITH_TRACING: 'true' }).tracing).toBe(true);
    expect(loadConfig({ LODESTONE_MODEL: 'openai:m', LANGSMITH_TRACING: 'false' }).tracing).toBe(false);
  });
});
