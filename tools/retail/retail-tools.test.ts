import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { InvalidInputError } from '../../src/core/index.js';
import {
  createRetailToolRegistry,
  createRetailTools,
  evaluateArithmetic,
  isRetailWriteTool,
  loadRetailDb,
  openRetailStore,
} from './index.js';
import { RetailActionError, type RetailStore } from './retail-store.js';

interface Task {
  id: string;
  evaluation_criteria: { actions: { name: string; arguments: Record<string, unknown> }[] };
}
const pendingOrderId = (store: RetailStore): string =>
  Object.values(store.db.orders).find((o) => o.status === 'pending')?.order_id ?? '';
/**
 * The reference trajectories hold failing calls of their own, and they fail here for the same
 * reasons: the docstring's example product id, wrong emails and zips tried before the right one,
 * order ids without the 'W', a write tried both as exchange and as modification, and an exchange
 * the gift card cannot cover (94.80 x2 -> 101.12 + 109.58 against a 17.00 balance).
 */
const KNOWN_FAILURES = [
  '2:get_product_details: Product not found',
  '3:get_product_details: Product not found',
  '4:get_product_details: Product not found',
  '35:find_user_id_by_email: User not found',
  '37:find_user_id_by_email: User not found',
  '38:find_user_id_by_email: User not found',
  '39:find_user_id_by_name_zip: User not found',
  '46:get_order_details: invalid input',
  '46:get_order_details: invalid input',
  '47:get_order_details: invalid input',
  '47:get_order_details: invalid input',
  '54:find_user_id_by_email: User not found',
  '55:find_user_id_by_email: User not found',
  '64:exchange_delivered_order_items: Non-delivered order cannot be exchanged',
  '67:find_user_id_by_name_zip: User not found',
  '67:find_user_id_by_name_zip: User not found',
  '68:find_user_id_by_name_zip: User not found',
  '105:exchange_delivered_order_items: Insufficient gift card balance to pay for the price difference',
];
const tasks = JSON.parse(readFileSync('data/tau2-retail/tasks.json', 'utf8')) as Task[];

describe('retail store', () => {
  it('gives every session its own deep copy and never mutates the shipped data', () => {
    const a = openRetailStore();
    const b = openRetailStore();
    const before = b.stateHash();
    const id = pendingOrderId(a);
    createRetailTools(a).cancel_pending_order.call({ order_id: id, reason: 'no longer needed' });
    expect(a.getOrder(id).status).toBe('cancelled');
    expect(b.getOrder(id).status).toBe('pending');
    expect(b.stateHash()).toBe(before);
    expect(a.stateHash()).not.toBe(before);
    expect(loadRetailDb().orders[id]?.status).toBe('pending');
    expect(Object.isFrozen(loadRetailDb().orders)).toBe(true);
  });
});

describe('τ²-bench reference trajectories', () => {
  it(`replay the ${tasks.length} tasks on fresh stores; only the known failing calls fail`, () => {
    let writes = 0;
    const failed: string[] = [];
    for (const task of tasks) {
      const registry = createRetailToolRegistry(openRetailStore());
      for (const action of task.evaluation_criteria.actions) {
        const tool = registry.get(action.name) as { call?: (input: unknown) => unknown };
        if (isRetailWriteTool(action.name)) writes++;
        try {
          tool.call?.(action.arguments);
        } catch (error) {
          if (!(error instanceof RetailActionError || error instanceof InvalidInputError)) throw error;
          const why = error instanceof InvalidInputError ? 'invalid input' : error.message;
          failed.push(`${task.id}:${action.name}: ${why}`);
        }
      }
    }
    expect(writes).toBe(176);
    expect(failed).toEqual(KNOWN_FAILURES);
  });
});

describe('retail tools: preconditions mirror τ²-bench', () => {
  const fresh = () => {
    const store = openRetailStore();
    return { store, tools: createRetailTools(store) };
  };

  it('authenticates by email or by name + zip, case- and accent-insensitively', () => {
    const { tools } = fresh();
    expect(tools.find_user_id_by_email.call({ email: 'Noah.Brown7922@example.com' })).toEqual({
      user_id: 'noah_brown_6181',
    });
    expect(
      tools.find_user_id_by_name_zip.call({ first_name: 'yusuf', last_name: 'ROSSI', zip: '19122' }),
    ).toEqual({
      user_id: 'yusuf_rossi_9620',
    });
    expect(() =>
      tools.find_user_id_by_name_zip.call({ first_name: 'Yusuf', last_name: 'Rossi', zip: '19123' }),
    ).toThrow(RetailActionError);
    expect(() => tools.find_user_id_by_email.call({ email: 'nobody@example.com' })).toThrow('User not found');
  });

  it('cancels only pending orders, with one of the two reasons, refunding gift cards at once', () => {
    const { store, tools } = fresh();
    const delivered = Object.values(store.db.orders).find((o) => o.status === 'delivered');
    expect(() =>
      tools.cancel_pending_order.call({ order_id: delivered?.order_id, reason: 'no longer needed' }),
    ).toThrow('Non-pending order cannot be cancelled');
    const pending = Object.values(store.db.orders).find(
      (o) =>
        o.status === 'pending' &&
        o.payment_history.some(
          (p) => store.getPaymentMethod(o.user_id, p.payment_method_id).source === 'gift_card',
        ),
    );
    if (!pending) throw new Error('fixture: no pending gift-card order');
    expect(() =>
      tools.cancel_pending_order.call({ order_id: pending.order_id, reason: 'too expensive' }),
    ).toThrow(InvalidInputError);
    const card = pending.payment_history[0]?.payment_method_id ?? '';
    const method = store.getPaymentMethod(pending.user_id, card);
    const before = method.source === 'gift_card' ? method.balance : 0;
    const after = tools.cancel_pending_order.call({
      order_id: pending.order_id,
      reason: 'ordered by mistake',
    });
    expect(after.status).toBe('cancelled');
    expect(after.payment_history.at(-1)?.transaction_type).toBe('refund');
    const m = store.getPaymentMethod(pending.user_id, card);
    expect(m.source === 'gift_card' ? m.balance : 0).toBeCloseTo(
      before + (pending.payment_history[0]?.amount ?? 0),
      2,
    );
  });

  it('modifies items once, only to available variants of the same product, settling the difference', () => {
    const { store, tools } = fresh();
    const order = store.getOrder(pendingOrderId(store));
    const item = order.items[0];
    if (!item) throw new Error('fixture');
    const product = store.getProduct(item.product_id);
    const other = Object.values(product.variants).find((v) => v.available && v.item_id !== item.item_id);
    const otherProduct = Object.values(store.db.products).find((p) => p.product_id !== item.product_id);
    const foreignItem = Object.keys(otherProduct?.variants ?? {})[0];
    const pm = order.payment_history[0]?.payment_method_id ?? '';
    const swap = (newId: string) => ({
      order_id: order.order_id,
      item_ids: [item.item_id],
      new_item_ids: [newId],
      payment_method_id: pm,
    });
    expect(() => tools.modify_pending_order_items.call(swap(foreignItem ?? ''))).toThrow('Variant not found');
    expect(() => tools.modify_pending_order_items.call(swap(item.item_id))).toThrow('should be different');
    const result = tools.modify_pending_order_items.call(swap(other?.item_id ?? ''));
    expect(result.status).toBe('pending (item modified)');
    expect(result.items[0]?.price).toBe(other?.price);
    expect(() => tools.modify_pending_order_items.call(swap(item.item_id))).toThrow('Non-pending');
    expect(() =>
      tools.cancel_pending_order.call({ order_id: order.order_id, reason: 'no longer needed' }),
    ).toThrow();
    // address and payment may still change after an item modification, as in the benchmark
    expect(
      tools.modify_pending_order_address.call({
        order_id: order.order_id,
        address1: '1 Main St',
        address2: '',
        city: 'Austin',
        state: 'TX',
        country: 'USA',
        zip: '78701',
      }).address.city,
    ).toBe('Austin');
  });

  it('returns delivered items only to the original payment method or a gift card', () => {
    const { store, tools } = fresh();
    const order = store.getOrder('#W7678072'); // delivered, paid by paypal_5727330
    expect(() =>
      tools.return_delivered_order_items.call({
        order_id: order.order_id,
        item_ids: ['2323972008'],
        payment_method_id: 'credit_card_7815826',
      }),
    ).toThrow('original payment method');
    expect(() =>
      tools.return_delivered_order_items.call({
        order_id: order.order_id,
        item_ids: ['2323972008', '2323972008'],
        payment_method_id: 'paypal_5727330',
      }),
    ).toThrow('Some item not found');
    const done = tools.return_delivered_order_items.call({
      order_id: 'W7678072',
      item_ids: ['2323972008'],
      payment_method_id: 'paypal_5727330',
    });
    expect(done.status).toBe('return requested');
    expect(done.return_items).toEqual(['2323972008']);
  });

  it('changes payment only to a different method, and a gift card must cover the total', () => {
    const { store, tools } = fresh();
    const order = Object.values(store.db.orders).find((o) => {
      if (o.status !== 'pending' || o.payment_history.length !== 1) return false;
      const paid = o.payment_history[0];
      return Object.values(store.getUser(o.user_id).payment_methods).some(
        (m) =>
          m.source === 'gift_card' && m.id !== paid?.payment_method_id && m.balance < (paid?.amount ?? 0),
      );
    });
    if (!order) throw new Error('fixture');
    const current = order.payment_history[0]?.payment_method_id ?? '';
    const card = Object.values(store.getUser(order.user_id).payment_methods).find(
      (m) =>
        m.source === 'gift_card' && m.id !== current && m.balance < (order.payment_history[0]?.amount ?? 0),
    );
    expect(() =>
      tools.modify_pending_order_payment.call({ order_id: order.order_id, payment_method_id: current }),
    ).toThrow('different');
    expect(() =>
      tools.modify_pending_order_payment.call({
        order_id: order.order_id,
        payment_method_id: card?.id ?? '',
      }),
    ).toThrow('Insufficient');
  });

  it('rejects malformed input with the expected shape in the message', () => {
    const { tools } = fresh();
    expect(() => tools.get_order_details.call({ order_id: 'order 5' })).toThrow(/#W0000000/);
    expect(tools.calculate.call({ expression: '(146.98 + 162.15) * 2' })).toEqual({ result: 618.26 });
    expect(evaluateArithmetic('-2 + 3 * (4 - 1) / 2')).toBe(2.5);
    expect(() => evaluateArithmetic('2 +')).toThrow('Invalid expression');
  });
});
