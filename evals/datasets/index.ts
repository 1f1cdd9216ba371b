/** Readers of the shipped datasets the suites are built on, and of the hand-written gold files. */
export * from './groceries.js';
export * from './retail-months.js';
export * from './jsonl.js';
