/**
 * How the LLM policies of a run reach their model. The harness only carries it — to the trials of
 * this thread and, as a copy, to worker threads, which build their own client from it — so it is
 * plain data except the optional `chat` of tests.
 */
import type { Config } from '../../src/core/index.js';
import type { ChatModel } from '../../src/core/model/index.js';
import type { CachePolicy } from './model-cache.js';

/** The model setup of a run whose `--model` is not `offline`. */
export interface EvalModelSetup {
  /**
   * The parsed config with `model` set to the run's model (`openai:<model>`): endpoint, key,
   * timeout, retries, price and budgets. Never written to disk (it holds the key).
   */
  readonly config: Config;
  readonly cache: CachePolicy;
  /** Where recorded calls live, normally `<dataDir>/evals/cache`. */
  readonly cacheDir: string;
  /**
   * A chat model to use instead of building one from the config (tests). It cannot be sent to a
   * worker thread, so a run with one stays in this thread.
   */
  readonly chat?: ChatModel;
}
