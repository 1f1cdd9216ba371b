import { SystemError, UserError } from '../src/core/errors.js';

/**
 * Errors of the vector memory. Each says what was expected, what was received and, where it
 * helps, what exists; nothing already stored is touched when one of them is thrown.
 *
 * @example
 * ```ts
 * try {
 *   await memory.upsert([{ id: 'p1', vector: [1, 2], metadata: {} }]);
 * } catch (error) {
 *   if (error instanceof DimensionMismatchError) console.error(error.expected, error.received);
 * }
 * ```
 */
export class DimensionMismatchError extends UserError {
  readonly code = 'DIMENSION_MISMATCH';
  readonly expected: number;
  readonly received: number;
  constructor(where: string, expected: number, received: number) {
    super(
      `Invalid ${where}: expected a vector of ${expected} numbers, received ${received}. ` +
        'Embed with the embedder this memory was created with.',
      { context: { where, expected, received } },
    );
    this.expected = expected;
    this.received = received;
  }
}

/**
 * A vector is not an array, holds NaN or an infinite value, or is all zeros (cosine is undefined).
 *
 * @example
 * ```ts
 * await memory.search([1, Number.NaN, 0], 5); // rejects: received NaN at position 1
 * ```
 */
export class InvalidVectorError extends UserError {
  readonly code = 'INVALID_VECTOR';
  constructor(where: string, received: string, context: Record<string, unknown> = {}) {
    super(
      `Invalid ${where}: expected an array of finite numbers with a non-zero norm, received ${received}.`,
      { context: { where, received, ...context } },
    );
  }
}

/**
 * A text that must carry words is empty or only whitespace.
 *
 * @example
 * ```ts
 * await embedder.embed(['  ']); // rejects: Invalid texts[0]: expected a non-empty text
 * ```
 */
export class EmptyTextError extends UserError {
  readonly code = 'EMPTY_TEXT';
  constructor(where: string) {
    super(`Invalid ${where}: expected a non-empty text, received an empty or blank string.`, {
      context: { where },
    });
  }
}

/**
 * A filter names a metadata field the memory's schema does not declare. Lists the declared ones.
 *
 * @example
 * ```ts
 * await memory.search(v, 5, { filter: { colour: 'red' } }); // rejects, error.available lists the declared fields
 * ```
 */
export class UnknownFilterFieldError extends UserError {
  readonly code = 'UNKNOWN_FILTER_FIELD';
  readonly field: string;
  readonly available: readonly string[];
  constructor(field: string, available: readonly string[]) {
    const list = available.length > 0 ? available.join(', ') : '(none declared)';
    super(
      `Unknown filter field "${field}": expected one of the fields declared in the memory's metadata ` +
        `schema: ${list}. Declare the field when creating the memory to filter on it.`,
      { context: { field, available } },
    );
    this.field = field;
    this.available = available;
  }
}

/**
 * A filter condition has the wrong shape or a value of the wrong type for its field.
 *
 * @example
 * ```ts
 * await memory.search(v, 5, { filter: { price: 'cheap' } }); // rejects: expected eq: a finite number
 * ```
 */
export class InvalidFilterError extends UserError {
  readonly code = 'INVALID_FILTER';
  constructor(field: string, expected: string, received: string) {
    super(`Invalid filter on "${field}": expected ${expected}, received ${received}.`, {
      context: { field, expected, received },
    });
  }
}

/**
 * An item's metadata is not JSON, or a declared field holds a value of the wrong type.
 *
 * @example
 * ```ts
 * await memory.upsert([{ id: 'a', vector, metadata: { price: 'free' } }]); // rejects: items[0].metadata.price
 * ```
 */
export class InvalidMetadataError extends UserError {
  readonly code = 'INVALID_METADATA';
  constructor(where: string, expected: string, received: string) {
    super(`Invalid ${where}: expected ${expected}, received ${received}.`, {
      context: { where, expected, received },
    });
  }
}

/**
 * The memory was used after `close()`.
 *
 * @example
 * ```ts
 * await memory.close();
 * await memory.search(v, 5); // rejects: Cannot search: the memory is closed
 * ```
 */
export class MemoryClosedError extends UserError {
  readonly code = 'MEMORY_CLOSED';
  constructor(operation: string) {
    super(`Cannot ${operation}: the memory is closed. Open it again to use it.`, { context: { operation } });
  }
}

/**
 * An existing store was opened with settings (dimension) that differ from the ones it was made with.
 *
 * @example
 * ```ts
 * await HnswMemory.open({ dir, dim: 256 }); // rejects if dir holds 512-d vectors
 * ```
 */
export class MemoryConfigMismatchError extends UserError {
  readonly code = 'MEMORY_CONFIG_MISMATCH';
  constructor(setting: string, expected: string, received: string, path: string) {
    super(
      `Cannot open the memory at ${path}: it was created with ${setting} ${expected}, ` +
        `received ${setting} ${received}. Use the same ${setting} or a new directory.`,
      { context: { setting, expected, received, path } },
    );
  }
}

/**
 * An embedding service answered with something that is not the embeddings asked for.
 *
 * @example
 * ```ts
 * await openaiEmbedder.embed(['x']); // rejects if the server returns 3 numbers for a 4-d model
 * ```
 */
export class EmbeddingError extends SystemError {
  readonly code = 'EMBEDDING_ERROR';
}

/**
 * The memory's files could not be read or written.
 *
 * @example
 * ```ts
 * FeatureIdf.deserialise(Buffer.from('junk')); // throws MemoryStorageError
 * ```
 */
export class MemoryStorageError extends SystemError {
  readonly code = 'MEMORY_STORAGE_ERROR';
}

/**
 * A short, printable description of any value, for "received ..." in messages.
 *
 * @example
 * ```ts
 * describeValue([1, 2]); // 'an array of 2'
 * ```
 */
export function describeValue(value: unknown): string {
  if (typeof value === 'string')
    return JSON.stringify(value.length > 40 ? `${value.slice(0, 37)}...` : value);
  if (typeof value === 'number' || typeof value === 'boolean' || value == null) return String(value);
  if (Array.isArray(value)) return `an array of ${value.length}`;
  if (ArrayBuffer.isView(value)) return `a ${value.constructor.name}`;
  return typeof value === 'object' ? 'an object' : typeof value;
}
