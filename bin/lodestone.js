#!/usr/bin/env node
// The `lodestone` command. The sources are TypeScript; tsx's loader runs them directly so that a
// fresh clone needs no build step.
import { register } from 'tsx/esm/api';

register();
await import('../src/cli/main.ts');
