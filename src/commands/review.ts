import { Option, type Command } from 'commander';
import { UsageError } from '../errors.js';
import { documentSummaries, warnSkipped } from './document-summaries.js';
import { today } from '../lint/engine.js';
import { parseInterval, windowInDays } from '../lifecycle/review.js';
import { countByState, formatReviewCsv, formatReviewJson, formatReviewTable, reviewReport } from '../reports/review.js';
import { action, parseDateFlag, writeStdout , type RunOutcome } from './action.js';

const FORMATS = ['table', 'json', 'csv'] as const;
type ReviewFormat = (typeof FORMATS)[number];

interface ReviewFlags {
  format: ReviewFormat;
  dueWithin: string;
  failOnOverdue?: boolean;
  asOf?: string;
  config?: string;
}

export function register(program: Command, outcome: RunOutcome): void {
  program
    .command('review')
    .description('List every document with its owner, last review, next review and state (overdue, due soon, fine), soonest first.')
    .argument('[paths...]', 'files or folders (default: the current folder)')
    .addOption(new Option('-f, --format <name>', 'output format').choices(FORMATS).default('table'))
    .option('--due-within <period>', 'what counts as due soon: 30d, 2w, 3 months…', '30d')
    .option('--fail-on-overdue', 'exit with 1 when a document is overdue')
    .option('--as-of <date>', 'the date to compare with, YYYY-MM-DD (default: today)')
    .option('-c, --config <path>', 'use this config file instead of searching for sop.config.yaml')
    .action(action(outcome, async (paths: string[], flags: ReviewFlags) => runReview(paths, flags)));
}

export async function runReview(paths: string[], flags: ReviewFlags, cwd = process.cwd()): Promise<number> {
  const asOf = flags.asOf ? parseDateFlag('--as-of', flags.asOf) : today();
  const window = parseInterval(flags.dueWithin);
  if (!window) throw new UsageError(`--due-within takes a period such as 30d, 2w or "3 months" (got "${flags.dueWithin}").`);
  const corpus = await documentSummaries({ cwd, paths, configPath: flags.config });
  warnSkipped(corpus.skipped);
  const report = reviewReport(corpus.summaries, corpus.config, asOf, windowInDays(window, asOf));
  const output = flags.format === 'json' ? formatReviewJson(report) : flags.format === 'csv' ? formatReviewCsv(report) : formatReviewTable(report);
  await writeStdout(output);
  return flags.failOnOverdue && countByState(report).overdue > 0 ? 1 : 0;
}
