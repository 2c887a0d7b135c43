import { statSync } from 'node:fs';
import { dirname, resolve } from 'node:path';
import { UsageError } from '../errors.js';
import { unknownValueMessage } from '../config/suggest.js';
import { lint, today, type LintReport } from '../lint/engine.js';
import { loadStaticAssets } from './assets.js';
import { compareEditions, comparableDocs, type ComparableDoc } from './changes.js';
import { requireChromium } from './chromium.js';
import { renderEdition, type MediaReader } from './edition.js';
import { stepTexts } from './steps.js';
import { loadConfig } from '../config/load.js';
import { loadRules } from '../rules/registry.js';
import { createMediaReader } from './media.js';
import { previousForBranch, readPreviousManifest, recordsAtRef } from './previous.js';
import { silentProgress, type Progress } from './progress.js';
import { launchPrinter, type PdfPrinter } from './render/pdf.js';
import { planEdition } from './resolve.js';
import { branchesOf } from './select.js';
import { buildSettings } from './settings.js';
import type { BuildFormat, ChangeReport, DocRecord, EditionPlan, EditionSelector } from './types.js';
import { createTransformCache } from './transform/cache.js';
import { openHandbook } from './write.js';

export interface BuildOptions {
  cwd: string;
  paths: string[];
  /** Output folder; default the config's `build.out`, else `handbook`. */
  out?: string;
  /** Default the config's `build.formats`, else site and single. */
  formats?: BuildFormat[];
  branch?: string;
  allBranches?: boolean;
  audience?: string;
  includeDrafts?: boolean;
  force?: boolean;
  since?: string;
  previous?: string;
  /** Build date `YYYY-MM-DD`; else SOURCE_DATE_EPOCH, else today. */
  date?: string;
  /** Date review states are computed for; default the build date. */
  asOf?: string;
  chromium?: string;
  configPath?: string;
  progress?: Progress;
  env?: NodeJS.ProcessEnv;
}

export interface EditionSummary {
  folder: string;
  branch: string | null;
  editionId: string;
  documents: number;
}

export type BuildResult =
  | { status: 'lint-failed'; lint: LintReport }
  | { status: 'built'; lint: LintReport; out: string; formats: BuildFormat[]; editions: EditionSummary[]; files: number; compliant: boolean; warnings: string[] };

export const DEFAULT_FORMATS: BuildFormat[] = ['site', 'single'];

/** Folder names an edition may not take: the site's own folders. */
const RESERVED_FOLDERS = new Set(['assets', 'documents', 'media']);
const BRANCH_FOLDER = /^[A-Za-z0-9][A-Za-z0-9._-]*$/;

/** The build date: `--date`, else SOURCE_DATE_EPOCH (reproducible builds), else today (UTC). */
export function buildDateOf(date: string | undefined, env: NodeJS.ProcessEnv): string {
  if (date) return date;
  const epoch = env.SOURCE_DATE_EPOCH;
  if (epoch !== undefined && epoch !== '') {
    const seconds = Number(epoch);
    // Up to the end of 9999: a later year has no YYYY-MM-DD form, and every review would be "in the future".
    if (!/^\d+$/.test(epoch.trim()) || !Number.isSafeInteger(seconds) || seconds > 253402300799) {
      throw new UsageError(`SOURCE_DATE_EPOCH must be a whole number of seconds since 1970 up to the year 9999 (got "${epoch}"). Unset it, or pass --date YYYY-MM-DD.`);
    }
    return new Date(seconds * 1000).toISOString().slice(0, 10);
  }
  return today();
}

/**
 * `sop build`: config → lint gate (which reads the records) → per edition: plan → transform → changes → render → write. Only the last
 * stage writes, and only into a fresh folder that replaces `--out` once everything has succeeded.
 */
export async function build(options: BuildOptions): Promise<BuildResult> {
  const progress = options.progress ?? silentProgress;
  const env = options.env ?? process.env;
  const buildDate = buildDateOf(options.date, env);
  const asOf = options.asOf ?? buildDate;
  if (options.branch && options.allBranches) throw new UsageError('Give either --branch or --all-branches, not both.');
  const previousManifest = options.previous ? readPreviousManifest(options.previous, options.cwd) : undefined;
  // Config → settings → formats and Chromium, once; then one reading of the repository, by the lint.
  const config = loadConfig({ cwd: options.cwd, configPath: options.configPath, rules: await loadRules(), paths: options.paths });
  const settings = buildSettings(config);
  const formats = options.formats ?? settings.formats ?? DEFAULT_FORMATS;
  const out = options.out ? resolve(options.cwd, options.out) : (settings.out ?? resolve(options.cwd, 'handbook'));
  const chromium = formats.includes('pdf') ? requireChromium(options.chromium, options.cwd) : undefined;

  progress.stage('linting');
  const report = await lint({ cwd: options.cwd, paths: options.paths, config, asOf, since: options.since, records: true });
  if (report.crashes.length > 0 && !options.force) {
    const names = [...new Set(report.crashes.map((crash) => crash.ruleId))].join(', ');
    progress.done();
    throw new Error(`Lint rule(s) crashed: ${names}. Fix or turn them off, or build anyway with --force.`);
  }
  if (report.errorCount > 0 && !options.force) {
    progress.done();
    return { status: 'lint-failed', lint: report };
  }
  const compliant = report.errorCount === 0 && report.crashes.length === 0;
  // Files the lint could not read have no record: they are left out, and stderr says so.
  const unreadable = unreadableFiles(report);
  const records = report.records;
  const selectors = editionSelectors(records, settings.branches, options);
  const oldRecords: DocRecord[] | undefined = options.since ? recordsAtRef(options.since, { cwd: options.cwd, paths: options.paths, config }) : undefined;

  // Earlier versions' steps, parsed once per run however many editions compare with them.
  const stepsByHash = new Map<string, readonly string[]>();
  const oldSteps = (record: DocRecord) => {
    let steps = stepsByHash.get(record.contentHash);
    if (!steps) stepsByHash.set(record.contentHash, (steps = stepTexts(record, config)));
    return steps;
  };
  const warnings: string[] = [...unreadable].map(([filePath, why]) => `Left out of the handbook: ${filePath} (${why})`);
  const readMedia: MediaReader = createMediaReader({ cwd: options.cwd, root: repositoryRoot(options, config), maxBytes: config.maxFileSize, warn: (message) => warnings.push(message) });

  const protectedPaths = [options.cwd, ...options.paths.map((path) => resolve(options.cwd, path)), ...(config.path ? [config.root] : [])];
  const writer = openHandbook(out, protectedPaths);
  const cache = createTransformCache();
  let printer: PdfPrinter | undefined;
  let files = 0;
  const editions: EditionSummary[] = [];
  try {
    if (chromium) printer = await launchPrinter(chromium);
    for (const { selector, folder } of selectors) {
      const plan = planEdition(records, { settings, selector, folder, buildDate, asOf, compliant, review: config });
      for (const { filePath, reason } of plan.unplaced) warnings.push(`${filePath} is not in the ${folder ? `${folder} edition` : 'handbook'}: ${reason}.`);
      const compare = comparison(plan, oldRecords, options, previousManifest, { settings, buildDate, asOf, compliant, review: config }, oldSteps);
      const output = await renderEdition({ plan, config, formats, compare, assets: loadStaticAssets(), readMedia, printer, progress, cache, warn: (message) => warnings.push(message) });
      progress.stage(`${folder || 'base edition'}: writing`);
      writer.add(output);
      files += output.length;
      editions.push({ folder, branch: selector.branch ?? null, editionId: plan.editionId, documents: plan.docs.length });
    }
    writer.commit({ generator: 'sopkit', buildDate, formats, compliant, editions });
  } catch (error) {
    writer.abort();
    throw error;
  } finally {
    await printer?.close();
    progress.done();
  }
  return { status: 'built', lint: report, out, formats, editions, files: files + 1, compliant, warnings: [...new Set(warnings)] };
}

/** Files the lint could not read (a fatal parse-error), with why: `--force` builds without them. */
function unreadableFiles(report: LintReport): Map<string, string> {
  const found = new Map<string, string>();
  for (const result of report.results) {
    const fatal = result.messages.find((finding) => finding.fatal && finding.ruleId === 'parse-error');
    if (fatal) found.set(result.filePath, `${fatal.line}:${fatal.column} ${fatal.message}`);
  }
  return found;
}

/** The folder whose files a handbook may publish: the config's folder, else the first path built, else the working folder. */
export function repositoryRoot(options: Pick<BuildOptions, 'cwd' | 'paths'>, config: { path?: string; root: string }): string {
  if (config.path) return config.root;
  const first = options.paths[0] ? resolve(options.cwd, options.paths[0]) : options.cwd;
  try {
    return statSync(first).isDirectory() ? first : dirname(first);
  } catch {
    return options.cwd;
  }
}

function editionSelectors(records: readonly DocRecord[], configured: readonly string[], options: BuildOptions): Array<{ selector: EditionSelector; folder: string }> {
  const base = { audience: options.audience, includeDrafts: options.includeDrafts ?? false };
  const known = branchesOf(records, configured);
  const checkName = (branch: string) => {
    if (!BRANCH_FOLDER.test(branch) || RESERVED_FOLDERS.has(branch)) {
      throw new UsageError(`Branch "${branch}" cannot name an edition folder: use letters, digits, ".", "_" or "-", and none of ${[...RESERVED_FOLDERS].join(', ')}.`);
    }
  };
  if (options.audience !== undefined) {
    // A misspelt audience would build an empty handbook: only documents for everyone.
    const audiences = [...new Set(records.flatMap((record) => record.audience))].sort();
    if (!audiences.includes(options.audience)) throw new UsageError(unknownValueMessage('audience', options.audience, audiences));
  }
  if (options.branch) {
    if (!known.includes(options.branch)) throw new UsageError(unknownValueMessage('branch', options.branch, known));
    return [{ selector: { ...base, branch: options.branch }, folder: '' }];
  }
  const editions = [{ selector: base as EditionSelector, folder: '' }];
  if (options.allBranches) {
    for (const branch of known) {
      checkName(branch);
      editions.push({ selector: { ...base, branch }, folder: branch });
    }
  }
  return editions;
}

/** How an edition is compared with its earlier self: the same selection at a git ref, or a manifest. */
function comparison(
  plan: EditionPlan,
  oldRecords: readonly DocRecord[] | undefined,
  options: BuildOptions,
  previous: ReturnType<typeof readPreviousManifest> | undefined,
  input: Omit<Parameters<typeof planEdition>[1], 'selector' | 'folder'>,
  oldSteps: (record: DocRecord) => readonly string[],
): ((current: ComparableDoc[]) => ChangeReport | undefined) | undefined {
  if (oldRecords) {
    const old = planEdition(oldRecords, { ...input, selector: plan.selector, folder: plan.folder });
    const earlier = comparableDocs(old, (doc) => oldSteps(doc.record));
    return (current) => compareEditions(earlier, current, `git ${options.since}`);
  }
  if (previous) {
    const earlier = previousForBranch(previous, plan.selector.branch);
    return earlier ? (current) => compareEditions(earlier.docs, current, earlier.against) : undefined;
  }
  return undefined;
}
