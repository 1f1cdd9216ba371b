import { describe, expect, it } from 'vitest';
import { isRetailWriteTool } from '../../tools/retail/index.js';
import { requestedKinds } from './policy-follow-up.js';
import { converse } from './policy-test-fixtures.js';

const FATIMA = ['provide_info', 'my email is fatima.johnson2300@example.com'] as const;
const YUSUF = ['provide_info', 'my email is yusuf.hernandez8836@example.com'] as const;

describe('requestedKinds', () => {
  it('lists every kind of change a message asks for, in order', () => {
    expect(requestedKinds('I want to cancel all pending orders and return the watch')).toEqual([
      'cancel',
      'return',
    ]);
    expect(requestedKinds('I want to know the tracking number')).toEqual([]);
  });

  it('adds the profile address only when it is named as something to change', () => {
    expect(
      requestedKinds(
        'modify all my pending order address to the DC address, along with my user default address',
      ),
    ).toEqual(['order_address', 'user_address']);
    expect(requestedKinds('change my user address and all possible order addresses')).toEqual([
      'order_address',
      'user_address',
    ]);
    expect(requestedKinds('change the address of order #W2166301 to my default address')).toEqual([
      'order_address',
    ]);
    expect(requestedKinds('please update my default address')).toEqual(['user_address']);
  });
});

describe('offline policy: one message asking for several kinds of change', () => {
  const REQUEST =
    'I want to cancel all pending orders and return the watch I have received, no longer needed.';

  it('does each kind in turn, one confirmed write at a time, saying which comes next', async () => {
    const { replies, store } = await converse([
      FATIMA,
      ['return_items', REQUEST],
      ['provide_info', 'Please use paypal_5364164.'],
      ['affirm', 'yes'],
      ['return_items', `Please go on with the next one. ${REQUEST}`],
      ['affirm', 'yes'],
      ['return_items', `Please go on with the next one. ${REQUEST}`],
      ['affirm', 'yes'],
    ]);
    expect(replies[2]).toMatch(
      /request a return of Smart Watch .*Your request also asks to cancel an order, which comes next\./,
    );
    expect(replies[4]).toMatch(
      /cancel order #W5199551 .*Your request also covers order #W8665881, which comes next\./,
    );
    expect(replies[6]).toMatch(/cancel order #W8665881/);
    expect(replies[6]).not.toMatch(/comes next/);
    expect(store.db.orders['#W9389413']?.status).toBe('return requested');
    expect(store.db.orders['#W5199551']?.status).toBe('cancelled');
    expect(store.db.orders['#W8665881']?.status).toBe('cancelled');
  });

  it('changes the default address after every order address the request covers', async () => {
    const request =
      'I want to modify all my pending order address to the Washington DC address, along with my user default address.';
    const { replies, proposed } = await converse([YUSUF, ['change_shipping_address', request]]);
    expect(replies.at(-1)).toMatch(/order #W2166301 .*covers orders #W2466703, #W6832752, which come next/);
    const later = await converse([
      YUSUF,
      ['change_shipping_address', request],
      ['affirm', 'yes'],
      ['change_shipping_address', `Please go on with the next one. ${request}`],
      ['affirm', 'yes'],
      ['change_shipping_address', `Please go on with the next one. ${request}`],
      ['affirm', 'yes'],
      ['change_shipping_address', `Please go on with the next one. ${request}`],
    ]);
    expect(later.replies[5]).toMatch(
      /order #W6832752 .*Your request also asks to change your default address, which comes next\./,
    );
    expect(later.proposed.at(-1)).toEqual({
      tool: 'modify_user_address',
      args: {
        user_id: 'yusuf_hernandez_6785',
        address1: '565 Maple Drive',
        address2: 'Suite 501',
        city: 'Washington',
        country: 'USA',
        state: 'DC',
        zip: '20307',
      },
    });
    expect(proposed.filter((c) => isRetailWriteTool(c.tool))).toHaveLength(1);
  });

  it('does not move on to a kind the request never asked for', async () => {
    const request = 'I want to return the watch I have received.';
    const { replies, proposed } = await converse([
      FATIMA,
      ['return_items', request],
      ['provide_info', 'Please use paypal_5364164.'],
      ['affirm', 'yes'],
      ['return_items', `Please go on with the next one. ${request}`],
    ]);
    expect(replies[2]).not.toMatch(/comes next/);
    expect(proposed.map((c) => c.tool)).toEqual(['return_delivered_order_items']);
  });
});

describe('offline policy: "its item" of a one-item order', () => {
  const LUCAS = ['provide_info', 'my email is lucas.brown9344@example.com'] as const;

  it('is the order’s only item; an order with several items still asks', async () => {
    const { proposed } = await converse([
      LUCAS,
      ['change_order', 'For order #W4860251, change its item color to red.'],
    ]);
    expect(proposed.at(-1)).toEqual({
      tool: 'modify_pending_order_items',
      args: {
        order_id: '#W4860251',
        item_ids: ['5209958006'],
        new_item_ids: ['8964750292'],
        payment_method_id: 'credit_card_2112420',
      },
    });
    const several = await converse([LUCAS, ['return_items', 'For order #W6239298, return the item please.']]);
    expect(several.proposed).toEqual([]);
    expect(several.last).toMatch(/Which items would you like to return\?/);
  });
});
