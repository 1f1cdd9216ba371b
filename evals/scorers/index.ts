/** Pure scorers: ranking metrics and field-by-field brief comparison. */
export * from './ranking.js';
export * from './brief-fields.js';
