import { Command, CommanderError } from 'commander';
import type { RunOutcome } from './commands/action.js';
import { commandRegistrations } from './commands/index.js';
import { packageVersion } from './paths.js';

/** Parses the command line, runs one command and returns the exit code (0 ok, 1 findings, 2 usage or internal error). */
export async function main(argv: readonly string[]): Promise<number> {
  const program = new Command();
  // The command's action returns its exit code here: one object per run, no module state.
  const outcome: RunOutcome = { exitCode: 0 };
  program
    .name('sop')
    .description('Lint standard operating procedures and policies, and compile them into a handbook.')
    .version(packageVersion, '-v, --version')
    .showHelpAfterError('(run `sop --help` for usage)')
    .showSuggestionAfterError(true)
    .exitOverride();
  for (const register of commandRegistrations) register(program, outcome);
  for (const command of program.commands) command.exitOverride().showHelpAfterError(`(run \`sop ${command.name()} --help\` for usage)`);
  try {
    await program.parseAsync([...argv]);
  } catch (error) {
    if (error instanceof CommanderError) {
      // --help and --version end through here with code 0.
      return error.exitCode === 0 ? 0 : 2;
    }
    throw error;
  }
  return outcome.exitCode;
}
