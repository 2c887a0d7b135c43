import { isAbsolute, relative } from 'node:path';
import type { Command } from 'commander';
import type { BuildOptions, BuildResult } from '../handbook/index.js';
import { terminalProgress } from '../handbook/progress.js';
import { BUILD_FORMATS, type BuildFormat } from '../handbook/types.js';
import { UsageError } from '../errors.js';
import { stylish } from '../formatters/stylish.js';
import { packageVersion } from '../paths.js';
import type { LintReport } from '../lint/engine.js';
import { action, colorLevel, parseDateFlag, writeStdout , type RunOutcome } from './action.js';

/** What commander hands over: the build's options as typed on the command line. */
type BuildFlags = Pick<BuildOptions, 'out' | 'branch' | 'allBranches' | 'lang' | 'allLanguages' | 'audience' | 'includeDrafts' | 'force' | 'since' | 'previous' | 'date' | 'asOf' | 'chromium'> & {
  format?: string;
  config?: string;
  color?: boolean;
};

export function register(program: Command, outcome: RunOutcome): void {
  program
    .command('build')
    .description('Compile the policies and procedures into the handbook: a site, one HTML file, Markdown, a JSON manifest or a PDF.')
    .argument('[paths...]', 'files or folders of documents (default: the current folder)')
    .option('-o, --out <dir>', 'output folder, replaced only if empty or made by an earlier build (default: build.out in the config, else handbook)')
    .option('-f, --format <list>', `comma-separated formats: ${BUILD_FORMATS.join(', ')} (default: build.formats in the config, else site,single)`)
    .option('--branch <name>', "the edition for one branch: its variants replace the base documents, documents for other branches are left out")
    .option('--all-branches', 'the base edition, plus one edition per branch in <out>/<branch>/')
    .option('--lang <tag>', 'an edition in this language: each translation into it where one exists, the source (marked not yet translated) otherwise')
    .option('--all-languages', 'also one edition per language of the documents, in <out>/<lang>/ (and <out>/<branch>/<lang>/)')
    .option('--audience <role>', 'only documents for this role (and those for everyone)')
    .option('--include-drafts', 'include draft documents, marked DRAFT')
    .option('--force', 'build even when lint finds errors; the edition is marked not compliant')
    .option('--since <git-ref>', 'list what changed since this git ref (documents, and steps of procedures)')
    .option('--previous <manifest.json>', 'list what changed since the edition of this manifest (from --format json)')
    .option('--date <YYYY-MM-DD>', 'build date on the cover (default: SOURCE_DATE_EPOCH, else today)')
    .option('--as-of <YYYY-MM-DD>', 'date that review states are computed for (default: the build date)')
    .option('--chromium <path>', 'Chromium or Chrome executable for the pdf format (default: /usr/bin/chromium, else PATH)')
    .option('-c, --config <path>', 'use this config file instead of searching for sop.config.yaml')
    .option('--no-color', 'no colours in the lint report')
    .action(action(outcome, async (paths: string[], flags: BuildFlags) => runBuild(paths, flags)));
}

export function parseFormats(list: string): BuildFormat[] {
  const names = list
    .split(',')
    .map((name) => name.trim().toLowerCase())
    .filter(Boolean);
  if (names.length === 0) throw new UsageError(`--format needs at least one of: ${BUILD_FORMATS.join(', ')}.`);
  for (const name of names) {
    if (!(BUILD_FORMATS as readonly string[]).includes(name)) throw new UsageError(`Unknown format "${name}". Use a comma-separated list of: ${BUILD_FORMATS.join(', ')}.`);
  }
  return BUILD_FORMATS.filter((format) => names.includes(format));
}

async function runBuild(paths: string[], flags: BuildFlags): Promise<number> {
  const cwd = process.cwd();
  const formats = flags.format !== undefined ? parseFormats(flags.format) : undefined;
  if (flags.since && flags.previous) throw new UsageError('Give either --since or --previous, not both.');
  // The handbook (renderers, PDF, hast and mdast serialisers: about 200 modules) loads only for a build,
  // so `sop lint` and `sop --version` do not pay for it at start-up.
  const { build } = await import('../handbook/index.js');
  const result = await build({
    cwd,
    paths,
    out: flags.out,
    formats,
    branch: flags.branch,
    allBranches: flags.allBranches,
    lang: flags.lang,
    allLanguages: flags.allLanguages,
    audience: flags.audience,
    includeDrafts: flags.includeDrafts,
    force: flags.force,
    since: flags.since,
    previous: flags.previous,
    date: flags.date ? parseDateFlag('--date', flags.date) : undefined,
    asOf: flags.asOf ? parseDateFlag('--as-of', flags.asOf) : undefined,
    chromium: flags.chromium,
    configPath: flags.config,
    progress: terminalProgress(process.stderr),
  });
  if (result.status === 'lint-failed') {
    await writeStdout(lintReport(result.lint, flags));
    process.stderr.write(
      `sop: build stopped: ${plural(result.lint.errorCount, 'lint error')}. Fix them (\`sop lint\` lists them), or build anyway with --force; the edition is then marked not compliant.\n`,
    );
    return 1;
  }
  if (!result.compliant) {
    process.stderr.write(lintReport(result.lint, flags));
    process.stderr.write(`sop: built over ${plural(result.lint.errorCount, 'lint error')} (--force): the edition is marked NOT COMPLIANT.\n`);
  }
  for (const warning of result.warnings) process.stderr.write(`sop: warning: ${warning}\n`);
  await writeStdout(summary(result, cwd));
  return 0;
}

function lintReport(report: LintReport, flags: BuildFlags): string {
  const results = report.results.map((result) => ({ ...result, messages: result.messages.filter((message) => message.severity === 2), warningCount: 0, fixableWarningCount: 0 }));
  return stylish(results, { colorLevel: colorLevel(flags.color, process.stdout), rules: report.rules, version: packageVersion });
}

function summary(result: Extract<BuildResult, { status: 'built' }>, cwd: string): string {
  const fromCwd = relative(cwd, result.out);
  // Whichever is shorter: `../handbook` reads better than an absolute path, `/tmp/hb` than `../../../tmp/hb`.
  const out = fromCwd === '' ? '.' : isAbsolute(fromCwd) || fromCwd.length > result.out.length ? result.out : fromCwd;
  const lines = result.editions.map((edition) => {
    const where = edition.folder ? `${out}/${edition.folder}` : out;
    return `  ${where}/  ${edition.branch ?? 'all branches'}${edition.lang ? ` (${edition.lang})` : ''}: edition ${edition.editionId}, ${plural(edition.documents, 'document')}`;
  });
  const warnings = result.lint.warningCount > 0 ? `\n${plural(result.lint.warningCount, 'lint warning')}: run \`sop lint\` to see them.` : '';
  return `Built the handbook (${result.formats.join(', ')}) in ${out}/\n${lines.join('\n')}${warnings}\n`;
}

function plural(count: number, noun: string): string {
  return `${count} ${noun}${count === 1 ? '' : 's'}`;
}
