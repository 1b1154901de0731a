// CLI edge: the `dyad` program — parses arguments, runs a command, turns errors into one clear line and an exit code.
import { Command, CommanderError } from 'commander';
import { DyadError } from '../types/index.js';
import { codeCommand, UsageError } from './commands/code.js';
import { ingestCommand } from './commands/ingest.js';
import { eventsCommand } from './commands/events.js';
import { actorsCommand } from './commands/actors.js';
import { dyadsCommand } from './commands/dyads.js';
import { exportCommand } from './commands/export.js';
import { serveCommand } from './commands/serve.js';
import { reviewCommand } from './commands/review.js';
import { threadCommand, threadsCommand } from './commands/threads.js';
import { statusCommand, workerCommand } from './commands/worker.js';

/** Builds the program with every command. */
export function buildProgram(): Command {
  const program = new Command('dyad')
    .description('Dyad: news text in, sourced CAMEO/PLOVER event data out')
    .version('0.1.0')
    .exitOverride()
    .configureOutput({ writeErr: (s) => process.stderr.write(s) });
  program.addCommand(codeCommand());
  program.addCommand(ingestCommand());
  program.addCommand(eventsCommand());
  program.addCommand(actorsCommand());
  program.addCommand(dyadsCommand());
  program.addCommand(exportCommand());
  program.addCommand(serveCommand());
  program.addCommand(reviewCommand());
  program.addCommand(threadsCommand()).addCommand(threadCommand());
  program.addCommand(workerCommand()).addCommand(statusCommand());
  for (const c of program.commands) c.exitOverride();
  return program;
}

/** Runs the CLI on arguments (without node and script); resolves to the exit code. */
export async function main(argv: string[]): Promise<number> {
  const program = buildProgram();
  try {
    await program.parseAsync(argv, { from: 'user' });
    return typeof process.exitCode === 'number' ? process.exitCode : 0;
  } catch (err) {
    if (err instanceof CommanderError) return err.exitCode === 0 ? 0 : 2;
    if (err instanceof UsageError) {
      process.stderr.write(`dyad: ${err.message}\n`);
      return 2;
    }
    if (err instanceof DyadError) {
      process.stderr.write(`dyad: ${err.message}\n`);
      return 1;
    }
    process.stderr.write(`dyad: internal error: ${(err as Error).message}\n`);
    return 70;
  }
}
