export * from './audience-reasoner.js';
export { BASE_CVR } from './segments.js';
export { countriesFor } from './regions.js';
export * from './llm-complements.js';
