export * from './campaign-launch.js';
export * from './review.js';
