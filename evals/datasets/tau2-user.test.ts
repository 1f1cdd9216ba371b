import { describe, expect, it } from 'vitest';
import { firstPerson, pickOption, simulateUser, userProfile, type SimulatedChannel } from './tau2-user.js';

const instructions = (over: Partial<Parameters<typeof userProfile>[0]>) => ({
  reasonForCall: '',
  knownInfo: '',
  unknownInfo: '',
  taskInstructions: '',
  ...over,
});

/** A scripted agent: answers each message with the next reply; `handoffAt` ends the thread. */
function agent(replies: string[], handoffAt?: number): SimulatedChannel & { heard: string[] } {
  const heard: string[] = [];
  return {
    heard,
    get done() {
      return handoffAt !== undefined && heard.length > handoffAt;
    },
    send(message) {
      heard.push(message);
      const text = replies[heard.length - 1];
      return Promise.resolve(text === undefined ? undefined : { text });
    },
  };
}

const ASK_ID =
  'To help with your order or account I first need to verify your identity: please give me the email on your account, or your first name, last name and zip code.';

describe('userProfile', () => {
  it('reads identity, orders, requests, reason and payment from the instructions', () => {
    const p = userProfile(
      instructions({
        reasonForCall:
          'You received your order #W2378156 and wish to exchange the keyboard. If there is no clicky one, you would go for no backlight. You no longer need the lamp, so cancel it too. You prefer PayPal over gift card.',
        knownInfo: 'You are Yusuf Rossi in zip code 19122.',
        unknownInfo: 'You do not remember your email address.',
      }),
    );
    expect(p).toMatchObject({
      emails: [],
      name: { first: 'Yusuf', last: 'Rossi' },
      zip: '19122',
      orderIds: ['#W2378156'],
      cancelReason: 'no longer needed',
      payment: 'paypal',
    });
    expect(p.requests).toEqual([
      'I received my order #W2378156 and wish to exchange the keyboard.',
      'I no longer need the lamp, so cancel it too.',
    ]);
    expect(p.words.has('clicky')).toBe(true);
  });

  it('takes the name from a user id, several emails in order, and skips stage directions', () => {
    const p = userProfile(
      instructions({
        reasonForCall:
          'You just lost your tablet. You want to know the tracking number. Provide all details upfront. Make sure you mention both requests.',
        knownInfo:
          'You are user noah_ito_3850 living in Seattle WA 98187. Your name is Noah but you go by NoNo. Emails: n.ito@example.com and noah.ito@example.com.',
      }),
    );
    expect(p.name).toEqual({ first: 'Noah', last: 'Ito' });
    expect(p.zip).toBe('98187');
    expect(p.emails).toEqual(['n.ito@example.com', 'noah.ito@example.com']);
    expect(p.requests).toEqual(['I just lost my tablet. I want to know the tracking number.']);
  });

  it('turns the second person into the first', () => {
    expect(firstPerson("You're sure your order is yours; you wonder if the agent can help.")).toBe(
      "I'm sure my order is mine; I wonder if you can help.",
    );
  });
});

describe('pickOption', () => {
  const offer =
    'clicky, RGB, full size [item 1111111111]; clicky, none, full size [item 7706410293]; linear, none, 80% [item 2222222222].';
  it('picks the one option the instructions favour, and none on a tie', () => {
    const words = new Set('i want clicky switches full size no backlight none'.split(' '));
    expect(pickOption(offer, words)).toEqual({ id: '7706410293', label: 'clicky, none, full size' });
    expect(pickOption(offer, new Set(['full', 'size']))).toBeUndefined();
    expect(pickOption(offer, new Set(['purple']))).toBeUndefined();
  });
});

describe('simulateUser', () => {
  const profile = userProfile(
    instructions({
      reasonForCall: 'You want to cancel order #W6247578 because you no longer need it.',
      knownInfo: 'You are Yusuf Rossi in zip code 19122, and your email is yusuf.rossi7301@example.com.',
    }),
  );

  it('answers identity, reason and confirmation, then says goodbye', async () => {
    const channel = agent([
      ASK_ID,
      "Order #W6247578 is pending and can be cancelled. What is the reason: 'no longer needed' or 'ordered by mistake'?",
      'Here is what I will do: cancel order #W6247578. Shall I proceed? Please reply "yes" to confirm.',
      'Done: order #W6247578 is cancelled. Is there anything else I can help with?',
      'Thank you for contacting us. Have a great day!',
    ]);
    // random() ≥ 0.5: the request opens, and the email comes before name + zip.
    const { transcript, end } = await simulateUser(profile, channel, () => 0.9);
    expect(end).toBe('goodbye');
    expect(channel.heard).toEqual([
      'I want to cancel order #W6247578 because I no longer need it.',
      'My email is yusuf.rossi7301@example.com.',
      'The reason is no longer needed.',
      'yes',
      "That's all, bye.",
    ]);
    expect(transcript).toHaveLength(5);
  });

  it('varies the opening with the trial’s draws, and gives up on a question it cannot answer', async () => {
    const channel = agent([
      'Thank you, you are verified. How can I help with your orders?',
      'Which order is it about? Your orders: #W1, #W2.',
      'Which order is it about? Your orders: #W1, #W2.',
    ]);
    const { end } = await simulateUser(profile, channel, () => 0.1);
    // random() < 0.5: identity first, name + zip before the email.
    expect(channel.heard).toEqual([
      'My name is Yusuf Rossi and my zip code is 19122.',
      'I want to cancel order #W6247578 because I no longer need it.',
      '#W6247578',
    ]);
    expect(end).toBe('stuck');
  });

  it('stops at a handoff, when out of identities, and after maxTurns', async () => {
    expect((await simulateUser(profile, agent(['YOU ARE BEING TRANSFERRED'], 0), () => 0.9)).end).toBe(
      'handoff',
    );
    const noId = userProfile(instructions({ reasonForCall: 'You want to return a lamp.' }));
    expect((await simulateUser(noId, agent([ASK_ID]), () => 0.9)).end).toBe('no-identity');
    const chatty = agent(Array.from({ length: 50 }, () => 'Is there anything else I can help with?'));
    const many = userProfile(
      instructions({ reasonForCall: Array.from({ length: 30 }, (_, i) => `You want thing ${i}.`).join(' ') }),
    );
    const capped = await simulateUser(many, chatty, () => 0.9, { maxTurns: 5 });
    expect(capped.end).toBe('max-turns');
    expect(capped.transcript).toHaveLength(5);
  });
});
