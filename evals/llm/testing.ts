/**
 * Test support for the suites' LLM policies: a trial context whose model setup answers from a
 * strict scripted model and records nothing.
 */
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { loadConfig } from '../../src/core/index.js';
import type { ChatModel } from '../../src/core/model/index.js';
import { CostMeter, seededRandom, type TrialContext } from '../harness/index.js';

/** The model id the scripted contexts name (priced as an unknown model). */
export const SCRIPTED_MODEL = 'openai:test-model';

/**
 * A trial context for calling a suite's `llm(model).run(task, ctx)` directly with a scripted chat
 * model: cache policy `off`, an endpoint that is never reached, a fresh meter.
 *
 * @example
 * ```ts
 * const ctx = scriptedLlmContext('brief-parsing', undefined, new ScriptedChatModel([script.json(brief)]));
 * const output = await briefParsing.llm!(SCRIPTED_MODEL).run(task, ctx);
 * ```
 */
export function scriptedLlmContext<E>(
  suite: string,
  env: E,
  chat: ChatModel,
  over: Partial<TrialContext<E>> = {},
): TrialContext<E> {
  const seed = over.seed ?? 1;
  return {
    suite,
    policy: SCRIPTED_MODEL,
    trial: 0,
    seed,
    random: seededRandom(seed),
    env,
    meter: new CostMeter(),
    llm: {
      config: loadConfig({ LODESTONE_MODEL: SCRIPTED_MODEL, OPENAI_BASE_URL: 'http://127.0.0.1:9/v1' }),
      cache: 'off',
      cacheDir: join(tmpdir(), 'lodestone-scripted-never-written'),
      chat,
    },
    ...over,
  };
}
