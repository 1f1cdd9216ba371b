import type { z } from 'zod';
import { AgentError, type Logger } from '../src/core/index.js';
import type { ProductMemory, UserMemory } from '../memory/index.js';
import type { Catalog } from '../tools/catalog/index.js';

/** The shared vector memory of products and users, when the composition root opened it. */
export interface AgentMemory {
  readonly products: ProductMemory;
  readonly users: UserMemory;
}

/** What every agent receives from the composition root. Agents never construct clients. */
export interface AgentContext {
  readonly catalog: Catalog;
  readonly logger: Logger;
  /** Today's date, YYYY-MM-DD (injected; agents never read the clock). */
  readonly today: string;
  readonly defaultCurrency: string;
  /**
   * Opens (once) and returns the vector memory; undefined without one, and agents fall back to
   * the catalog's own statistics. A loader rather than a value, so that an agent that fails before
   * it needs the memory (a goal without a budget) never waits for it to be built.
   */
  readonly memory?: () => Promise<AgentMemory | undefined>;
}

/** An agent: one input schema, one output schema, the tools it may use, and its offline policy. */
export interface AgentDefinition<I extends z.ZodType, O extends z.ZodType> {
  readonly name: string;
  readonly description: string;
  readonly input: I;
  readonly output: O;
  /** Names of the deterministic tools the agent may call. */
  readonly tools: readonly string[];
  /** The deterministic policy: no key, no network. */
  readonly offline: (input: z.output<I>, ctx: AgentContext) => z.input<O> | Promise<z.input<O>>;
}

export interface Agent<I extends z.ZodType, O extends z.ZodType> extends AgentDefinition<I, O> {
  /** Runs the offline policy, validating input and output at the boundary. */
  run(input: z.input<I>, ctx: AgentContext): Promise<z.output<O>>;
}

/**
 * Defines an agent whose `run` validates what goes in and what comes out.
 *
 * @example
 * ```ts
 * const echo = defineAgent({
 *   name: 'echo', description: 'Repeats', tools: [],
 *   input: z.object({ text: z.string() }), output: z.object({ text: z.string() }),
 *   offline: (input) => input,
 * });
 * ```
 */
export function defineAgent<I extends z.ZodType, O extends z.ZodType>(
  definition: AgentDefinition<I, O>,
): Agent<I, O> {
  return {
    ...definition,
    async run(input, ctx) {
      const parsedInput = definition.input.safeParse(input);
      if (!parsedInput.success) {
        throw new AgentError(
          `Agent ${definition.name} received invalid input: ${parsedInput.error.message}`,
          {
            context: { agent: definition.name },
          },
        );
      }
      const output = await definition.offline(parsedInput.data, ctx);
      const parsed = definition.output.safeParse(output);
      if (!parsed.success) {
        throw new AgentError(
          `Agent ${definition.name} produced invalid output: ${parsed.error.issues
            .slice(0, 3)
            .map((i) => `${i.path.join('.')}: ${i.message}`)
            .join('; ')}`,
          { context: { agent: definition.name } },
        );
      }
      return parsed.data;
    },
  };
}
