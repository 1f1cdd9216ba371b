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
