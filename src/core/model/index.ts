/**
 * The model port: the chat-model type agents receive, model-id parsing, endpoint settings checked
 * at start-up, the versioned price table and a tokenizer-free token estimate.
 *
 * @example
 * ```ts
 * import { resolveModelSettings, costOf } from '../src/core/model/index.js';
 * const settings = resolveModelSettings(config); // throws ConfigError before any call
 * ```
 */
export * from './types.js';
export * from './model-id.js';
export * from './model-settings.js';
export * from './prices.js';
export * from './tokens.js';
