// Entry of an eval worker thread. Workers do not inherit the parent's module loader, so the tsx
// loader is registered here before the TypeScript worker is imported — the same way
// bin/lodestone.js starts the CLI. This works whether the parent runs under bin/lodestone.js,
// `tsx` or vitest.
import { register } from 'tsx/esm/api';

register();
await import('./worker.ts');
