import { mkdirSync, mkdtempSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { DataError } from '../src/core/errors.js';
import { createLogger } from '../src/core/logger.js';
import { createOfflineEmbedder } from './offline-embedder.js';

/** A miniature copy of the shipped corpora's layout. */
function fakeData(dir: string, extra = ''): void {
  mkdirSync(join(dir, 'bitext-cs'), { recursive: true });
  mkdirSync(join(dir, 'online-retail', 'by-day'), { recursive: true });
  writeFileSync(
    join(dir, 'bitext-cs', 'Bitext_Sample_Customer_Support_Training_Dataset.csv'),
    `instruction,intent,response\ncancel my order,cancel_order,ok\n"track my order, please",track_order,ok\nget a refund${extra},get_refund,ok\n`,
  );
  writeFileSync(
    join(dir, 'online-retail', 'by-day', '2010-12-01.csv'),
    'InvoiceNo,StockCode,Description\n1,A,WHITE MUG\n2,B,RED MUG\n3,A,WHITE MUG\n',
  );
}

describe('createOfflineEmbedder', () => {
  let dir: string;
  beforeEach(() => {
    dir = mkdtempSync(join(tmpdir(), 'lodestone-embed-'));
  });
  afterEach(() => rmSync(dir, { recursive: true, force: true }));

  it('learns IDF from the corpora once, caches it, and relearns when the data change', async () => {
    fakeData(join(dir, 'data'));
    const lines: { msg: string }[] = [];
    const logger = createLogger({
      level: 'info',
      destination: { write: (l: string) => void lines.push(JSON.parse(l) as { msg: string }) },
    });
    const options = { dataDir: join(dir, 'data'), cacheDir: join(dir, 'cache'), logger };
    const first = createOfflineEmbedder(options);
    expect(lines.filter((l) => l.msg.includes('IDF table learned'))).toHaveLength(1);
    const again = createOfflineEmbedder(options);
    expect(lines.filter((l) => l.msg.includes('IDF table learned'))).toHaveLength(1);
    expect(again.id).toBe(first.id);
    const [a] = await first.embed(['white mug']);
    const [b] = await again.embed(['white mug']);
    expect(Array.from(a!)).toEqual(Array.from(b!));

    fakeData(join(dir, 'data'), ' now');
    const changed = createOfflineEmbedder(options);
    expect(changed.id).not.toBe(first.id);
    expect(readdirSync(join(dir, 'cache')).filter((name) => name.startsWith('feature-idf-'))).toHaveLength(2);
  });

  it('says which files are missing', () => {
    expect(() => createOfflineEmbedder({ dataDir: join(dir, 'nowhere') })).toThrow(DataError);
  });

  it('works on the real shipped corpora, in English and Chinese', async () => {
    const embedder = createOfflineEmbedder({ cacheDir: join(dir, 'cache') });
    const [q, same, other, zh, zhSame, zhOther] = await embedder.embed([
      'I want my money back',
      'how do I get a refund of my money',
      'change my shipping address',
      '我要退款',
      '怎么申请退款',
      '修改收货地址',
    ]);
    const dot = (x: Float32Array, y: Float32Array) => x.reduce((s, v, i) => s + v * y[i]!, 0);
    expect(dot(q!, same!)).toBeGreaterThan(dot(q!, other!));
    expect(dot(zh!, zhSame!)).toBeGreaterThan(dot(zh!, zhOther!));
  });
});
