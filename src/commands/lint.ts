import { readFileSync } from 'node:fs';
import { relative, resolve, sep } from 'node:path';
import { Option, type Command } from 'commander';
import { UsageError } from '../errors.js';
import { formatNames, formatters, isFormatName } from '../formatters/index.js';
import { writeFileAtomic } from '../fs/atomic-write.js';
import { standardStreamOf, writeReportFile } from '../fs/report-file.js';
import { loadConfig } from '../config/load.js';
import { lint, type LintReport } from '../lint/engine.js';
import { fileSettings } from '../lint/file-pass.js';
import { loadRules } from '../rules/registry.js';
import { packageVersion } from '../paths.js';
import { unifiedDiff } from '../reports/unified-diff.js';
import type { FileResult } from '../types.js';
import { applyBaseline, createBaseline, readBaseline, serializeBaseline } from '../lint/baseline.js';
import { parseShard } from '../lint/shard.js';
import { DEFAULT_CACHE_LOCATION } from '../lint/cache.js';
import { progressLine } from './progress-line.js';
import { action, colorLevel, parseDateFlag, writeStdout , type RunOutcome } from './action.js';

interface LintFlags {
  format: string;
  outputFile?: string;
  maxWarnings?: string;
  quiet?: boolean;
  fix?: boolean;
  fixDryRun?: boolean;
  reportUnusedDisableDirectives?: boolean;
  stdin?: boolean;
  stdinFilename?: string;
  asOf?: string;
  since?: string;
  config?: string;
  color?: boolean;
  jobs?: string;
  printConfig?: string;
  baseline?: string;
  writeBaseline?: string;
  shard?: string;
  cache?: boolean;
  cacheLocation?: string;
}

export function register(program: Command, outcome: RunOutcome): void {
  program
    .command('lint')
    .description('Check policies and procedures against the writing standards and the document contract.')
    .argument('[paths...]', 'files or folders to lint (default: the current folder)')
    .addOption(new Option('-f, --format <name>', 'output format').choices(formatNames).default('stylish'))
    .option('-o, --output-file <path>', 'write the report to a file instead of standard output')
    .option('--max-warnings <n>', 'exit with 1 when there are more than n warnings')
    .option('--quiet', 'report errors only')
    .option('--fix', 'apply safe fixes and write the files')
    .option('--fix-dry-run', 'print the fixes as a diff without writing (with --format json: in `output`)')
    .option('--report-unused-disable-directives', 'report sop-disable comments that silence no finding, as errors')
    .option('--stdin', 'lint text from standard input')
    .option('--stdin-filename <path>', 'file name for the standard input (selects config overrides and the report name)')
    .option('--as-of <date>', 'the date that date rules compare with, YYYY-MM-DD (default: today)')
    .option('--since <git-ref>', 'compare with this git ref (version-bump)')
    .option('--print-config <file>', 'print the settings that apply to a file (rules, severities, options, language) as JSON, and exit')
    .option('-j, --jobs <n>', 'worker threads (default: one per core, at most 4, when there are 150 files or more per thread)')
    .option('--write-baseline <file>', "record today's findings in a baseline file (rewriting it drops fixed findings)")
    .option('--baseline <file>', 'report only findings not in the baseline file, and say how many it suppressed')
    .option('--shard <i>/<n>', 'lint the i-th of n slices of the files; repository rules still read every file')
    .option('--cache', 'keep each file\'s results and re-lint only files (or settings) that changed; repository rules re-run from the kept summaries')
    .option('--cache-location <path>', `the folder for --cache (default: ${DEFAULT_CACHE_LOCATION}${sep})`)
    .option('-c, --config <path>', 'use this config file instead of searching for sop.config.yaml')
    .option('--no-color', 'no colours in the output (also NO_COLOR=1; FORCE_COLOR=1 forces them)')
    .action(action(outcome, async (paths: string[], flags: LintFlags) => runLint(paths, flags)));
}

async function runLint(paths: string[], flags: LintFlags): Promise<number> {
  if (flags.printConfig) return printConfig(flags.printConfig, flags.config);
  const format = flags.format;
  if (!isFormatName(format)) throw new UsageError(`Unknown format "${format}". Use one of: ${formatNames.join(', ')}.`);
  let maxWarnings: number | undefined;
  if (flags.maxWarnings !== undefined) {
    maxWarnings = Number(flags.maxWarnings);
    if (!Number.isInteger(maxWarnings) || maxWarnings < 0) throw new UsageError(`--max-warnings takes a whole number (got "${flags.maxWarnings}").`);
  }
  if (flags.fix && flags.fixDryRun) throw new UsageError('Give either --fix (write the fixes) or --fix-dry-run (show them), not both.');
  if (flags.stdin && flags.fix) throw new UsageError('--fix cannot write to standard input; use --fix-dry-run to see the fixed text.');
  if (flags.stdinFilename && !flags.stdin) throw new UsageError('--stdin-filename goes with --stdin.');
  if (flags.stdin && paths.length > 0) throw new UsageError('Give either paths or --stdin, not both.');
  if (flags.cacheLocation !== undefined && !flags.cache) throw new UsageError('--cache-location goes with --cache.');
  const asOf = flags.asOf ? parseDateFlag('--as-of', flags.asOf) : undefined;
  let jobs: number | undefined;
  if (flags.jobs !== undefined) {
    jobs = Number(flags.jobs);
    if (!Number.isInteger(jobs) || jobs < 1) throw new UsageError(`--jobs takes a whole number of threads, 1 or more (got "${flags.jobs}").`);
  }
  const cwd = process.cwd();
  const stdin = flags.stdin ? await readStdin(flags.stdinFilename ?? '<stdin>.md') : undefined;

  const shard = flags.shard !== undefined ? parseShard(flags.shard) : undefined;
  const baseline = flags.baseline ? readBaseline(resolve(cwd, flags.baseline), flags.baseline) : undefined;

  // The progress line is for people watching a terminal: never with a machine format or a report file.
  const progress = progressLine(process.stderr, { enabled: format === 'stylish' && !flags.outputFile && !stdin });
  const report = await lint({
    cwd, paths, configPath: flags.config, asOf, since: flags.since, fix: flags.fix, fixDryRun: flags.fixDryRun, stdin, jobs, shard,
    timeRules: Boolean(process.env.SOP_TIMING), reportUnusedDirectives: flags.reportUnusedDisableDirectives, onProgress: progress.update,
    cache: flags.cache ? { location: flags.cacheLocation ?? DEFAULT_CACHE_LOCATION, onWarning: (message) => process.stderr.write(`sop: ${message}\n`) } : undefined,
  });
  progress.finish();

  if (report.results.length === 0) {
    process.stderr.write(`sop: no Markdown files found under ${paths.length ? paths.join(', ') : 'the current folder'} (after .sopignore and the config's ignore).\n`);
  }
  let results: FileResult[] = report.results;
  const readText = (filePath: string) => (stdin ? stdin.text : readTextOrUndefined(resolve(cwd, filePath)));
  if (flags.writeBaseline) {
    const written = createBaseline(results, readText);
    writeFileAtomic(resolve(cwd, flags.writeBaseline), serializeBaseline(written));
    const count = results.reduce((sum, result) => sum + result.messages.length, 0);
    process.stderr.write(`sop: wrote ${count} findings to the baseline ${flags.writeBaseline}.\n`);
  }
  if (baseline) {
    const applied = applyBaseline(results, baseline, readText);
    results = applied.results;
    process.stderr.write(`sop: the baseline ${flags.baseline} suppressed ${applied.suppressed} known findings.\n`);
  }
  if (flags.quiet) results = results.map(onlyErrors);
  const ruleDocsUrl = (report.config.docs as { ruleUrl?: string } | undefined)?.ruleUrl;
  const context = { colorLevel: flags.outputFile ? 0 : colorLevel(flags.color, process.stdout), rules: report.rules, version: packageVersion, ...(ruleDocsUrl ? { ruleDocsUrl } : {}) };
  let output = formatters[format](results, context);
  if (flags.fixDryRun && format !== 'json') output = dryRunDiffs(report.results, cwd, stdin?.text) + output;

  const stream = flags.outputFile ? standardStreamOf(resolve(cwd, flags.outputFile)) : 'stdout';
  if (stream === 'stdout') await writeStdout(output);
  else if (stream === 'stderr') process.stderr.write(output);
  else writeReportFile(resolve(cwd, flags.outputFile!), output, flags.outputFile);

  for (const warning of report.warnings) process.stderr.write(`sop: ${warning}\n`);
  for (const crash of report.crashes) {
    process.stderr.write(`sop: rule "${crash.ruleId}" crashed${crash.filePath ? ` on ${crash.filePath}` : ''}: ${crash.error.split('\n')[0]}\n`);
  }
  if (report.timings) process.stderr.write(timingTable(report.timings));
  const counted = baseline ? { crashes: report.crashes, ...totals(results) } : report;
  const code = exitCodeFor(counted, maxWarnings);
  if (code === 1 && counted.errorCount === 0) {
    process.stderr.write(`sop: ${counted.warningCount} warnings, more than --max-warnings ${maxWarnings}.\n`);
  }
  return code;
}

/** 2 when a rule crashed, 1 for errors or too many warnings, else 0. */
export function exitCodeFor(report: Pick<LintReport, 'crashes' | 'errorCount' | 'warningCount'>, maxWarnings?: number): 0 | 1 | 2 {
  if (report.crashes.length > 0) return 2;
  if (report.errorCount > 0) return 1;
  if (maxWarnings !== undefined && report.warningCount > maxWarnings) return 1;
  return 0;
}

function onlyErrors(result: FileResult): FileResult {
  const messages = result.messages.filter((m) => m.severity === 2);
  return { ...result, messages, warningCount: 0, fixableWarningCount: 0 };
}

function totals(results: readonly FileResult[]): { errorCount: number; warningCount: number } {
  return {
    errorCount: results.reduce((sum, result) => sum + result.errorCount, 0),
    warningCount: results.reduce((sum, result) => sum + result.warningCount, 0),
  };
}

function readTextOrUndefined(path: string): string | undefined {
  try {
    return stripBom(readFileSync(path, 'utf8'));
  } catch {
    return undefined;
  }
}

/** Standard input is read up to this many bytes: enough to be over any sensible `maxFileSize`, and `/dev/zero` ends. */
const STDIN_READ_LIMIT = 64 * 1024 * 1024;

/**
 * Standard input as bytes, so that it gets a file's size, binary and UTF-8 checks; the text (decoded
 * leniently) is kept only for the --fix-dry-run diff. Read as a stream: a synchronous read of a
 * non-blocking pipe fails with EAGAIN.
 */
async function readStdin(filename: string): Promise<{ text: string; bytes: Uint8Array; filename: string }> {
  const chunks: Buffer[] = [];
  let size = 0;
  for await (const chunk of process.stdin) {
    chunks.push(chunk as Buffer);
    size += (chunk as Buffer).length;
    if (size > STDIN_READ_LIMIT) break;
  }
  const bytes = Buffer.concat(chunks);
  return { text: stripBom(bytes.toString('utf8')), bytes, filename };
}

function stripBom(text: string): string {
  return text.charCodeAt(0) === 0xfeff ? text.slice(1) : text;
}

function dryRunDiffs(results: readonly FileResult[], cwd: string, stdinText?: string): string {
  return results
    .filter((result) => result.output !== undefined)
    .map((result) => {
      let before = stdinText ?? '';
      if (stdinText === undefined) {
        try {
          before = stripBom(readFileSync(resolve(cwd, result.filePath), 'utf8'));
        } catch {
          before = '';
        }
      }
      return unifiedDiff(result.filePath, before, stripBom(result.output!));
    })
    .join('');
}

function timingTable(timings: Map<string, number>): string {
  const rows = [...timings].sort((a, b) => b[1] - a[1]);
  const total = rows.reduce((sum, [, ms]) => sum + ms, 0) || 1;
  const lines = rows.map(([id, ms]) => `${id.padEnd(24)} ${ms.toFixed(1).padStart(10)} ms ${((100 * ms) / total).toFixed(1).padStart(6)} %`);
  return `${'rule'.padEnd(24)} ${'time'.padStart(13)} ${'share'.padStart(8)}\n${lines.join('\n')}\n`;
}

/** `--print-config`: the settings one file gets after `rules` and every matching override. */
async function printConfig(file: string, configPath: string | undefined): Promise<number> {
  const cwd = process.cwd();
  const rules = await loadRules();
  const config = loadConfig({ cwd, configPath, rules, paths: [file] });
  const settings = fileSettings({ cwd, config }, resolve(cwd, file));
  const sorted = Object.fromEntries(Object.entries(settings.rules).sort(([a], [b]) => (a < b ? -1 : 1)));
  await writeStdout(`${JSON.stringify({ file, config: config.path ? relative(cwd, config.path) || config.path : null, lang: settings.lang, rules: sorted }, null, 2)}\n`);
  return 0;
}
