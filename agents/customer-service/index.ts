/**
 * The customer-service agent: intent classification trained on Bitext, slot extraction, the
 * offline policy (pre-sales answers with citations, leads, coupons, order and account tasks under
 * τ²-bench's retail policy), the LLM policy (one checked decision per tool loop, same contract),
 * ABCD's expected action sequences, and thread files.
 */
export * from './bitext-dataset.js';
export * from './text-features.js';
export * from './naive-bayes.js';
export * from './intent-model.js';
export * from './intent-metrics.js';
export * from './intent-router.js';
export * from './slots.js';
export * from './expected-actions.js';
export * from './product-answer.js';
export * from './search-products.js';
export * from './policy-types.js';
export * from './policy-replies.js';
export * from './thread-memory.js';
export * from './policy-account.js';
export * from './policy-sales.js';
export * from './offline-policy.js';
export * from './llm-decision.js';
export * from './llm-tool-catalog.js';
export * from './llm-identifiers.js';
export * from './llm-output-check.js';
export * from './llm-instructions.js';
export * from './llm-transcript.js';
export * from './llm-budget.js';
export * from './llm-policy.js';
export * from './llm-classify.js';
export * from './thread-file.js';
export * from './sample-catalog.js';
