// Vector memory of products and users: the port, its two adapters, embedders, product and user
// memories, and the LangChain adapter.
export * from './errors.js';
export type * from './vector-memory.js';
export * from './metadata-filter.js';
export type * from './record-store.js';
export * from './sqlite-record-store.js';
export * from './brute-force-memory.js';
export * from './hnsw-memory.js';
export type { MemoryOptions } from './stored-memory.js';
export * from './embedder.js';
export * from './hashed-embedder.js';
export * from './feature-idf.js';
export * from './offline-embedder.js';
export * from './ppmi-svd.js';
export * from './shipped-corpus.js';
export { words, charNgrams, segments, hash32 } from './tokenize.js';
export type { Segment } from './tokenize.js';
export * from './openai-embedder.js';
export * from './collection-sync.js';
export * from './product-memory.js';
export * from './user-memory.js';
export * from './langchain-store.js';
