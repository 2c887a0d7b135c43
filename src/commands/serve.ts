import type { Command } from 'commander';
import { UsageError } from '../errors.js';
import { serve } from '../handbook/serve/index.js';
import { action, type RunOutcome } from './action.js';

interface ServeFlags {
  port: string;
  host: string;
  includeDrafts?: boolean;
  config?: string;
}

export const DEFAULT_PORT = 4000;
const LOOPBACK = new Set(['127.0.0.1', 'localhost', '::1']);

export function register(program: Command, outcome: RunOutcome): void {
  program
    .command('serve')
    .description('Preview the handbook while you write: build the site into a temporary folder, serve it, rebuild and reload the page on every change, and show lint findings on the page they are about.')
    .argument('[paths...]', 'files or folders of documents (default: the current folder)')
    .option('-p, --port <n>', `port to serve on; 0 picks a free one (default: ${DEFAULT_PORT})`, String(DEFAULT_PORT))
    .option('--host <address>', 'address to listen on; only this machine can connect unless you give another (default: 127.0.0.1)', '127.0.0.1')
    .option('--include-drafts', 'include draft documents, marked DRAFT')
    .option('-c, --config <path>', 'use this config file instead of searching for sop.config.yaml')
    .action(action(outcome, async (paths: string[], flags: ServeFlags) => runServe(paths, flags)));
}

export function parsePort(value: string): number {
  const port = Number(value);
  if (!/^\d+$/.test(value.trim()) || !Number.isInteger(port) || port > 65535) throw new UsageError(`--port takes a whole number from 0 to 65535 (got "${value}"); 0 picks a free port.`);
  return port;
}

async function runServe(paths: string[], flags: ServeFlags): Promise<number> {
  const port = parsePort(flags.port);
  const host = flags.host.trim();
  if (!host) throw new UsageError('--host needs an address, e.g. 127.0.0.1.');
  const log = (line: string) => process.stderr.write(`sop serve: ${line}\n`);
  const handle = await serve({ cwd: process.cwd(), paths, configPath: flags.config, host, port, includeDrafts: flags.includeDrafts, log });
  // Listening before the address is printed: whoever reads it may stop the server at once.
  const stopped = new Promise<void>((done) => {
    const stop = (signal: NodeJS.Signals) => {
      process.removeListener('SIGINT', stop);
      process.removeListener('SIGTERM', stop);
      log(`${signal === 'SIGINT' ? 'Ctrl-C' : signal}: stopping.`);
      void handle.close().then(done, done);
    };
    process.on('SIGINT', stop);
    process.on('SIGTERM', stop);
  });
  if (!LOOPBACK.has(host)) log(`listening on ${host}: other machines that can reach this address can read the handbook.`);
  process.stdout.write(`Serving the handbook at ${handle.url} (Ctrl-C stops)\n`);
  await stopped;
  return 0;
}
