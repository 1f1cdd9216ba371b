export * from './lodestone.js';
export * from './build-plan.js';
export type { ProgressEvent } from './step-recorder.js';
