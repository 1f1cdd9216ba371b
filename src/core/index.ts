export * from './errors.js';
export * from './config.js';
export * from './logger.js';
export * from './clock.js';
export * from './ids.js';
export * from './schemas/index.js';
export * from './journal/index.js';
export * from './model/index.js';
