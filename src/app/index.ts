export * from './lodestone.js';
export * from './build-plan.js';
export type { ProgressEvent } from './step-recorder.js';
export { createChatModel, LodestoneChatOpenAI, type ChatModelOptions } from './model-factory.js';
export {
  budgetsFromConfig,
  llmToolRegistry,
  pricesFromConfig,
  type LlmSetup,
  type RunBudgets,
} from './llm-runtime.js';
export type { RunStarted } from './run-journal.js';
export * from './support-run.js';
export { resumeSupportRun, type SupportResumeDeps } from './support-run-resume.js';
export { createEmbedder, resolveEmbedderSettings, type EmbedderSettings } from './embedder-factory.js';
