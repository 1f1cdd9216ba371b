import { describe, expect, it } from 'vitest';
import {
  firstPerson,
  pickOption,
  pickOrder,
  pickPayment,
  simulateUser,
  userProfile,
  type SimulatedChannel,
} from './tau2-user.js';

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

describe('userProfile: what goes in one message', () => {
  it('joins requests the instructions say to mention together, when they ask for the same kind of thing', () => {
    const p = userProfile(
      instructions({
        reasonForCall:
          'You want to exchange your bicycle for a larger one. The jigsaw in the same order also needs to be exchanged, you want 1000 more pieces. Make sure you mention these at the same time. You also want to cancel the skateboard.',
      }),
    );
    expect(p.requests).toEqual([
      'I want to exchange my bicycle for a larger one. The jigsaw in the same order also needs to be exchanged, I want 1000 more pieces.',
      'I also want to cancel the skateboard.',
    ]);
    const mixed = userProfile(
      instructions({
        reasonForCall:
          'You want to change your order address to your default one. You want to exchange the lamp. Make sure you mention the two things at the same time.',
      }),
    );
    expect(mixed.requests).toHaveLength(2);
  });

  it('adds a detail to the request before it, but keeps a question apart', () => {
    const p = userProfile(
      instructions({
        reasonForCall:
          'You want to exchange your camera for one with more zoom. You want to use your PayPal account for any additional payment. You want to know how much you will pay.',
      }),
    );
    expect(p.requests).toEqual([
      'I want to exchange my camera for one with more zoom. I want to use my PayPal account for any additional payment.',
      'I want to know how much I will pay.',
    ]);
    expect(p.payments).toEqual(['paypal']);
  });

  it('reads the cancellation reason from what to say when asked, and whether a whole order may go', () => {
    const p = userProfile(
      instructions({
        reasonForCall:
          'You want to cancel the garden hose from the pending order (you ONLY want to cancel that hose).',
        taskInstructions: 'If asked for the reason, say you ordered it by mistake.',
      }),
    );
    expect(p.cancelReason).toBe('ordered by mistake');
    expect(p.wholeOrderCancel).toBe(false);
    expect(
      userProfile(instructions({ reasonForCall: 'You want to cancel the skateboard.' })).wholeOrderCancel,
    ).toBe(true);
  });
});

describe('pickOrder and pickPayment', () => {
  it('recognises the order holding what the instructions describe', () => {
    const question =
      'Which order is it about? These fit: #W6247578 (pending): T-Shirt (black, XXL, cotton, crew neck); #W4776164 (pending): T-Shirt (blue, S, cotton, v-neck).';
    expect(pickOrder(question, new Set(['small', 'tshirt']))).toBe('#W4776164');
    expect(pickOrder(question, new Set(['tshirt', 'crew', 'neck']))).toBe('#W6247578');
    expect(pickOrder(question, new Set(['tshirt']))).toBeUndefined();
  });

  it('takes the kind named first (by brand among cards), else the original when none was named', () => {
    const listed =
      'PayPal (paypal_8194385); visa credit card ending 6791 (credit_card_3951670); mastercard credit card ending 8484 (credit_card_8105988), the original payment method';
    expect(pickPayment(listed, { payments: ['credit_card'], words: new Set(['visa']) })).toBe(
      'credit_card_3951670',
    );
    expect(pickPayment(listed, { payments: ['paypal'], words: new Set() })).toBe('paypal_8194385');
    expect(pickPayment(listed, { payments: [], words: new Set() })).toBe('credit_card_8105988');
    expect(pickPayment(listed, { payments: ['gift_card'], words: new Set() })).toBeUndefined();
  });
});

describe('pickOption', () => {
  it('reads "name: value" options, "no <option>" and the price when asked for', () => {
    const offer =
      'switch type: clicky, backlight: RGB, size: 80%, $200.00 [item 2299424241]; switch type: clicky, backlight: none, size: full size, $269.16 [item 7706410293].';
    expect(pickOption(offer, new Set('clicky full size no backlight'.split(' ')))?.id).toBe('7706410293');
    const priced = 'color: red, $10.00 [item 1111111111]; color: red, $12.00 [item 2222222222].';
    expect(pickOption(priced, new Set(['red', 'cheapest']))?.id).toBe('1111111111');
    expect(pickOption(priced, new Set(['red', 'most', 'expensive']))?.id).toBe('2222222222');
    expect(pickOption(priced, new Set(['red']))).toBeUndefined();
  });

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

  it('goes on with a request the agent said covers more orders, and answers which variant it means', async () => {
    const all = userProfile(
      instructions({
        reasonForCall: 'You want to cancel all your pending orders since you no longer need them.',
        knownInfo: 'Your email is a@example.com.',
      }),
    );
    const channel = agent([
      'Here is what I will do: cancel order #W1. Your request also covers order #W2, which comes next. Shall I proceed? Please reply "yes" to confirm.',
      'Done: order #W1 is cancelled. Is there anything else I can help with?',
      'Here is what I will do: cancel order #W2. Shall I proceed? Please reply "yes" to confirm.',
      'Done: order #W2 is cancelled. Is there anything else I can help with?',
      'Thank you for contacting us. Have a great day!',
    ]);
    await simulateUser(all, channel, () => 0.9);
    expect(channel.heard).toEqual([
      'I want to cancel all my pending orders since I no longer need them.',
      'yes',
      'Please go on with the next one. I want to cancel all my pending orders since I no longer need them.',
      'yes',
      "That's all, bye.",
    ]);
    const vacuum = userProfile(
      instructions({ reasonForCall: 'You want to return the vacuum cleaner. It is the robotic one.' }),
    );
    const which = agent([
      'Order #W9 has more than one Vacuum Cleaner. Which Vacuum Cleaner do you mean? Available: type: canister [item 2872451762]; type: robotic [item 6259501109].',
    ]);
    await simulateUser(vacuum, which, () => 0.9);
    expect(which.heard[1]).toBe('I mean the type: robotic one, item 6259501109.');
  });

  it('stops at a handoff, when out of identities, and after maxTurns', async () => {
    expect((await simulateUser(profile, agent(['YOU ARE BEING TRANSFERRED'], 0), () => 0.9)).end).toBe(
      'handoff',
    );
    const noId = userProfile(instructions({ reasonForCall: 'You want to return a lamp.' }));
    expect((await simulateUser(noId, agent([ASK_ID]), () => 0.9)).end).toBe('no-identity');
    const chatty = agent(Array.from({ length: 50 }, () => 'Is there anything else I can help with?'));
    const many = userProfile(
      instructions({
        reasonForCall: Array.from({ length: 30 }, (_, i) => `You want to return thing ${i}.`).join(' '),
      }),
    );
    const capped = await simulateUser(many, chatty, () => 0.9, { maxTurns: 5 });
    expect(capped.end).toBe('max-turns');
    expect(capped.transcript).toHaveLength(5);
  });
});
