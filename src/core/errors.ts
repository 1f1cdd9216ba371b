/**
 * One error base, small named subclasses with fields. Errors split into the user's mistakes
 * ({@link UserError}, exit code 2) and system faults ({@link SystemError}, exit code 1).
 *
 * @example
 * ```ts
 * throw new BadGoalError({ missing: ['budget'], goal: 'sell plates' });
 * ```
 */
export abstract class LodestoneError extends Error {
  abstract readonly code: string;
  /** Process exit code the CLI uses for this error. */
  abstract readonly exitCode: 1 | 2;
  readonly context: Readonly<Record<string, unknown>>;

  constructor(message: string, options: { cause?: unknown; context?: Record<string, unknown> } = {}) {
    super(message, options.cause === undefined ? undefined : { cause: options.cause });
    this.name = new.target.name;
    this.context = Object.freeze({ ...(options.context ?? {}) });
  }

  /** A plain object safe to print as JSON (no stack, no cause chain). */
  toJSON(): { code: string; message: string } & Record<string, unknown> {
    return { code: this.code, message: this.message, ...this.context };
  }
}

/** The user's mistake: bad goal, bad flag, bad config, unknown run. Exit code 2. */
export abstract class UserError extends LodestoneError {
  readonly exitCode = 2 as const;
}

/** A fault of the system or its environment: I/O, corrupt data, a bug. Exit code 1. */
export abstract class SystemError extends LodestoneError {
  readonly exitCode = 1 as const;
}

export const EXAMPLE_GOALS = [
  'Sell our ceramic tableware this month, budget 3000 GBP per day, keep CPA under 12 GBP',
  '推广我们的陶瓷餐具，每天预算3000英镑，CPA不超过12英镑，持续两周',
] as const;

/** The goal lacks essentials (a budget, say) or is empty or nonsense. */
export class BadGoalError extends UserError {
  readonly code = 'BAD_GOAL';
  readonly missing: readonly string[];
  constructor(args: { message?: string; missing?: string[]; goal: string }) {
    const missing = args.missing ?? [];
    const what =
      args.message ??
      (missing.length > 0
        ? `The goal is missing: ${missing.join(', ')}.`
        : 'The goal could not be understood as a campaign goal.');
    super(`${what} Example of a goal that works: "${EXAMPLE_GOALS[0]}" or "${EXAMPLE_GOALS[1]}".`, {
      context: { missing, example: EXAMPLE_GOALS[0] },
    });
    this.missing = missing;
  }
}

/** Configuration (environment variables) is invalid. Lists every bad key at once. */
export class ConfigError extends UserError {
  readonly code = 'BAD_CONFIG';
  readonly issues: readonly { key: string; message: string }[];
  constructor(issues: { key: string; message: string }[]) {
    super(`Invalid configuration: ${issues.map((i) => `${i.key}: ${i.message}`).join('; ')}`, {
      context: { issues },
    });
    this.issues = issues;
  }
}

/** Input at a boundary (a flag, a file, a function argument) failed validation. */
export class InvalidInputError extends UserError {
  readonly code = 'INVALID_INPUT';
  constructor(what: string, expected: string, received: unknown) {
    super(`Invalid ${what}: expected ${expected}, received ${describe(received)}.`, {
      context: { what, expected, received: describe(received) },
    });
  }
}

/** A named thing (run, tool, agent, product) does not exist; lists what does. */
export class NotFoundError extends UserError {
  readonly code = 'NOT_FOUND';
  constructor(kind: string, name: string, available: readonly string[] = []) {
    const list = available.length > 0 ? ` Available: ${available.slice(0, 20).join(', ')}.` : '';
    super(`No ${kind} named "${name}".${list}`, {
      context: { kind, name, available: available.slice(0, 20) },
    });
  }
}

/** Another live process is driving the run (resuming or deciding it would run it twice). */
export class RunBusyError extends UserError {
  readonly code = 'RUN_BUSY';
  constructor(runId: string, holder: { pid: number; host: string; at: string }) {
    super(
      `Run ${runId} is being driven by process ${holder.pid} on ${holder.host} since ${holder.at}. ` +
        'Wait for it to finish (lodestone show ' +
        runId +
        '), or stop that process first: a claim left by a dead process is taken over automatically.',
      { context: { runId, ...holder } },
    );
  }
}

/** The shipped data (catalog, users, rules) is missing or corrupt. */
export class DataError extends SystemError {
  readonly code = 'DATA_ERROR';
}

/** The run journal could not be read or written. */
export class JournalError extends SystemError {
  readonly code = 'JOURNAL_ERROR';
}

/** An agent produced output that does not satisfy its schema or its invariants. */
export class AgentError extends SystemError {
  readonly code = 'AGENT_ERROR';
}

function describe(value: unknown): string {
  if (typeof value === 'string')
    return JSON.stringify(value.length > 80 ? `${value.slice(0, 77)}...` : value);
  if (typeof value === 'number' || typeof value === 'boolean' || value == null) return String(value);
  if (Array.isArray(value)) return `an array of ${value.length}`;
  return typeof value;
}

/** True for errors that are the user's to fix. */
export function isUserError(error: unknown): error is UserError {
  return error instanceof UserError;
}
