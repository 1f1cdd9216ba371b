import { describe, expect, it } from 'vitest';
import { converse } from './policy-test-fixtures.js';

/*
 * The offline policy proposes a write only when the buyer's words and their order data settle
 * every detail of it; otherwise it asks. One conversation per cause of a wrong write found on the
 * τ² retail train split (task ids in the test names).
 */

const LUCAS = ['provide_info', 'my email is lucas.brown9344@example.com'] as const;
const YARA = ['provide_info', 'my name is Yara Ito and my zip code is 75284'] as const;
const YUSUF_T = ['provide_info', 'my email is yusuf.taylor6118@example.com'] as const;
const IVAN_K = ['provide_info', 'my email is ivan.khan6479@example.com'] as const;
const IVAN_H = ['provide_info', 'my email is ivan.hernandez1120@example.com'] as const;
const MIA = ['provide_info', 'my email is mia.garcia2723@example.com'] as const;
const YUSUF_R = ['provide_info', 'my email is yusuf.rossi7301@example.com'] as const;

describe('offline policy: the items a request names', () => {
  it('reads "bookshelves" as bookshelves: every one named, across orders (task 104)', async () => {
    const { proposed, last } = await converse([
      LUCAS,
      ['return_items', 'I want to return all bookshelves and jigsaw puzzles I received in different orders.'],
    ]);
    expect(proposed).toEqual([
      {
        tool: 'return_delivered_order_items',
        args: {
          order_id: '#W6239298',
          item_ids: ['4900661478', '3614853563'],
          payment_method_id: 'credit_card_2112420',
        },
      },
    ]);
    expect(last).toMatch(/Your request also covers order #W8660475, which comes next\./);
  });

  it('leaves out what the buyer says to keep', async () => {
    const keep = await converse([
      YUSUF_R,
      ['return_items', 'I want to return the headphones but keep the smart watch'],
    ]);
    expect(keep.proposed.at(-1)?.args).toMatchObject({ order_id: '#W2378156', item_ids: ['4202497723'] });
    const not = await converse([YUSUF_R, ['return_items', 'return the headphones, not the vacuum cleaner']]);
    expect(not.proposed.at(-1)?.args).toMatchObject({ item_ids: ['4202497723'] });
  });
});

describe('offline policy: the change the buyer asks for', () => {
  it('never returns an item when the buyer asked for the same one again (task 107)', async () => {
    const { proposed, last } = await converse([
      YARA,
      [
        'get_refund',
        'I received hiking boots that seem like they were already worn, I am unhappy about it and want to ask for a new pair with the same specs.',
      ],
    ]);
    expect(proposed).toEqual([]);
    expect(last).toMatch(
      /^I cannot send the same item again: an item can only be exchanged for a different option/,
    );
  });

  it('asks what to do when only the intent model, not the words, chose a write', async () => {
    const asked = await converse([YARA, ['get_refund', 'the hiking boots I received look worn']]);
    expect(asked.proposed).toEqual([]);
    expect(asked.last).toMatch(/^I want to be sure I do what you ask before changing anything\./);
    // The buyer's words settle it.
    const money = await converse([YARA, ['get_refund', 'I want my money back for the hiking boots']]);
    expect(money.proposed.at(-1)).toMatchObject({
      tool: 'return_delivered_order_items',
      args: { order_id: '#W1304208', item_ids: ['1615379700'] },
    });
  });

  it('makes no write on a request the buyer is still considering (task 59)', async () => {
    const { proposed, last } = await converse([
      YUSUF_T,
      ['cancel_order', 'I am considering cancelling the older order as I find the wait time unreasonable.'],
    ]);
    expect(proposed).toEqual([]);
    expect(last).toMatch(/^It sounds like you have not decided yet, so I have not changed anything\./);
  });

  it('asks which address when the words do not say the profile’s or an order’s', async () => {
    const { proposed, last } = await converse([
      YUSUF_T,
      ['change_shipping_address', 'please change my address to 1234 Elm St, Springfield, IL, 62701'],
    ]);
    expect(proposed).toEqual([]);
    expect(last).toMatch(/^Which address would you like to change: the default address on your profile/);
  });
});

describe('offline policy: the order a request is about', () => {
  it('asks which of two named orders a change of one is about, never taking the first (task 59)', async () => {
    const { proposed, last } = await converse([
      YUSUF_T,
      ['cancel_order', 'cancel the older one of my orders #W2702727 and #W8268610, I no longer need it'],
    ]);
    expect(proposed).toEqual([]);
    expect(last).toBe('Which order is it about? You named #W2702727 and #W8268610.');
  });

  it('does not move a request for one order onto another after changing the first (task 59)', async () => {
    const address = '1234 Elm St, Springfield, IL, 62701';
    const { proposed, last } = await converse([
      YUSUF_T,
      ['change_shipping_address', `For order #W2702727, switch the shipping address to ${address}.`],
      ['affirm', 'yes'],
      [
        'change_shipping_address',
        `My new address is ${address}. Ensure the order will be delivered to the new address.`,
      ],
    ]);
    expect(proposed.map((c) => c.args.order_id)).toEqual(['#W2702727']);
    expect(last).toMatch(
      /^Which order is it about\? These fit: #W2702727 \(pending\).*#W8268610 \(pending\)/,
    );
    // Named again, the order already ships there: nothing to change.
    const again = await converse([
      YUSUF_T,
      ['change_shipping_address', `For order #W2702727, switch the shipping address to ${address}.`],
      ['affirm', 'yes'],
      ['change_shipping_address', `Please make sure order #W2702727 ships to ${address}.`],
    ]);
    expect(again.proposed).toHaveLength(1);
    expect(again.last).toBe(`Order #W2702727 already ships to 1234 Elm St, Springfield, IL 62701, USA.`);
  });
});

describe('offline policy: the new variant', () => {
  it('asks which black desk lamp rather than picking one that changes the power source (task 72)', async () => {
    const { proposed, last } = await converse([
      IVAN_K,
      ['change_order', 'For order #W5270061, I want to adjust the desk lamp to be black color.'],
    ]);
    expect(proposed).toEqual([]);
    expect(last).toMatch(
      /^Which option would you like for the Desk Lamp \(silver, low, battery\)\? Available: /,
    );
    for (const id of ['9190635437', '5320792178', '6805564527', '7624783998']) expect(last).toContain(id);
  });

  it('takes the one variant the words leave, naming every option it changes (task 52)', async () => {
    const { proposed, last } = await converse([
      ['provide_info', 'my name is Sofia Li, zip code 78260'],
      [
        'exchange_items',
        'I want to exchange my digital camera for one with the maximum zoom, pay with my paypal',
      ],
    ]);
    expect(proposed.at(-1)?.args).toMatchObject({ new_item_ids: ['9228757377'] });
    expect(last).toMatch(/for Digital Camera \(30MP, 10x, SD card\) \[item 9228757377\]/);
  });

  it('asks what the buyer wants of an item they said nothing about, listing no options (task 58)', async () => {
    const { proposed, last } = await converse([
      IVAN_H,
      [
        'change_order',
        'I want to modify two items in an order I just received: a coffee machine and a laptop.',
      ],
    ]);
    expect(proposed).toEqual([]);
    expect(last).toBe(
      'What would you like to change about the Espresso Machine (15 bar, 1.5L, capsule)? Its options are pressure, capacity, type.',
    );
  });
});

describe('offline policy: where a refund goes', () => {
  it('never swaps a refund destination the policy forbids for an allowed one unasked (task 10)', async () => {
    const forbidden = await converse([
      MIA,
      [
        'return_items',
        "return everything in order #W7387996 and refund it to the other order's payment method",
      ],
    ]);
    expect(forbidden.proposed).toEqual([]);
    expect(forbidden.last).toMatch(
      /^A refund for order #W7387996 can go only to its original payment method or to an existing gift card, not where you asked\. Which payment method should receive the refund/,
    );
    const original = await converse([
      MIA,
      [
        'return_items',
        "return everything in order #W7387996 and refund it to the other order's payment method",
      ],
      ['return_items', 'fine, refund it to the original payment method then'],
    ]);
    expect(original.proposed.at(-1)?.args).toMatchObject({
      order_id: '#W7387996',
      payment_method_id: 'paypal_9497703',
    });
  });

  it('takes "my original payment method" as the original one, with a gift card also on file', async () => {
    const { proposed } = await converse([
      ['provide_info', 'my email is chen.silva2698@example.com'],
      ['return_items', 'return the tea kettle from order #W8171054, refund to my original payment method'],
    ]);
    expect(proposed.at(-1)?.args).toMatchObject({
      order_id: '#W8171054',
      payment_method_id: 'credit_card_1565124',
    });
  });
});
