import { Writable } from 'node:stream';
import { describe, expect, it } from 'vitest';
import { createLogger } from './logger.js';

describe('createLogger', () => {
  it('writes JSON lines with the component and redacts secrets', () => {
    const lines: string[] = [];
    const destination = new Writable({
      write(chunk: Buffer, _enc, done) {
        lines.push(chunk.toString());
        done();
      },
    });
    const log = createLogger({ level: 'info', destination }).child({ component: 'test' });
    log.info({ config: { openaiApiKey: 'sk-secret' }, apiKey: 'sk-other', ok: 1 }, 'hello');
    const line = JSON.parse(lines[0]!) as Record<string, unknown>;
    expect(line).toMatchObject({ component: 'test', msg: 'hello', ok: 1, apiKey: '[redacted]' });
    expect(JSON.stringify(line)).not.toContain('sk-');
  });
});
