import { describe, expect, it } from 'vitest';
import type { BlockedAttempt, PolicyView } from './policy-types.js';
import { buyerTurn } from './llm-test-fixtures.js';
import { supportTranscript } from './llm-transcript.js';

describe('supportTranscript', () => {
  it('puts the agent’s own replies and refused calls after the buyer turn they answered, in order', () => {
    const blocked: BlockedAttempt = {
      tool: 'get_order_details',
      args: { order_id: '#W7678072' },
      turn: 1,
      reason: 'other_buyer',
    };
    const view: PolicyView = {
      turns: [
        buyerTurn('hi, my email is yusuf.rossi7301@example.com'),
        buyerTurn('what about order #W7678072?'),
      ],
      observations: [
        {
          turn: 0,
          tool: 'find_user_id_by_email',
          args: { email: 'yusuf.rossi7301@example.com' },
          ok: true,
          result: 'yusuf_rossi_9620',
        },
      ],
      userId: 'yusuf_rossi_9620',
      agentReplies: [
        { turn: 0, text: 'You are verified. How can I help?' },
        { turn: 1, text: 'I can only access orders on your own account.' },
      ],
      blocked: [blocked],
    };
    const t = supportTranscript(view);
    expect(t.verifiedUserId).toBe('yusuf_rossi_9620');
    expect(
      t.conversation.map((e) => ('buyer' in e ? 'buyer' : 'tool' in e ? `tool:${e.ok}` : 'agent')),
    ).toEqual(['buyer', 'tool:true', 'agent', 'buyer', 'tool:false', 'agent']);
    expect(t.conversation[2]).toEqual({ turn: 0, agent: 'You are verified. How can I help?' });
    expect(t.conversation[4]).toMatchObject({
      tool: 'get_order_details',
      ok: false,
      error: expect.stringMatching(
        /^blocked by the shop's rules \(other_buyer\): .*get_user_details/,
      ) as unknown,
    });
  });
});
