/** Pure scorers: ranking metrics, field-by-field brief comparison, action-sequence metrics. */
export * from './ranking.js';
export * from './brief-fields.js';
export * from './sequence.js';
