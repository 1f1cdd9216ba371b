import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ConfigError, loadConfig } from '../core/index.js';
import { demoCatalog, fixedClock, memoryJournal } from '../testing/index.js';
import { startEmbeddingsServer, type EmbeddingsServer } from '../testing/openai-embeddings-server.js';
import { createEmbedder, resolveEmbedderSettings } from './embedder-factory.js';
import { createLodestone } from './lodestone.js';

describe('LODESTONE_EMBEDDINGS', () => {
  let server: EmbeddingsServer;
  beforeAll(async () => (server = await startEmbeddingsServer({ dim: 8 })));
  afterAll(() => server.close());

  it('is the offline embedder by default', () => {
    const config = loadConfig({});
    expect(resolveEmbedderSettings(config)).toEqual({ provider: 'offline' });
    expect(createEmbedder(config, { dataDir: mkdtempSync(join(tmpdir(), 'emb-')) }).id).not.toMatch(
      /^openai:/,
    );
  });

  it('rejects a malformed id with the expected format, and a remote endpoint without a key, before any call', () => {
    expect(() => loadConfig({ LODESTONE_EMBEDDINGS: 'openai:text-embedding-3-small' })).toThrow(
      /LODESTONE_EMBEDDINGS: expected "offline" .*"openai:<model>\/<dimensions>"/,
    );
    const remote = loadConfig({ LODESTONE_EMBEDDINGS: 'openai:text-embedding-3-small/1536' });
    expect(() => resolveEmbedderSettings(remote)).toThrow(ConfigError);
    expect(() => resolveEmbedderSettings(remote)).toThrow(
      /OPENAI_API_KEY: required for https:\/\/api.openai.com\/v1/,
    );
    expect(() =>
      createLodestone({
        config: remote,
        journal: memoryJournal(),
        clock: fixedClock('2026-11-29T09:00:00Z'),
      }),
    ).toThrow(ConfigError);
  });

  it('builds the product memory through the configured embeddings endpoint and searches it', async () => {
    const config = loadConfig({
      LODESTONE_EMBEDDINGS: 'openai:test-embed/8',
      OPENAI_BASE_URL: server.baseURL,
      LODESTONE_DATA_DIR: mkdtempSync(join(tmpdir(), 'emb-')),
    });
    expect(resolveEmbedderSettings(config)).toMatchObject({
      provider: 'openai',
      model: 'test-embed',
      dim: 8,
    });
    const catalog = demoCatalog();
    const lodestone = createLodestone({
      config,
      journal: memoryJournal(),
      clock: fixedClock('2026-11-29T09:00:00Z'),
      catalog,
    });
    try {
      const memory = await lodestone.memory();
      expect(memory).toBeDefined();
      const requests = server.received.map((r) => r.body);
      const embedded = requests.flatMap((r) => r.input);
      expect(requests.every((r) => r.model === 'test-embed')).toBe(true);
      expect(embedded.length).toBeGreaterThanOrEqual(catalog.products.length);
      const before = requests.length;
      const hits = await memory?.products.similar({ text: 'ceramic mug' }, { k: 3 });
      expect(hits).toHaveLength(3);
      expect(server.received.length).toBe(before + 1);
    } finally {
      await lodestone.close();
    }
  });
});
