import { describe, expect, it } from 'vitest';
import type { RetailOrder, RetailOrderItem } from '../../tools/retail/index.js';
import {
  nameScore,
  namedItems,
  orderCandidates,
  preferredCandidate,
  resolveVariants,
  splitKept,
  spreadOverOrders,
  statusHint,
  textAbout,
  wantsSeveralOrders,
} from './order-match.js';

const item = (
  name: string,
  id: string,
  options: Record<string, string> = {},
  product = name,
): RetailOrderItem => ({
  name,
  product_id: product,
  item_id: id,
  price: 10,
  options,
});

const order = (id: string, status: string, items: RetailOrderItem[]): RetailOrder => ({
  order_id: id,
  user_id: 'u',
  address: { address1: '', address2: '', city: '', country: '', state: '', zip: '' },
  items,
  status,
  fulfillments: [],
  payment_history: [],
});

const shirt = item('T-Shirt', '1', { size: 'S', color: 'blue' });
const bigShirt = item('T-Shirt', '2', { size: 'XXL', color: 'black' });
const bottle = item('Water Bottle', '3');
const lamp = item('Desk Lamp', '4');
const camera = item('Digital Camera', '5');
const action = item('Action Camera', '6');

describe('naming items', () => {
  it('reads plurals, joined words and aliases, and skips words that name nothing alone', () => {
    expect(nameScore('T-Shirt', 'all my pending tshirts')).toBeGreaterThan(0);
    expect(nameScore('T-Shirt', 'my t-shirt')).toBeGreaterThan(0);
    expect(nameScore('Wristwatch', 'return the watch')).toBeGreaterThan(0);
    expect(nameScore('Water Bottle', 'the speaker is not resistant to water')).toBe(0);
    expect(nameScore('Pet Bed', 'a vacuum for pet hair removal')).toBe(0);
  });

  it('reads plurals in -ves ("bookshelves") as the product', () => {
    const shelf = item('Bookshelf', '9');
    expect(nameScore('Bookshelf', 'return all bookshelves')).toBeGreaterThan(0);
    expect(namedItems([shelf, bottle], 'all bookshelves and bottles')).toEqual([shelf, bottle]);
    expect(textAbout(bottle, [shelf, bottle], 'return the bookshelves and exchange the bottle')).toBe(
      'return the  bottle',
    );
  });

  it('splits off what the buyer says to keep', () => {
    expect(splitKept('return the headphones but keep the smart watch')).toEqual({
      act: 'return the headphones but  ',
      kept: ' keep the smart watch',
    });
    expect(namedItems([lamp, bottle], splitKept('return the lamp, not the water bottle').act)).toEqual([
      lamp,
    ]);
    expect(namedItems([lamp, bottle], splitKept('everything except the desk lamp').kept)).toEqual([lamp]);
    expect(splitKept('I am not happy with the lamp, return it').act).toBe(
      'I am not happy with the lamp, return it',
    );
  });

  it('prefers the product named in full over one sharing a word', () => {
    expect(namedItems([camera, action], 'exchange my digital camera')).toEqual([camera]);
    expect(namedItems([camera, action], 'exchange my cameras')).toEqual([camera, action]);
  });
});

describe('orderCandidates', () => {
  const pending = order('#W1', 'pending', [shirt, lamp]);
  const delivered = order('#W2', 'delivered', [bigShirt, bottle]);

  it('keeps orders whose status allows the task and that hold the named items', () => {
    expect(
      orderCandidates('cancel', [pending, delivered], 'cancel my desk lamp').map((c) => c.order.order_id),
    ).toEqual(['#W1']);
    expect(
      orderCandidates('return', [pending, delivered], 'return my tshirt').map((c) => c.order.order_id),
    ).toEqual(['#W2']);
    expect(orderCandidates('change_items', [pending, delivered], 'change my tshirt')).toHaveLength(2);
    expect(
      orderCandidates('change_items', [pending, delivered], 'change my pending tshirt').map(
        (c) => c.order.order_id,
      ),
    ).toEqual(['#W1']);
  });

  it('returns the one order holding the item even when its status forbids the task, to say why', () => {
    expect(
      orderCandidates('return', [pending, delivered], 'return the desk lamp').map((c) => c.order.order_id),
    ).toEqual(['#W1']);
  });

  it('returns every allowed order when no item is named', () => {
    expect(orderCandidates('track', [pending, delivered], 'where is my order')).toHaveLength(2);
  });

  it('reads status hints, requests for several orders, and items spread over orders', () => {
    expect(statusHint('the lamp I received')).toBe('delivered');
    expect(statusHint('my pending boots')).toBe('pending');
    expect(wantsSeveralOrders('cancel all my pending orders')).toBe(true);
    expect(wantsSeveralOrders('modify all my pending tshirts to purple')).toBe(true);
    expect(wantsSeveralOrders('cancel my order')).toBe(false);
    // "Everything" or "all the items" is about one order, unless orders are said in the plural.
    expect(wantsSeveralOrders('return everything')).toBe(false);
    expect(wantsSeveralOrders('return all the items in my order')).toBe(false);
    expect(wantsSeveralOrders('return all bookshelves I received in different orders')).toBe(true);
    expect(wantsSeveralOrders('return everything, I have two orders')).toBe(true);
    const spread = orderCandidates(
      'return',
      [order('#W3', 'delivered', [lamp]), delivered],
      'return the lamp and the bottle',
    );
    expect(spreadOverOrders(spread)).toBe(true);
    const both = orderCandidates('change_items', [pending, delivered], 'change my tshirt');
    expect(spreadOverOrders(both)).toBe(false);
  });

  it('prefers the order holding every named product, else the one whose options were stated', () => {
    const withLamp = orderCandidates('change_items', [pending, delivered], 'change the tshirt and the lamp');
    expect(preferredCandidate(withLamp, 'change the tshirt and the lamp')?.order.order_id).toBe('#W1');
    const shirts = orderCandidates('change_items', [pending, delivered], 'change my small tshirt');
    expect(preferredCandidate(shirts, 'change my small tshirt')?.order.order_id).toBe('#W1');
    expect(preferredCandidate(shirts, 'change my tshirt')).toBeUndefined();
  });
});

describe('resolveVariants and textAbout', () => {
  const canister = item('Vacuum Cleaner', '7', { type: 'canister' }, 'vac');
  const robotic = item('Vacuum Cleaner', '8', { type: 'robotic' }, 'vac');

  it('asks about a product held in two variants unless ids, options or a plural decide', () => {
    expect(resolveVariants([canister, robotic, bottle], 'return the vacuum and the bottle', [])).toEqual({
      items: [bottle],
      unclear: [canister, robotic],
    });
    expect(resolveVariants([canister, robotic], 'return the robotic vacuum', []).items).toEqual([robotic]);
    expect(resolveVariants([canister, robotic], 'return the vacuum', ['7']).items).toEqual([canister]);
    expect(resolveVariants([canister, robotic], 'return both vacuums', []).items).toEqual([
      canister,
      robotic,
    ]);
  });

  it('takes the dearer or cheaper of two by price, and one of them is no plural', () => {
    const cheap = { ...item('Tablet', '10', { storage: '64GB' }, 'tab'), price: 900 };
    const dear = { ...item('Tablet', '11', { storage: '128GB' }, 'tab'), price: 990 };
    expect(resolveVariants([cheap, dear], 'return the more expensive tablet', []).items).toEqual([dear]);
    expect(resolveVariants([cheap, dear], 'I got two tablets, return the cheaper one', []).items).toEqual([
      cheap,
    ]);
    // What it should become is no clue to which it is.
    expect(resolveVariants([cheap, dear], 'exchange my tablet to the cheapest one', []).unclear).toEqual([
      cheap,
      dear,
    ]);
    expect(resolveVariants([cheap, dear], 'I received two tablets and I only need one', []).unclear).toEqual([
      cheap,
      dear,
    ]);
    // "Both" about something else does not make the product plural.
    expect(
      resolveVariants([canister, robotic], 'return the vacuum, both of us dislike it', []).unclear,
    ).toEqual([canister, robotic]);
  });

  it('cuts the words about one item out of a request about several', () => {
    const text =
      'I want to exchange the water bottle to a bigger one, and the desk lamp to a less bright one';
    expect(textAbout(lamp, [bottle, lamp], text)).toBe(
      'I want to exchange the  desk lamp to a less bright one',
    );
    expect(textAbout(bottle, [bottle, lamp], text)).toBe(
      'I want to exchange the  water bottle to a bigger one, and the ',
    );
    expect(textAbout(bottle, [bottle], text)).toBe(text);
  });
});

describe('resolveVariants: measured options', () => {
  const small = item('Laptop', '13', { 'screen size': '13-inch', color: 'silver' });
  const large = item('Laptop', '17', { 'screen size': '17-inch', color: 'black' });

  it('tells "17-inch" from "13-inch" by the number, not by "inch" alone', () => {
    expect(
      resolveVariants([small, large], 'i want to modify the 17-inch laptop to the 13-inch version', []).items,
    ).toEqual([large]);
    expect(resolveVariants([small, large], 'return my 13 inch laptop', []).items).toEqual([small]);
  });

  it('still asks when no number of theirs is said', () => {
    expect(
      resolveVariants([small, large], 'return my laptop, the one with the big inch screen', []).unclear,
    ).toEqual([small, large]);
  });
});
