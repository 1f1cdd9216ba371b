import { HumanMessage, type AIMessageChunk } from '@langchain/core/messages';
import { tool } from '@langchain/core/tools';
import { describe, expect, it } from 'vitest';
import { z } from 'zod';
import { ScriptExhaustedError, ScriptedChatModel, script } from './scripted-model.js';

const lookup = tool(() => 'x', {
  name: 'lookup',
  description: 'Looks a product up',
  schema: z.object({ id: z.string().describe('Product id') }),
});

describe('ScriptedChatModel', () => {
  it('answers from its FIFO, records each call with the tools it was offered, and shares state with bindTools', async () => {
    const model = new ScriptedChatModel([
      script.toolCall('lookup', { id: '22720' }, 'c1'),
      script.withUsage(script.reply('done'), { input: 7, output: 1 }),
    ]);
    const bound = model.bindTools([lookup]);
    const first = await bound.invoke([new HumanMessage('find 22720')]);
    expect(first.tool_calls).toEqual([
      { id: 'c1', name: 'lookup', args: { id: '22720' }, type: 'tool_call' },
    ]);
    const second = await model.invoke([new HumanMessage('again')]);
    expect(second.content).toBe('done');
    expect(second.usage_metadata).toEqual({ input_tokens: 7, output_tokens: 1, total_tokens: 8 });
    expect(model.calls.map((c) => c.tools.map((t) => t.name))).toEqual([['lookup'], []]);
    expect(model.calls[0]?.tools[0]?.parameters).toMatchObject({
      properties: { id: { description: 'Product id' } },
    });
    model.assertComplete();
  });

  it('streams text word by word, then the tool calls and the usage', async () => {
    const model = new ScriptedChatModel([
      script.withUsage(script.reply('one two three'), { input: 5, output: 3 }),
    ]);
    const chunks: AIMessageChunk[] = [];
    for await (const chunk of await model.stream('go')) chunks.push(chunk);
    expect(chunks.map((c) => c.content)).toEqual(['one ', 'two ', 'three', '']);
    expect(chunks.reduce((a, b) => a.concat(b)).usage_metadata).toMatchObject({ total_tokens: 8 });
  });

  it('throws the scripted errors, and on a call with nothing queued', async () => {
    const model = new ScriptedChatModel([script.httpError(429, 'slow down', { 'retry-after': '1' })]);
    await expect(model.invoke('a')).rejects.toMatchObject({ status: 429, headers: { 'retry-after': '1' } });
    await expect(model.invoke('b')).rejects.toBeInstanceOf(ScriptExhaustedError);
    await expect(model.invoke('c')).rejects.toThrow(
      /call #2 but nothing is queued\. Last message \(human\): "c"/,
    );
  });

  it('assertComplete names what was never used', () => {
    const model = new ScriptedChatModel([script.toolCall('lookup', { id: '1' })]);
    expect(() => model.assertComplete()).toThrow(
      /1 scripted step\(s\) were never used \(after 0 call\(s\)\); next: tool calls lookup/,
    );
  });
});
