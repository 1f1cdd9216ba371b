export * from './journal.js';
export * from './sqlite-journal.js';
