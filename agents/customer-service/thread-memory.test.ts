import { describe, expect, it } from 'vitest';
import { kindsInText, misreadOrderRequest, targetOrderIds, taskKindOf, textOfKind } from './thread-memory.js';

describe('taskKindOf', () => {
  it('keeps the intent’s task when the buyer’s verbs agree or say nothing', () => {
    expect(taskKindOf('cancel_order', 'cancel order #W2378156')).toBe('cancel');
    expect(taskKindOf('return_items', 'I want to return the watch and cancel my pending order')).toBe(
      'return',
    );
    expect(taskKindOf('track_order', 'where is my package?')).toBe('track');
  });

  it('lets the verbs overrule an intent they contradict', () => {
    expect(taskKindOf('change_shipping_address', 'I want to modify the pending boots to a size 8')).toBe(
      'change_items',
    );
    expect(taskKindOf('get_refund', 'I also want to cancel the skateboard in one of my orders')).toBe(
      'cancel',
    );
  });

  it('reads a task from the verbs of an open message, but not from a denial', () => {
    expect(taskKindOf('unknown', 'I also want to adjust the desk lamp to be black')).toBe('change_items');
    expect(taskKindOf('provide_info', 'The Jigsaw Puzzle in the same order also needs to be exchanged')).toBe(
      'change_items',
    );
    expect(taskKindOf('unknown', 'I do not want to cancel any orders')).toBeUndefined();
    expect(taskKindOf('provide_info', 'The reason is no longer needed.')).toBeUndefined();
    expect(taskKindOf('greeting', 'hi, I want to cancel')).toBeUndefined();
  });

  it('tells an order’s address from the profile’s', () => {
    expect(
      taskKindOf('set_up_shipping_address', 'I sent an order to my son, change it to my default address'),
    ).toBe('order_address');
    expect(taskKindOf('set_up_shipping_address', 'change my default address to my new home')).toBe(
      'user_address',
    );
    expect(taskKindOf('change_shipping_address', 'For order #W2702727, switch the shipping address')).toBe(
      'order_address',
    );
  });
});

describe('textOfKind', () => {
  it('keeps the words governed by the task’s verbs', () => {
    const text = 'I want to return the water bottle, and exchange the pet bed and office chair';
    expect(textOfKind('return', text)).toBe('I want to return the water bottle, and ');
    expect(textOfKind('change_items', text)).toBe('exchange the pet bed and office chair');
    expect(textOfKind('return', 'return the lamp')).toBe('return the lamp');
  });
});

describe('targetOrderIds', () => {
  it('keeps the orders a message asks about, not one named as the source of a detail', () => {
    expect(
      targetOrderIds('For order #W5056519, change the address to be the same as order #W8277957', [
        '#W5056519',
        '#W8277957',
      ]),
    ).toEqual(['#W5056519']);
    expect(targetOrderIds('cancel #W2702727 or #W8268610', ['#W2702727', '#W8268610'])).toEqual([
      '#W2702727',
      '#W8268610',
    ]);
  });
});

describe('kindsInText: an address change and an item change in one message', () => {
  it('keeps the item change when a change verb names an item or its options', () => {
    expect(
      kindsInText(
        'I want to change my pending order address to the default Chicago one, and change its item color to red.',
      ),
    ).toEqual(['change_items', 'order_address']);
    expect(kindsInText('I want to change the address of my order to 1 Main St, Springfield.')).toEqual([
      'order_address',
    ]);
  });
});

describe('misreadOrderRequest', () => {
  it('takes an out-of-scope intent with order request verbs as the model misreading an order request', () => {
    expect(
      misreadOrderRequest('switch_account', 'change the pressure of the coffee machine lower to 8 bar'),
    ).toBe(true);
    expect(
      taskKindOf('delivery_options', 'change the Desk Lamp in order #W9300146 for the cheapest one'),
    ).toBe('change_items');
  });

  it('leaves the account, invoices, people and requests with no order verb to their intent', () => {
    expect(misreadOrderRequest('switch_account', 'I want to change to my other account')).toBe(false);
    expect(misreadOrderRequest('complaint', 'I want to return this and talk to a human')).toBe(false);
    expect(misreadOrderRequest('payment_issue', 'can you split the payment with another card')).toBe(false);
    expect(misreadOrderRequest('delivery_options', 'what delivery options do you have')).toBe(false);
    expect(misreadOrderRequest('contact_human_agent', 'I want to change my order')).toBe(false);
  });
});
