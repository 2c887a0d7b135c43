import { UsageError } from '../errors.js';

/** Where a command's action leaves its exit code for `main()` to return (commander drops return values). */
export interface RunOutcome {
  exitCode: number;
}

/**
 * Wraps a command's work so that every command reports errors the same way: a UsageError (bad flag,
 * bad config, missing git ref) prints `file:line: message` and exits 2; anything else is an internal
 * error, also exit 2, with the stack when SOP_DEBUG is set.
 */
export function action<Args extends unknown[]>(outcome: RunOutcome, run: (...args: Args) => Promise<number> | number) {
  return async (...args: Args): Promise<void> => {
    try {
      outcome.exitCode = await run(...args);
    } catch (error) {
      outcome.exitCode = 2;
      if (error instanceof UsageError) {
        process.stderr.write(`sop: ${error.format()}\n`);
      } else {
        const message = error instanceof Error ? error.message : String(error);
        process.stderr.write(`sop: internal error: ${message}\n`);
        if (process.env.SOP_DEBUG && error instanceof Error) process.stderr.write(`${error.stack}\n`);
        else process.stderr.write('Run again with SOP_DEBUG=1 for the stack trace, and please report it.\n');
      }
    }
  };
}

/** Prints text to stdout and resolves once it is flushed, so large reports survive process exit. */
export function writeStdout(text: string): Promise<void> {
  if (!text) return Promise.resolve();
  return new Promise((resolve) => {
    if (process.stdout.write(text)) resolve();
    else process.stdout.once('drain', () => resolve());
  });
}

/** Checks a `YYYY-MM-DD` flag value is a real calendar date. */
export function parseDateFlag(flag: string, value: string): string {
  const match = /^(\d{4})-(\d{2})-(\d{2})$/.exec(value);
  const date = match ? new Date(`${value}T00:00:00Z`) : undefined;
  if (!match || !date || Number.isNaN(date.getTime()) || date.toISOString().slice(0, 10) !== value) {
    throw new UsageError(`${flag} takes a date as YYYY-MM-DD (got "${value}").`);
  }
  return value;
}

/** Colour level for people-facing output: --no-color and NO_COLOR win, then FORCE_COLOR, then the terminal. */
export function colorLevel(flag: boolean | undefined, stream: NodeJS.WriteStream): 0 | 1 | 2 | 3 {
  if (flag === false) return 0;
  if (process.env.NO_COLOR !== undefined && process.env.NO_COLOR !== '') return 0;
  const force = process.env.FORCE_COLOR;
  if (force !== undefined) {
    if (force === '0' || force === 'false') return 0;
    const level = Number(force);
    return level === 2 || level === 3 ? level : 1;
  }
  return stream.isTTY ? (stream.getColorDepth() >= 24 ? 3 : stream.getColorDepth() >= 8 ? 2 : 1) : 0;
}
