import type { Command } from 'commander';
import { UsageError } from '../errors.js';
import { action, type RunOutcome } from './action.js';

export function register(program: Command, outcome: RunOutcome): void {
  program
    .command('lsp')
    .description('Run the language server for editors (diagnostics, quick fixes, rule docs on hover), speaking LSP over standard input and output.')
    .option('--stdio', 'talk over standard input and output (the only transport)')
    .action(action(outcome, async (flags: { stdio?: boolean }) => runLanguageServer(flags)));
}

/** Starts the server and resolves when the client closes the connection; the protocol's `exit` ends the process. */
export async function runLanguageServer(flags: { stdio?: boolean }): Promise<number> {
  if (!flags.stdio) throw new UsageError('sop lsp talks over standard input and output: run `sop lsp --stdio` (editors start it for you).');
  // Loaded here, so the other commands never pay for the protocol library.
  const { createConnection, StreamMessageReader, StreamMessageWriter } = await import('vscode-languageserver/node');
  const { startLanguageServer } = await import('../lsp/server.js');
  const connection = createConnection(new StreamMessageReader(process.stdin), new StreamMessageWriter(process.stdout));
  const closed = new Promise<number>((resolve) => connection.onExit(() => resolve(0)));
  startLanguageServer(connection);
  return closed;
}
