import { Option, type Command } from 'commander';
import { documentSummaries, warnSkipped } from './document-summaries.js';
import { uniformitySettings } from '../repository/uniformity.js';
import { branchMatrix, formatBranchesJson, formatBranchesMarkdown, formatBranchesTable } from '../reports/branches.js';
import { action, writeStdout , type RunOutcome } from './action.js';

const FORMATS = ['table', 'json', 'markdown'] as const;
type BranchesFormat = (typeof FORMATS)[number];

interface BranchesFlags {
  format: BranchesFormat;
  config?: string;
}

export function register(program: Command, outcome: RunOutcome): void {
  program
    .command('branches')
    .description('Show the uniformity matrix: one row per base procedure, one column per branch, each cell identical, diverged, using the base or missing.')
    .argument('[paths...]', 'files or folders (default: the current folder)')
    .addOption(new Option('-f, --format <name>', 'output format').choices(FORMATS).default('table'))
    .option('-c, --config <path>', 'use this config file instead of searching for sop.config.yaml')
    .action(action(outcome, async (paths: string[], flags: BranchesFlags) => runBranches(paths, flags)));
}

export async function runBranches(paths: string[], flags: BranchesFlags, cwd = process.cwd()): Promise<number> {
  const corpus = await documentSummaries({ cwd, paths, configPath: flags.config });
  warnSkipped(corpus.skipped);
  // The same comparison as the branch-uniformity rule, with its configured options.
  const settings = uniformitySettings(corpus.config, corpus.config.rules['branch-uniformity']?.options ?? {});
  const configured = (corpus.config.uniformity as { branches?: unknown } | undefined)?.branches;
  const extraBranches = Array.isArray(configured) ? configured.filter((branch): branch is string => typeof branch === 'string') : [];
  const matrix = branchMatrix(corpus.summaries, settings, extraBranches);
  const output = flags.format === 'json' ? formatBranchesJson(matrix) : flags.format === 'markdown' ? formatBranchesMarkdown(matrix) : formatBranchesTable(matrix);
  await writeStdout(output);
  return 0;
}
