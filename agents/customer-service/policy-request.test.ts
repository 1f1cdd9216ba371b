import { describe, expect, it } from 'vitest';
import { asksFor, unclearRequest } from './policy-request.js';
import type { Task, TaskKind } from './thread-memory.js';

const task = (kind: TaskKind, text: string): Task => ({
  kind,
  startTurn: 0,
  orderIds: [],
  defaultAddress: false,
  itemIds: [],
  allItems: false,
  text: text.toLowerCase(),
  said: text,
  request: text,
  done: false,
});

describe('asksFor', () => {
  it('takes the request verbs and their plain synonyms', () => {
    expect(asksFor('return', 'I want to return the kettle')).toBe(true);
    expect(asksFor('return', 'I want my money back for the kettle')).toBe(true);
    expect(asksFor('change_items', 'I would like the large one instead')).toBe(true);
    expect(asksFor('order_address', 'please make sure it ships to 1 Main St')).toBe(true);
    expect(asksFor('track', 'where is it')).toBe(true);
  });

  it('does not take a write the words never ask for, nor a hedged one', () => {
    expect(asksFor('return', 'the boots look worn, I want a new pair with the same specs')).toBe(false);
    expect(asksFor('cancel', 'I am considering cancelling the older order')).toBe(false);
    expect(asksFor('cancel', 'I am not sure whether to cancel it')).toBe(false);
    expect(asksFor('cancel', 'I have thought it over, cancel it')).toBe(true);
  });
});

/** The reply's words, or undefined when no question is asked. */
const asked = (kind: TaskKind, text: string): string | undefined => {
  const step = unclearRequest(task(kind, text));
  return step?.kind === 'reply' ? step.text : step === undefined ? undefined : step.kind;
};

describe('unclearRequest', () => {
  it('asks before any write the words did not ask for, and says why', () => {
    expect(asked('return', 'I want to return the boots')).toBeUndefined();
    expect(asked('return', 'I want a new pair with the same specs')).toMatch(
      /^I cannot send the same item again/,
    );
    expect(asked('cancel', 'I am considering cancelling it')).toMatch(/not decided yet/);
    expect(asked('return', 'the kettle is broken')).toMatch(/^I want to be sure I do what you ask/);
  });

  it('asks whose address when the words name neither an order nor the profile', () => {
    expect(asked('order_address', 'change my address to 1 Main St')).toMatch(
      /^Which address would you like to change/,
    );
    expect(asked('order_address', 'change the address of my order')).toBeUndefined();
    expect(asked('user_address', 'change my default address')).toBeUndefined();
  });
});
