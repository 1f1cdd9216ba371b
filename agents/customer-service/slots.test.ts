import { describe, expect, it } from 'vitest';
import { confirmationOf, extractSlots, parseThread } from './index.js';

describe('slot extraction', () => {
  it('finds order ids, emails, a name and zip, and a cancellation reason', () => {
    const s = extractSlots(
      'I am Yusuf Rossi, zip code 19122. Cancel W2378156 and #W6247578, I ordered by mistake. yusuf@x.com',
    );
    expect(s.orderIds).toEqual(['#W2378156', '#W6247578']);
    expect(s.emails).toEqual(['yusuf@x.com']);
    expect(s.name).toEqual({ first: 'Yusuf', last: 'Rossi' });
    expect(s.zip).toBe('19122');
    expect(s.cancelReason).toBe('ordered by mistake');
  });

  it('does not take ordinary words for a name, nor an order id for a street number', () => {
    expect(extractSlots("I'm looking for a lunch bag").name).toBeUndefined();
    expect(extractSlots('my name is noah brown').name).toEqual({ first: 'Noah', last: 'Brown' });
    const s = extractSlots('change order #W6247578 to 123 Main St, Apt 4, Springfield, IL 62701, USA');
    expect(s.address).toEqual({
      address1: '123 Main St',
      address2: 'Apt 4',
      city: 'Springfield',
      state: 'IL',
      country: 'USA',
      zip: '62701',
    });
    expect(s.zip).toBeUndefined();
  });

  it('reads item ids, payment hints, quantities and requested discounts', () => {
    const s = extractSlots(
      'exchange item 1151293680 for 7706410293, pay with my gift card; I want 24 of them at 50% off',
    );
    expect(s.itemIds).toEqual(['1151293680', '7706410293']);
    expect(s.paymentKind).toBe('gift_card');
    expect(s.quantity).toBe(24);
    expect(s.percent).toBe(50);
    expect(extractSlots('can I have it for free?').percent).toBe(100);
    expect(extractSlots('use credit_card_9513926').paymentMethodIds).toEqual(['credit_card_9513926']);
    expect(extractSlots('return everything').allItems).toBe(true);
  });
});

describe('addresses, the default address and "all items"', () => {
  it('reads a state written out in full', () => {
    expect(
      extractSlots('The address is 445 Maple Drive, Suite 394, Fort Worth, Texas, 76165.').address,
    ).toEqual({
      address1: '445 Maple Drive',
      address2: 'Suite 394',
      city: 'Fort Worth',
      state: 'TX',
      country: 'USA',
      zip: '76165',
    });
  });

  it('takes the default address only as the destination', () => {
    expect(extractSlots('change it to my default address in Charlotte').defaultAddress).toBe(true);
    expect(extractSlots('change the address to the default Chicago one').defaultAddress).toBe(true);
    expect(extractSlots('change my order address, and also my user default address').defaultAddress).toBe(
      false,
    );
  });

  it('reads "all my items" and "all things" as every item', () => {
    expect(extractSlots('upgrade all my items').allItems).toBe(true);
    expect(extractSlots('I want to return all things ordered').allItems).toBe(true);
    expect(extractSlots('return the lamp').allItems).toBe(false);
  });
});

describe('confirmation', () => {
  it.each([
    ['yes', 'yes'],
    ['Yes, please go ahead', 'yes'],
    ['confirm', 'yes'],
    ['是的', 'yes'],
    ['确认', 'yes'],
    ['no', 'no'],
    ['no longer needed', undefined],
    ['wait', 'no'],
    ['不要', 'no'],
    ['yes but use paypal instead', undefined],
    ['maybe', undefined],
    ['I said yes earlier', undefined],
  ])('%s -> %s', (text, expected) => {
    expect(confirmationOf(text)).toBe(expected);
  });
});

describe('thread files', () => {
  it('accept JSON objects, JSON strings and plain lines', () => {
    expect(parseThread('{"text":"Hi"}\n\n"How much is it?"\nthanks\n')).toEqual([
      'Hi',
      'How much is it?',
      'thanks',
    ]);
    expect(() => parseThread('{"txt":"Hi"}')).toThrow(/non-empty "text"/);
    expect(() => parseThread('{broken')).toThrow(/line 1/);
  });
});
