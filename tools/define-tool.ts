import type { z } from 'zod';
import { InvalidInputError, NotFoundError } from '../src/core/index.js';

/**
 * A deterministic tool: a zod input schema, a zod output schema (with `.describe()` on fields —
 * a model reads them), and a pure function. One adapter turns descriptors into LangChain tools.
 */
export interface ToolDescriptor<I extends z.ZodType = z.ZodType, O extends z.ZodType = z.ZodType> {
  readonly name: string;
  readonly description: string;
  readonly input: I;
  readonly output: O;
  readonly run: (input: z.output<I>) => z.input<O>;
}

/**
 * Defines a tool; `call` validates the input and the output at the boundary.
 *
 * @example
 * ```ts
 * const double = defineTool({
 *   name: 'double', description: 'Doubles a number',
 *   input: z.object({ x: z.number() }), output: z.object({ y: z.number() }),
 *   run: ({ x }) => ({ y: 2 * x }),
 * });
 * double.call({ x: 2 }); // { y: 4 }
 * ```
 */
export function defineTool<I extends z.ZodType, O extends z.ZodType>(
  descriptor: ToolDescriptor<I, O>,
): ToolDescriptor<I, O> & { call(input: unknown): z.output<O> } {
  return {
    ...descriptor,
    call(input: unknown): z.output<O> {
      const parsed = descriptor.input.safeParse(input);
      if (!parsed.success) {
        throw new InvalidInputError(
          `input to tool ${descriptor.name}`,
          parsed.error.issues.map((i) => `${i.path.join('.') || '(root)'}: ${i.message}`).join('; '),
          input,
        );
      }
      return descriptor.output.parse(descriptor.run(parsed.data));
    },
  };
}

/** A name → tool registry that fails by listing what exists. */
export class ToolRegistry {
  readonly #tools = new Map<string, ToolDescriptor>();

  register(tool: ToolDescriptor): this {
    if (this.#tools.has(tool.name)) throw new TypeError(`Tool "${tool.name}" is registered twice`);
    this.#tools.set(tool.name, tool);
    return this;
  }

  get(name: string): ToolDescriptor {
    const tool = this.#tools.get(name);
    if (!tool) throw new NotFoundError('tool', name, [...this.#tools.keys()]);
    return tool;
  }

  list(): ToolDescriptor[] {
    return [...this.#tools.values()];
  }
}
