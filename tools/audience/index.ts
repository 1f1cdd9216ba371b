export * from './next-buyers.js';
