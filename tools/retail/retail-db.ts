import { z } from 'zod';

/**
 * Schemas of the τ²-bench retail database (data/tau2-retail/db.json). Field names stay snake_case,
 * exactly as in the benchmark, so its tasks' tool calls replay unchanged.
 */

/** A postal address of a user or an order. */
export const RetailAddress = z.object({
  address1: z.string().describe("First line, e.g. '123 Main St'"),
  address2: z.string().describe("Second line, e.g. 'Apt 1', or ''"),
  city: z.string().describe("City, e.g. 'San Francisco'"),
  country: z.string().describe("Country, e.g. 'USA'"),
  state: z.string().describe("State, e.g. 'CA'"),
  zip: z.string().describe("Zip code, e.g. '12345'"),
});
export type RetailAddress = z.infer<typeof RetailAddress>;

/** One of a user's payment methods: credit card, PayPal account, or gift card with a balance. */
export const RetailPaymentMethod = z.discriminatedUnion('source', [
  z.object({
    source: z.literal('credit_card'),
    id: z.string().describe("Payment method id, e.g. 'credit_card_0000000'"),
    brand: z.string().describe('Card brand, e.g. visa'),
    last_four: z.string().describe('Last four digits of the card'),
  }),
  z.object({ source: z.literal('paypal'), id: z.string().describe("e.g. 'paypal_0000000'") }),
  z.object({
    source: z.literal('gift_card'),
    id: z.string().describe("e.g. 'gift_card_0000000'"),
    balance: z.number().describe('Remaining balance in USD'),
  }),
]);
export type RetailPaymentMethod = z.infer<typeof RetailPaymentMethod>;

/** A customer of the retail store. */
export const RetailUser = z.object({
  user_id: z.string().describe("User id, e.g. 'sara_doe_496'"),
  name: z.object({ first_name: z.string(), last_name: z.string() }),
  address: RetailAddress.describe('Default address'),
  email: z.string(),
  payment_methods: z.record(z.string(), RetailPaymentMethod).describe('Payment methods by id'),
  orders: z.array(z.string()).describe("The user's order ids, e.g. '#W0000000'"),
});
export type RetailUser = z.infer<typeof RetailUser>;

/** One item of an order: a variant of a product at the price paid. */
export const RetailOrderItem = z.object({
  name: z.string().describe('Product name'),
  product_id: z.string().describe('Product id (not the item id)'),
  item_id: z.string().describe('Item (variant) id (not the product id)'),
  price: z.number().describe('Price paid in USD'),
  options: z.record(z.string(), z.string()).describe('Option values, e.g. {color: "blue", size: "M"}'),
});
export type RetailOrderItem = z.infer<typeof RetailOrderItem>;

/** A payment or refund on an order. */
export const RetailOrderPayment = z.object({
  transaction_type: z.enum(['payment', 'refund']),
  amount: z.number().describe('Amount in USD'),
  payment_method_id: z.string(),
});
export type RetailOrderPayment = z.infer<typeof RetailOrderPayment>;

/** An order; the optional fields appear after a cancel, return or exchange. */
export const RetailOrder = z.object({
  order_id: z.string().describe("Order id, e.g. '#W0000000' (with the '#')"),
  user_id: z.string(),
  address: RetailAddress.describe('Shipping address'),
  items: z.array(RetailOrderItem),
  status: z
    .string()
    .describe(
      "pending, processed, delivered, cancelled, 'pending (item modified)', 'return requested' or 'exchange requested'",
    ),
  fulfillments: z.array(z.object({ tracking_id: z.array(z.string()), item_ids: z.array(z.string()) })),
  payment_history: z.array(RetailOrderPayment),
  cancel_reason: z.string().optional(),
  return_items: z.array(z.string()).optional(),
  return_payment_method_id: z.string().optional(),
  exchange_items: z.array(z.string()).optional(),
  exchange_new_items: z.array(z.string()).optional(),
  exchange_payment_method_id: z.string().optional(),
  exchange_price_difference: z.number().optional(),
});
export type RetailOrder = z.infer<typeof RetailOrder>;

/** A variant item of a product type. */
export const RetailVariant = z.object({
  item_id: z.string().describe('Item id (not the product id)'),
  options: z.record(z.string(), z.string()),
  available: z.boolean().describe('Whether the item can be ordered now'),
  price: z.number().describe('Price in USD'),
});
export type RetailVariant = z.infer<typeof RetailVariant>;

/** A product type with its variant items. */
export const RetailProduct = z.object({
  name: z.string(),
  product_id: z.string().describe('Product id (not an item id)'),
  variants: z.record(z.string(), RetailVariant).describe('Variant items by item id'),
});
export type RetailProduct = z.infer<typeof RetailProduct>;

/** The whole database. */
export const RetailDb = z.object({
  products: z.record(z.string(), RetailProduct),
  users: z.record(z.string(), RetailUser),
  orders: z.record(z.string(), RetailOrder),
});
export type RetailDb = z.infer<typeof RetailDb>;
