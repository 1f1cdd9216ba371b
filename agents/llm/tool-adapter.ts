import { tool, type DynamicStructuredTool } from '@langchain/core/tools';
import { z } from 'zod';
import type { ToolDescriptor } from '../../tools/define-tool.js';

/**
 * The one adapter from Lodestone tool descriptors to LangChain tools. The model is offered the
 * descriptor's name, description and zod input schema (its `.describe()` texts included); calling
 * the LangChain tool validates the input and the output and returns the output as JSON. Tools
 * themselves never import a model.
 *
 * @example
 * ```ts
 * const lcTools = toLangChainTools([priceBand, scoreCopy]);
 * const bound = model.bindTools(lcTools);
 * ```
 */
export function toLangChainTool(descriptor: ToolDescriptor): DynamicStructuredTool {
  if (!(descriptor.input instanceof z.ZodObject)) {
    throw new TypeError(
      `Tool ${descriptor.name}: an LLM tool's input must be a z.object(...) (function-calling arguments are a JSON object); received ${descriptor.input.constructor.name}`,
    );
  }
  const schema: z.ZodObject = descriptor.input;
  return tool(async (input: unknown) => JSON.stringify(await runTool(descriptor, input)), {
    name: descriptor.name,
    description: descriptor.description,
    schema,
  });
}

/** {@link toLangChainTool} over a list. */
export function toLangChainTools(descriptors: readonly ToolDescriptor[]): DynamicStructuredTool[] {
  return descriptors.map(toLangChainTool);
}

/**
 * Runs a tool on already-validated arguments and validates its output. Tools may be synchronous
 * or return a promise.
 */
export async function runTool(descriptor: ToolDescriptor, args: unknown): Promise<unknown> {
  const raw: unknown = await descriptor.run(args);
  return descriptor.output.parse(raw);
}
