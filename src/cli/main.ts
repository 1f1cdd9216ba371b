import { Command, CommanderError } from 'commander';
import { createLogger, isUserError, loadConfig, LodestoneError } from '../core/index.js';
import { registerPlanCommands } from './plan-commands.js';
import { registerSupportCommands } from './support-commands.js';
import { registerEvalCommands } from './eval-commands.js';
import { registerDeliverCommands } from './deliver-commands.js';

/**
 * The `lodestone` command line. Exit codes: 0 success, 2 the user's mistake (bad goal, bad flag,
 * unknown run, a plan the review rejected), 1 a fault.
 */
export async function main(argv: readonly string[]): Promise<number> {
  const program = new Command('lodestone')
    .description('A team of AI agents that plans, launches and runs advertising campaigns.')
    .version('0.1.0')
    .exitOverride()
    .configureOutput({ writeErr: (s) => process.stderr.write(s) });
  let code = 0;
  const setCode = (c: number) => {
    code = c;
  };
  try {
    const config = loadConfig(process.env);
    const logger = createLogger({ level: config.logLevel });
    const ctx = { config, logger, setCode };
    registerPlanCommands(program, ctx);
    registerSupportCommands(program, ctx);
    registerEvalCommands(program, ctx);
    registerDeliverCommands(program, ctx);
    await program.parseAsync(argv, { from: 'user' });
    return code;
  } catch (error) {
    if (error instanceof CommanderError) return error.exitCode === 0 ? 0 : 2;
    const json = argv.includes('--json');
    if (error instanceof LodestoneError) {
      if (json) process.stdout.write(`${JSON.stringify({ error: error.toJSON() })}\n`);
      else process.stderr.write(`lodestone: ${error.message}\n`);
      return isUserError(error) ? 2 : 1;
    }
    const message = error instanceof Error ? (error.stack ?? error.message) : String(error);
    if (json)
      process.stdout.write(`${JSON.stringify({ error: { code: 'INTERNAL', message: String(error) } })}\n`);
    process.stderr.write(`lodestone: internal error: ${message}\n`);
    return 1;
  }
}

process.exitCode = await main(process.argv.slice(2));
