import { readFileSync } from 'node:fs';
import { extname, resolve } from 'node:path';
import { UsageError } from '../config/errors.js';
import { closest } from '../config/suggest.js';
import { lint, today, type LintReport } from '../lint/engine.js';
import { loadStaticAssets } from './assets.js';
import { compareEditions, comparableDocs } from './changes.js';
import { requireChromium } from './chromium.js';
import { renderEdition, type MediaReader } from './edition.js';
import { loadRecords } from './load.js';
import { previousForBranch, readPreviousManifest, recordsAtRef } from './previous.js';
import { silentProgress, type Progress } from './progress.js';
import { launchPrinter, type PdfPrinter } from './render/pdf.js';
import { planEdition } from './resolve.js';
import { branchesOf } from './select.js';
import { buildSettings } from './settings.js';
import type { BuildFormat, DocRecord, EditionPlan, EditionSelector, OutputFile } from './types.js';
import { writeHandbook } from './write.js';

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

const IMAGE_TYPES: Record<string, string> = {
  '.png': 'image/png',
  '.jpg': 'image/jpeg',
  '.jpeg': 'image/jpeg',
  '.gif': 'image/gif',
  '.svg': 'image/svg+xml',
  '.webp': 'image/webp',
  '.avif': 'image/avif',
};

/** The build date: `--date`, else SOURCE_DATE_EPOCH (reproducible builds), else today (UTC). */
export function buildDateOf(date: string | undefined, env: NodeJS.ProcessEnv): string {
  if (date) return date;
  const epoch = env.SOURCE_DATE_EPOCH;
  if (epoch !== undefined && epoch !== '') {
    const seconds = Number(epoch);
    if (!Number.isInteger(seconds) || seconds < 0) throw new UsageError(`SOURCE_DATE_EPOCH must be a whole number of seconds (got "${epoch}").`);
    return new Date(seconds * 1000).toISOString().slice(0, 10);
  }
  return today();
}

/**
 * `sop build`: lint gate → read → resolve each edition → transform → render → write. Only the last
 * stage writes, and only into a fresh folder that replaces `--out` once everything has succeeded.
 */
export async function build(options: BuildOptions): Promise<BuildResult> {
  const progress = options.progress ?? silentProgress;
  const env = options.env ?? process.env;
  const buildDate = buildDateOf(options.date, env);
  const asOf = options.asOf ?? buildDate;
  if (options.branch && options.allBranches) throw new UsageError('Give either --branch or --all-branches, not both.');
  if (options.formats?.includes('pdf')) requireChromium(options.chromium, options.cwd);
  const previousManifest = options.previous ? readPreviousManifest(options.previous, options.cwd) : undefined;

  progress.stage('linting');
  const report = await lint({ cwd: options.cwd, paths: options.paths, configPath: options.configPath, asOf, since: options.since });
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
  const config = report.config;
  const settings = buildSettings(config);
  const formats = options.formats ?? settings.formats ?? DEFAULT_FORMATS;
  const out = options.out ? resolve(options.cwd, options.out) : (settings.out ?? resolve(options.cwd, 'handbook'));
  const chromium = formats.includes('pdf') ? requireChromium(options.chromium, options.cwd) : undefined;

  progress.stage('reading documents');
  const records = loadRecords({ cwd: options.cwd, paths: options.paths, config });
  const selectors = editionSelectors(records, settings.branches, options);
  const oldRecords: DocRecord[] | undefined = options.since ? recordsAtRef(options.since, { cwd: options.cwd, paths: options.paths, config }) : undefined;

  const warnings: string[] = [];
  const readMedia: MediaReader = (ref) => {
    try {
      return { bytes: readFileSync(resolve(options.cwd, ref.source)), type: IMAGE_TYPES[extname(ref.source).toLowerCase()] ?? 'application/octet-stream' };
    } catch {
      return undefined;
    }
  };

  let printer: PdfPrinter | undefined;
  const files: OutputFile[] = [];
  const editions: EditionSummary[] = [];
  try {
    if (chromium) printer = await launchPrinter(chromium);
    for (const { selector, folder } of selectors) {
      const plan = planEdition(records, { settings, selector, folder, buildDate, asOf, compliant, review: config });
      plan.changes = changesFor(plan, oldRecords, options, previousManifest, { settings, buildDate, asOf, compliant, review: config });
      files.push(...(await renderEdition({ plan, config, formats, assets: loadStaticAssets(), readMedia, printer, progress, warn: (message) => warnings.push(message) })));
      editions.push({ folder, branch: selector.branch ?? null, editionId: plan.editionId, documents: plan.docs.length });
    }
  } finally {
    await printer?.close();
  }

  progress.stage('writing');
  const marker = { generator: 'sopkit', buildDate, formats, compliant, editions };
  const protectedPaths = [options.cwd, ...options.paths.map((path) => resolve(options.cwd, path)), ...(config.path ? [config.root] : [])];
  writeHandbook(out, files, marker, protectedPaths);
  progress.done();
  return { status: 'built', lint: report, out, formats, editions, files: files.length + 1, compliant, warnings: [...new Set(warnings)] };
}

function editionSelectors(records: readonly DocRecord[], configured: readonly string[], options: BuildOptions): Array<{ selector: EditionSelector; folder: string }> {
  const base = { audience: options.audience, includeDrafts: options.includeDrafts ?? false };
  const known = branchesOf(records, configured);
  const checkName = (branch: string) => {
    if (!BRANCH_FOLDER.test(branch) || RESERVED_FOLDERS.has(branch)) {
      throw new UsageError(`Branch "${branch}" cannot name an edition folder: use letters, digits, ".", "_" or "-", and none of ${[...RESERVED_FOLDERS].join(', ')}.`);
    }
  };
  if (options.branch) {
    if (!known.includes(options.branch)) {
      const suggestion = closest(options.branch, known);
      const hint = suggestion ? ` Did you mean "${suggestion}"?` : known.length ? ` Known branches: ${known.join(', ')}.` : ' No document names a branch.';
      throw new UsageError(`No document names the branch "${options.branch}".${hint}`);
    }
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

function changesFor(
  plan: EditionPlan,
  oldRecords: readonly DocRecord[] | undefined,
  options: BuildOptions,
  previous: ReturnType<typeof readPreviousManifest> | undefined,
  input: Omit<Parameters<typeof planEdition>[1], 'selector' | 'folder'>,
): EditionPlan['changes'] {
  if (oldRecords) {
    const old = planEdition(oldRecords, { ...input, selector: plan.selector, folder: plan.folder });
    return compareEditions(comparableDocs(old), comparableDocs(plan), `git ${options.since}`);
  }
  if (previous) {
    const earlier = previousForBranch(previous, plan.selector.branch);
    return earlier ? compareEditions(earlier.docs, comparableDocs(plan), earlier.against) : undefined;
  }
  return undefined;
}
