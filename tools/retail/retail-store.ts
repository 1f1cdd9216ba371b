import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { DataError, UserError } from '../../src/core/index.js';
import {
  RetailDb,
  type RetailOrder,
  type RetailPaymentMethod,
  type RetailProduct,
  type RetailUser,
  type RetailVariant,
} from './retail-db.js';

/** Where the τ²-bench retail database is shipped. */
export const DEFAULT_RETAIL_DB_PATH = fileURLToPath(
  new URL('../../data/tau2-retail/db.json', import.meta.url),
);

/**
 * A retail tool refused an action because a precondition failed (order not pending, unknown item,
 * gift card balance too low...). The message is the benchmark's own wording.
 */
export class RetailActionError extends UserError {
  readonly code = 'RETAIL_ACTION_REJECTED';
  constructor(message: string, context: Record<string, unknown> = {}) {
    super(message, { context });
  }
}

/**
 * One session's copy of the retail database with the look-ups every tool shares. Tools mutate this
 * copy only; the shipped file is never written.
 *
 * @example
 * ```ts
 * const store = openRetailStore();
 * store.getOrder('#W2378156').status; // 'delivered'
 * ```
 */
export class RetailStore {
  readonly db: RetailDb;

  constructor(db: RetailDb) {
    this.db = db;
  }

  /** The user, or 'User not found'. */
  getUser(userId: string): RetailUser {
    const user = this.db.users[userId];
    if (!user) throw new RetailActionError('User not found', { userId });
    return user;
  }

  /** The order ('#W0000000'), or 'Order not found'. */
  getOrder(orderId: string): RetailOrder {
    const order = this.db.orders[orderId];
    if (!order) throw new RetailActionError('Order not found', { orderId });
    return order;
  }

  /** The product type, or 'Product not found'. */
  getProduct(productId: string): RetailProduct {
    const product = this.db.products[productId];
    if (!product) throw new RetailActionError('Product not found', { productId });
    return product;
  }

  /** Finds an item id in any product (item ids are unique across products). */
  getItem(itemId: string): RetailVariant {
    for (const product of Object.values(this.db.products)) {
      const variant = product.variants[itemId];
      if (variant) return variant;
    }
    throw new RetailActionError('Item not found', { itemId });
  }

  /** A variant of one product: an item of another product is 'Variant not found'. */
  getVariant(productId: string, itemId: string): RetailVariant {
    const variant = this.getProduct(productId).variants[itemId];
    if (!variant) throw new RetailActionError('Variant not found', { productId, itemId });
    return variant;
  }

  /** One of the user's own payment methods, or 'Payment method not found'. */
  getPaymentMethod(userId: string, paymentMethodId: string): RetailPaymentMethod {
    const method = this.getUser(userId).payment_methods[paymentMethodId];
    if (!method) throw new RetailActionError('Payment method not found', { paymentMethodId });
    return method;
  }

  /** sha256 of the database state: two stores with the same hash hold the same data. */
  stateHash(): string {
    return createHash('sha256').update(stableJson(this.db)).digest('hex');
  }
}

const cache = new Map<string, RetailDb>();

/**
 * Reads and validates the shipped database once per path; returns the cached, frozen original.
 * Use {@link openRetailStore} for a mutable copy.
 */
export function loadRetailDb(path: string = DEFAULT_RETAIL_DB_PATH): Readonly<RetailDb> {
  const cached = cache.get(path);
  if (cached) return cached;
  let raw: unknown;
  try {
    raw = JSON.parse(readFileSync(path, 'utf8'));
  } catch (cause) {
    throw new DataError(`Cannot read the retail database at ${path}; expected τ²-bench's db.json.`, {
      cause,
      context: { path },
    });
  }
  const parsed = RetailDb.safeParse(raw);
  if (!parsed.success) {
    const first = parsed.error.issues[0];
    throw new DataError(
      `The retail database at ${path} is not in τ²-bench's format: ${first?.path.join('.')}: ${first?.message}`,
      { context: { path } },
    );
  }
  cache.set(path, deepFreeze(parsed.data));
  return parsed.data;
}

/**
 * A fresh deep copy of the retail database for one thread or session, so tools may write to it
 * while the shipped file and other sessions stay untouched.
 *
 * @example
 * ```ts
 * const a = openRetailStore();
 * const b = openRetailStore(); // independent of a
 * ```
 */
export function openRetailStore(options: { path?: string } = {}): RetailStore {
  return new RetailStore(structuredClone(loadRetailDb(options.path)));
}

function deepFreeze<T>(value: T): T {
  if (value !== null && typeof value === 'object') {
    for (const child of Object.values(value)) deepFreeze(child);
    Object.freeze(value);
  }
  return value;
}

/** JSON with object keys sorted, so equal data gives equal text whatever the insertion order. */
export function stableJson(value: unknown): string {
  return JSON.stringify(value, (_key, v: unknown) =>
    v !== null && typeof v === 'object' && !Array.isArray(v)
      ? Object.fromEntries(
          Object.entries(v as Record<string, unknown>).sort(([a], [b]) => a.localeCompare(b)),
        )
      : v,
  );
}

/** Rounds to cents, as the benchmark does after every balance change. */
export function roundCents(x: number): number {
  return Math.round(x * 100) / 100;
}

/**
 * Case- and accent-insensitive comparison key, as τ²-bench matches names and emails.
 *
 * @example
 * ```ts
 * foldForMatch('Vázquez') === foldForMatch('vazquez'); // true
 * ```
 */
export function foldForMatch(text: string): string {
  return text
    .normalize('NFKD')
    .replace(/[\u0300-\u036f]/g, '')
    .trim()
    .toLowerCase();
}
