import { join } from 'node:path';
import { BruteForceMemory } from './brute-force-memory.js';
import { describeVectorMemoryContract } from './vector-memory.contract.js';

describeVectorMemoryContract('BruteForceMemory', ({ dir, dim, schema }) =>
  BruteForceMemory.open({ path: join(dir, 'items.sqlite'), dim, schema }),
);
