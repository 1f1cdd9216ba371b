import { describe, expect, it } from 'vitest';
import { isRetailWriteTool } from '../../tools/retail/index.js';
import { converse } from './policy-test-fixtures.js';

const YUSUF = ['provide_info', 'my email is yusuf.rossi7301@example.com'] as const;
const YUSUF_ORDERS = ['#W6247578', '#W9711842', '#W4776164', '#W6679257', '#W2378156'];

describe('offline policy: finding the buyer’s order', () => {
  it('finds the delivered order holding the named item without asking for an order id', async () => {
    const { last, looked, calls } = await converse([
      YUSUF,
      ['return_items', 'I want to return the headphones'],
    ]);
    expect(last).toMatch(/request a return of Headphones \(over-ear, wireless, blue\) from order #W2378156/);
    expect(last).not.toMatch(/Which order/);
    // It looked only at the buyer's own orders, each once.
    expect(looked).toEqual(YUSUF_ORDERS);
    expect(calls.at(-1)).toEqual({
      tool: 'return_delivered_order_items',
      args: { order_id: '#W2378156', item_ids: ['4202497723'], payment_method_id: 'credit_card_9513926' },
    });
  });

  it('asks, listing the candidates, when two orders hold the item', async () => {
    const { last, calls } = await converse([YUSUF, ['change_order', 'I want to change my tshirt to purple']]);
    expect(last).toBe(
      'Which order is it about? These fit: #W6247578 (pending): T-Shirt (black, XXL, cotton, crew neck); #W4776164 (pending): T-Shirt (blue, S, cotton, v-neck).',
    );
    expect(calls.some((c) => isRetailWriteTool(c.tool))).toBe(false);
  });

  it('picks the candidate the buyer’s words single out, or the one they then name', async () => {
    const small = await converse([
      YUSUF,
      ['change_order', 'modify my small tshirt to purple, same size, same v-neck, polyester'],
    ]);
    expect(small.calls.at(-1)).toEqual({
      tool: 'modify_pending_order_items',
      args: {
        order_id: '#W4776164',
        item_ids: ['8349118980'],
        new_item_ids: ['9647292434'],
        payment_method_id: 'credit_card_9513926',
      },
    });
    const named = await converse([
      YUSUF,
      ['change_order', 'I want to change my tshirt to purple'],
      ['provide_info', '#W6247578'],
    ]);
    expect(named.last).toMatch(/T-Shirt \(black, XXL, cotton, crew neck\)/);
    expect(named.last).not.toMatch(/Which order/);
  });

  it('never looks up an order that is not on the buyer’s profile', async () => {
    const { last, looked, calls } = await converse([
      YUSUF,
      ['cancel_order', 'please cancel order #W5056519, no longer needed'],
    ]);
    expect(last).toMatch(/I can only access orders on your own account/);
    expect(looked.every((id) => YUSUF_ORDERS.includes(id))).toBe(true);
    expect(calls.some((c) => c.args.order_id === '#W5056519')).toBe(false);
  });

  it('works through every order a request covers, one confirmed write each', async () => {
    const { replies, store } = await converse([
      YUSUF,
      ['cancel_order', 'cancel all my pending orders, I no longer need them'],
      ['affirm', 'yes'],
      ['cancel_order', 'Please go on with the next one. cancel all my pending orders, I no longer need them'],
      ['affirm', 'yes'],
    ]);
    expect(replies[1]).toMatch(
      /cancel order #W6247578 .*Your request also covers order #W4776164, which comes next\./,
    );
    expect(replies[3]).toMatch(/cancel order #W4776164/);
    expect(replies[3]).not.toMatch(/comes next/);
    expect(store.db.orders['#W6247578']?.status).toBe('cancelled');
    expect(store.db.orders['#W4776164']?.status).toBe('cancelled');
  });

  it('says a single item cannot be cancelled on its own before proposing the whole order', async () => {
    const { last, calls } = await converse([
      YUSUF,
      ['cancel_order', 'cancel the espresso machine, no longer needed'],
    ]);
    expect(last).toMatch(
      /^Only a whole order can be cancelled, not single items\. Order #W4776164 also has T-Shirt/,
    );
    expect(calls.some((c) => isRetailWriteTool(c.tool))).toBe(false);
    const whole = await converse([
      YUSUF,
      ['cancel_order', 'cancel the espresso machine, no longer needed'],
      ['cancel_order', 'Please cancel the whole order.'],
    ]);
    expect(whole.last).toMatch(/^Here is what I will do: cancel order #W4776164/);
  });
});

describe('offline policy: items, variants, addresses and payment', () => {
  it('maps "maximum zoom" to the variant with the most zoom, keeping what it can', async () => {
    const { calls } = await converse([
      YUSUF,
      ['exchange_items', 'I want to exchange my digital camera for one with the maximum zoom'],
    ]);
    expect(calls.at(-1)).toMatchObject({
      tool: 'exchange_delivered_order_items',
      args: { order_id: '#W6679257', item_ids: ['5996159312'], new_item_ids: ['9228757377'] },
    });
  });

  it('returns only the items of the return clause, and asks which of two variants is meant', async () => {
    const clause = await converse([
      YUSUF,
      ['return_items', 'I want to return the headphones, and exchange the smart watch for a silver one'],
    ]);
    expect(clause.calls.at(-1)?.args).toMatchObject({ item_ids: ['4202497723'] });
    const mei = await converse([
      ['provide_info', 'my name is Daiki Johnson, zip code 80273'],
      ['return_items', 'I want to return the air purifier and the vacuum cleaner I received'],
    ]);
    expect(mei.last).toMatch(
      /^Order #W9502127 has more than one Vacuum Cleaner\. Which Vacuum Cleaner do you mean\?/,
    );
    const robotic = await converse([
      ['provide_info', 'my name is Daiki Johnson, zip code 80273'],
      ['return_items', 'I want to return the air purifier and the robotic vacuum cleaner I received'],
    ]);
    expect(robotic.calls.at(-1)?.args).toMatchObject({ item_ids: ['6259501109', '9534205511'] });
  });

  it('finds an address the buyer refers to: another of their orders, or a city they name', async () => {
    const same = await converse([
      ['provide_info', 'my email is yara.muller9246@example.com'],
      [
        'change_shipping_address',
        'For order #W5056519, change the address to be the same as order #W8277957',
      ],
    ]);
    expect(same.last).toMatch(
      /change the shipping address of order #W5056519 to 380 Maple Drive, Suite 960, San Diego, CA 92101, USA/,
    );
    const city = await converse([
      ['provide_info', 'my email is yusuf.li3523@example.com'],
      ['change_shipping_address', 'I want to change my LA order to my NYC address'],
    ]);
    expect(city.last).toMatch(/change the shipping address of order #W6750959 to .*New York, NY/);
  });

  it('asks which method settles a price difference when the buyer has several, and uses the one named', async () => {
    const asked = await converse([
      ['provide_info', 'my name is Sofia Li, zip code 78260'],
      [
        'exchange_items',
        'I want to exchange my camera to a slightly lower resolution, without changing the other options',
      ],
    ]);
    expect(asked.last).toMatch(
      /^Which payment method should pay or receive the price difference for order #W4689314\? Your methods: .*paypal_8194385.*credit_card_3951670.*credit_card_8105988\), the original payment method\.$/,
    );
    const visa = await converse([
      ['provide_info', 'my name is Sofia Li, zip code 78260'],
      [
        'exchange_items',
        'I want to exchange my camera to a slightly lower resolution, pay with my visa credit card',
      ],
    ]);
    expect(visa.calls.at(-1)?.args).toMatchObject({
      new_item_ids: ['8363011723'],
      payment_method_id: 'credit_card_3951670',
    });
  });
});

describe('offline policy: a buyer who says no', () => {
  it('hears that nothing changed, not a transfer, when the intent model reads the no as out of scope', async () => {
    const { last } = await converse([YUSUF, ['complaint', 'No, leave that order as it is.']]);
    expect(last).toMatch(/I haven't changed anything/);
    const human = await converse([YUSUF, ['complaint', 'No, I want to talk to a human.']]);
    expect(human.last).toMatch(/^HANDOFF/);
  });
});

describe('offline policy: an order request the intent model reads as out of scope', () => {
  it('is served as the order request its words make, not handed off', async () => {
    const { last, proposed } = await converse([
      ['provide_info', 'my email is aarav.anderson9752@example.com'],
      [
        'delivery_options',
        "I want to change the Desk Lamp in order #W9300146 for the cheapest Desk Lamp that's available.",
      ],
    ]);
    expect(last).not.toMatch(/^HANDOFF/);
    expect(proposed.at(-1)?.tool).toBe('modify_pending_order_items');
    expect(proposed.at(-1)?.args.order_id).toBe('#W9300146');
  });
});
