export * from './campaign-launch.js';
export * from './review.js';
export * from './support-conversation.js';
export * from './support-conversation-session.js';
export * from './delivery.js';
