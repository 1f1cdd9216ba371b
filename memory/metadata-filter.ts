import {
  InvalidFilterError,
  InvalidMetadataError,
  UnknownFilterFieldError,
  describeValue,
} from './errors.js';
import type { JsonValue, Metadata } from './vector-memory.js';

/** Type of a declared metadata field. */
export type FieldType = 'string' | 'number' | 'boolean';

/**
 * The filterable metadata fields of a memory, declared when it is created.
 *
 * @example
 * ```ts
 * const schema = { category: 'string', price: 'number', inStock: 'boolean' } satisfies MetadataSchema;
 * ```
 */
export type MetadataSchema = Readonly<Record<string, FieldType>>;

/** A scalar a filter compares with. */
export type FilterScalar = string | number | boolean;

/** A condition on one field: a value (equality) or an object of operators, all of which must hold. */
export type FieldCondition =
  | FilterScalar
  | {
      eq?: FilterScalar;
      in?: readonly FilterScalar[];
      gt?: number | string;
      gte?: number | string;
      lt?: number | string;
      lte?: number | string;
    };

/**
 * A metadata filter: every field's condition must hold (AND). Equality, `in` and ranges
 * (`gt`/`gte`/`lt`/`lte`; numbers, or strings compared as text such as `YYYY-MM-DD` dates).
 *
 * @example
 * ```ts
 * const filter: MetadataFilter = { category: 'kitchen', price: { lte: 5 }, inStock: true };
 * ```
 */
export type MetadataFilter = Readonly<Record<string, FieldCondition>>;

/** A compiled filter. */
export type MetadataPredicate = (metadata: Metadata) => boolean;

const OPERATORS = ['eq', 'in', 'gt', 'gte', 'lt', 'lte'] as const;
type Operator = (typeof OPERATORS)[number];
type Test = (value: FilterScalar) => boolean;

/**
 * Checks a filter against the schema and compiles it into a predicate. Throws
 * {@link UnknownFilterFieldError} for an undeclared field and {@link InvalidFilterError} for a
 * malformed condition. An item whose field is missing or of another type does not match.
 *
 * @example
 * ```ts
 * const match = compileFilter({ price: { lte: 5 } }, { price: 'number' });
 * match({ price: 4 }); // true
 * ```
 */
export function compileFilter(filter: MetadataFilter, schema: MetadataSchema): MetadataPredicate {
  if (typeof filter !== 'object' || filter === null || Array.isArray(filter)) {
    throw new InvalidFilterError('(filter)', 'an object of field conditions', describeValue(filter));
  }
  const tests: [string, Test][] = [];
  for (const [field, condition] of Object.entries(filter)) {
    const type = Object.hasOwn(schema, field) ? schema[field] : undefined;
    if (type === undefined) throw new UnknownFilterFieldError(field, Object.keys(schema));
    tests.push([field, compileCondition(field, type, condition)]);
  }
  // Runs once per candidate item, so: plain indexed loops, no destructuring.
  const fields = tests.map(([field]) => field);
  const checks = tests.map(([, test]) => test);
  if (fields.length === 1) {
    const [field, check] = [fields[0]!, checks[0]!];
    return (metadata) => {
      const value = metadata[field];
      return isScalar(value) && check(value);
    };
  }
  return (metadata) => {
    for (let i = 0; i < fields.length; i++) {
      const value = metadata[fields[i]!];
      if (!isScalar(value) || !checks[i]!(value)) return false;
    }
    return true;
  };
}

function compileCondition(field: string, type: FieldType, condition: FieldCondition): Test {
  if (typeof condition !== 'object' || condition === null) {
    const value = checkScalar(field, type, 'eq', condition);
    return (v) => v === value;
  }
  if (Array.isArray(condition)) {
    throw new InvalidFilterError(
      field,
      `a ${type} or an object of operators`,
      'an array (use { in: [...] })',
    );
  }
  const entries = Object.entries(condition).filter(([, value]) => value !== undefined);
  if (entries.length === 0) {
    throw new InvalidFilterError(field, `at least one of ${OPERATORS.join(', ')}`, 'an empty object');
  }
  const tests = entries.map(([operator, operand]) => compileOperator(field, type, operator, operand));
  if (tests.length === 1) return tests[0]!;
  return (v) => tests.every((test) => test(v));
}

function compileOperator(field: string, type: FieldType, operator: string, operand: unknown): Test {
  if (!(OPERATORS as readonly string[]).includes(operator)) {
    throw new InvalidFilterError(field, `an operator among ${OPERATORS.join(', ')}`, `"${operator}"`);
  }
  const op = operator as Operator;
  if (op === 'eq') {
    const value = checkScalar(field, type, op, operand);
    return (v) => v === value;
  }
  if (op === 'in') {
    if (!Array.isArray(operand)) {
      throw new InvalidFilterError(field, `in: an array of ${type}s`, describeValue(operand));
    }
    const values = new Set(operand.map((value) => checkScalar(field, type, op, value)));
    return (v) => values.has(v);
  }
  if (type === 'boolean') {
    throw new InvalidFilterError(
      field,
      'equality or in (the field is a boolean)',
      `the range operator ${op}`,
    );
  }
  const bound = checkScalar(field, type, op, operand);
  switch (op) {
    case 'gt':
      return (v) => typeof v === typeof bound && v > bound;
    case 'gte':
      return (v) => typeof v === typeof bound && v >= bound;
    case 'lt':
      return (v) => typeof v === typeof bound && v < bound;
    case 'lte':
      return (v) => typeof v === typeof bound && v <= bound;
  }
}

function checkScalar(field: string, type: FieldType, operator: string, value: unknown): FilterScalar {
  const ok = typeof value === type && (type !== 'number' || Number.isFinite(value));
  if (!ok) {
    const expected = type === 'number' ? 'a finite number' : `a ${type}`;
    throw new InvalidFilterError(field, `${operator}: ${expected}`, describeValue(value));
  }
  return value as FilterScalar;
}

function isScalar(value: JsonValue | undefined): value is FilterScalar {
  return typeof value === 'string' || typeof value === 'number' || typeof value === 'boolean';
}

/**
 * Checks that metadata is a plain JSON object whose declared fields, when present, have their
 * declared type. Throws {@link InvalidMetadataError} naming the item and field.
 *
 * @example
 * ```ts
 * checkMetadata({ price: 4 }, { price: 'number' }, 'items[0].metadata');
 * ```
 */
export function checkMetadata(metadata: unknown, schema: MetadataSchema, where: string): Metadata {
  if (typeof metadata !== 'object' || metadata === null || Array.isArray(metadata)) {
    throw new InvalidMetadataError(where, 'a plain object of JSON values', describeValue(metadata));
  }
  const record = metadata as Record<string, unknown>;
  for (const [field, type] of Object.entries(schema)) {
    const value = record[field];
    if (value === undefined || value === null) continue;
    if (typeof value !== type || (type === 'number' && !Number.isFinite(value))) {
      throw new InvalidMetadataError(
        `${where}.${field}`,
        `a ${type} (declared in the schema)`,
        describeValue(value),
      );
    }
  }
  return record as Metadata;
}
