import { dirname, join, resolve } from 'node:path';
import { loadConfig } from '../config/load.js';
import { mergeRuleSettings, type FileSettings } from '../config/rule-settings.js';
import { loadRules } from '../rules/registry.js';
import type { CorpusContext, CorpusRule, FileResult, Finding, History, ResolvedConfig, Rule } from '../types.js';
import { buildSuppressions, unusedDirectives, type Directive, type Suppressions } from './directives.js';
import { discover, type UnreadableFolder } from '../source/discover.js';
import { repositoryFiles, gitRootOf } from '../source/files.js';
import { openGitRepository } from '../source/git.js';
import { gitHistory } from '../source/history.js';
import { displayPath, fileSettings, lintFile, type FileInput, type FilePassRequest } from './file-pass.js';
import { findingOf, parseProblemFindings, severityLevel, type RuleCrash } from './file-linter.js';
import { chooseJobs, lintInWorkers, workersAvailable } from './parallel.js';
import { shardFiles, type Shard } from './shard.js';
import type { DocumentRecord } from '../repository/record.js';
import type { DocumentSummary } from '../repository/summary.js';
import { LintCache, type CacheMode, type CacheStats, type LintCacheOptions } from './cache.js';

export interface LintOptions {
  cwd: string;
  paths?: string[];
  configPath?: string;
  /** Already-loaded config (the build reuses the lint's). */
  config?: ResolvedConfig;
  /** `YYYY-MM-DD`; default today (UTC). */
  asOf?: string;
  /** Git ref for rules that compare with an earlier version (`version-bump`). */
  since?: string;
  /** Apply safe fixes and write the files. */
  fix?: boolean;
  /** Compute fixes into `FileResult.output` without writing. */
  fixDryRun?: boolean;
  /** Lint this text (or these bytes, checked as a file's are) instead of files on disk (`--stdin`). */
  stdin?: { text: string; filename: string; bytes?: Uint8Array };
  /** Restrict the run to these rule ids (tests, `sop explain` examples). */
  onlyRules?: readonly string[];
  /** Rules added to the registry's for this run (API users and tests); they need a setting to run. */
  extraRules?: readonly Rule[];
  /** Worker threads: default one per core (at most 4) when there are enough files; 1 disables them. */
  jobs?: number;
  /** Rule settings applied after the config (tests). */
  ruleOverrides?: Record<string, { severity: 'off' | 'warn' | 'error'; options?: Record<string, unknown> }>;
  /** Report only on this slice of the files; repository rules still read every file (`--shard`). */
  shard?: Shard;
  /** Findings listed per rule per file (default 100, then one summary finding); Infinity lists them all. */
  findingsPerRule?: number;
  /**
   * The folder whose documents corpus rules read (default: the config's folder, else the git work tree
   * of the files); `false`: only the files asked for (tests of one file or folder as a repository).
   */
  repositoryRoot?: string | false;
  /** Measure the time each rule takes, into `LintReport.timings` (`SOP_TIMING`). */
  timeRules?: boolean;
  /** Keep a record of every document linted (`LintReport.records`), for the build. */
  records?: boolean;
  /** Keep every document's corpus summary (`LintReport.summaries`), for `sop branches` and `sop review`. */
  summaries?: boolean;
  /** The earlier versions for `--since` (default: from git; fixtures give a `before/` folder). */
  history?: History;
  /** Unsaved text that replaces a file's content on disk, by absolute path (an editor's open buffers). */
  overlay?: ReadonlyMap<string, string>;
  /** Report `sop-disable…` comments that silence no finding (`--report-unused-disable-directives`). */
  reportUnusedDirectives?: boolean;
  /** Called as files are linted, with how many are done of how many (the progress line of long runs). */
  onProgress?: (done: number, total: number) => void;
  /** Keep each file's outcome between runs (`--cache`); not for standard input, extra rules or `timeRules`. */
  cache?: LintCacheOptions;
}

export interface LintReport {
  results: FileResult[];
  rules: Rule[];
  config: ResolvedConfig;
  errorCount: number;
  warningCount: number;
  crashes: RuleCrash[];
  /** Per-file notes that are not findings (`--fix` did not write a file, and why). */
  warnings: string[];
  /** With `records`: one record per document reported on, in path order. */
  records: DocumentRecord[];
  /** With `summaries`: one corpus summary per document reported on, in path order. */
  summaries: DocumentSummary[];
  /** With `timeRules`: milliseconds per rule over the whole run (repository rules' checks included). */
  timings?: Map<string, number>;
  /** With `cache`: how many files came from the cache and how many were linted. */
  cache?: CacheStats;
}

/** Related locations kept on one finding of a repository rule. */
const MAX_RELATED = 20;

export function today(): string {
  return new Date().toISOString().slice(0, 10);
}

/** The lint pipeline: config → files → parse → file rules → corpus rules → sorted results. */
export async function lint(options: LintOptions): Promise<LintReport> {
  const allRules = [...(await loadRules()), ...(options.extraRules ?? [])];
  const rules = options.onlyRules ? allRules.filter((rule) => options.onlyRules!.includes(rule.id) || rule.id === 'parse-error') : allRules;
  const configPaths = options.stdin ? [options.stdin.filename] : options.paths;
  const config = options.config ?? loadConfig({ cwd: options.cwd, configPath: options.configPath, rules: allRules, paths: configPaths });
  const asOf = options.asOf ?? today();
  const cwd = options.cwd;

  // The files asked for, and the repository they belong to: corpus rules read all of it (to resolve
  // ids, links and variants) but report only on the files asked for, so `sop lint a.md` gives a.md
  // the findings `sop lint .` gives it.
  const discovery = options.stdin ? { files: [], unreadable: [] } : discover(options.paths ?? [], cwd, config);
  // Unsaved editor buffers (`overlay`) are files asked for too, on disk or not yet.
  const asked = options.stdin ? [resolve(cwd, options.stdin.filename)] : [...new Set([...discovery.files, ...(options.overlay?.keys() ?? [])])].sort(compareText);
  const root = options.stdin || options.repositoryRoot === false ? undefined : (options.repositoryRoot ?? repositoryRootOf(config, asked, cwd));
  const askedForRoot = (options.paths?.length ? options.paths : ['.']).every((path) => resolve(cwd, path) === root);
  const everyFile = root && !askedForRoot ? discover([root], cwd, config).files : [];
  const inputs: FileInput[] = options.stdin
    ? [{ absolutePath: asked[0], ...(options.stdin.bytes ? { readBytes: options.stdin.bytes } : { readText: options.stdin.text }) }]
    : withOverlay([...new Set([...asked, ...everyFile])].sort(compareText), options.overlay);

  // Corpus rules compare a document with the rest of the repository, which standard input does not have.
  const corpusRules = options.stdin ? [] : rules.filter((rule): rule is CorpusRule => rule.scope === 'corpus');
  const request: FilePassRequest = {
    cwd,
    config,
    asOf,
    since: options.since,
    fix: options.fix,
    fixDryRun: options.fixDryRun,
    writeFixes: !options.stdin,
    ruleOverrides: options.ruleOverrides,
    corpusRuleIds: corpusRules.map((rule) => rule.id),
    records: options.records,
    documentSummaries: options.summaries,
    timeRules: options.timeRules,
    findingsPerRule: options.findingsPerRule,
  };

  // Rules given as objects (extraRules) cannot be sent to another thread.
  const jobs = options.extraRules?.length || !workersAvailable() ? 1 : chooseJobs(options.jobs, inputs.length);
  const reported: ReadonlySet<string> = options.shard && !options.stdin ? shardFiles(asked, options.shard) : new Set(asked);
  const useCache = options.cache && !options.stdin && !options.extraRules?.length && !options.timeRules;
  const cache = useCache
    ? LintCache.open(options.cache!, cwd, { cwd, root, config, ruleIds: rules.map((rule) => rule.id), corpusRuleIds: request.corpusRuleIds, onlyRules: options.onlyRules, records: options.records })
    : undefined;
  const outcomes = await lintInputs(inputs, rules, request, jobs, options.onlyRules);

  const results: FileResult[] = [];
  const crashes: RuleCrash[] = [];
  const warnings: string[] = [];
  const records: DocumentRecord[] = [];
  const documentSummaries: DocumentSummary[] = [];
  const summaries = new Map<string, Array<{ filePath: string; summary: unknown }>>(corpusRules.map((rule) => [rule.id, []]));
  const perFile = new Map<string, { settings: FileSettings; suppressions: Suppressions; directives: Directive[]; result: FileResult }>();
  const timings = options.timeRules ? new Map<string, number>() : undefined;
  const addTime = (ruleId: string, ms: number) => timings?.set(ruleId, (timings.get(ruleId) ?? 0) + ms);
  outcomes.forEach((outcome, index) => {
    const { result } = outcome;
    for (const [ruleId, ms] of outcome.timings ?? []) addTime(ruleId, ms);
    for (const [ruleId, summary] of outcome.summaries) summaries.get(ruleId)?.push({ filePath: result.filePath, summary });
    // Outside the files asked for (or the shard): its summaries feed the repository rules; nothing is reported on it.
    if (!reported.has(inputs[index].absolutePath)) return;
    results.push(result);
    for (const warning of outcome.warnings ?? []) warnings.push(warning);
    if (outcome.record) records.push(outcome.record);
    if (outcome.documentSummary) documentSummaries.push(outcome.documentSummary);
    for (const crash of outcome.crashes) crashes.push(crash);
    perFile.set(result.filePath, { settings: outcome.settings, suppressions: buildSuppressions(outcome.directives, outcome.usedDirectives), directives: outcome.directives, result });
  });
  for (const folder of discovery.unreadable) results.push(unreadableFolderResult(folder, request));
  const history = options.stdin ? undefined : (options.history ?? (options.since ? gitHistory(openGitRepository(gitFolderOf(root, asked, cwd), options.since), options.since) : undefined));
  const files = repositoryFiles({ configRoot: config.path ? config.root : undefined, cwd });

  // `ruleOverrides` apply to a corpus rule's run-wide setting too, as they do per file.
  const corpusSettings = options.ruleOverrides ? mergeRuleSettings(config.rules, options.ruleOverrides) : config.rules;
  const corpusSetting = (id: string) => corpusSettings[id];

  for (const rule of corpusRules) {
    if (severityLevel(corpusSetting(rule.id)?.severity ?? 'off') === 0 && !config.overrides.some((o) => o.rules[rule.id])) continue;
    const context: CorpusContext<Record<string, unknown>> = {
      options: corpusSetting(rule.id)?.options ?? {},
      config,
      asOf,
      since: options.since,
      cwd,
      files,
      history,
      report(descriptor) {
        const target = perFile.get(descriptor.filePath);
        if (!target) return;
        const level = severityLevel(target.settings.rules[rule.id]?.severity ?? 'off');
        if (level === 0 || target.suppressions.isSuppressed(rule.id, descriptor.at.line)) return;
        const at = descriptor.at;
        const column = at.column ?? 1;
        // related capped: a repository rule relating every file to every other makes a report quadratic in size.
        const related = descriptor.related?.slice(0, MAX_RELATED);
        target.result.messages.push(findingOf(rule, level, { ...descriptor, fix: undefined, related }, { line: at.line, column, endLine: at.endLine ?? at.line, endColumn: at.endColumn ?? column }));
      },
    };
    const started = timings ? performance.now() : 0;
    try {
      rule.check(summaries.get(rule.id) ?? [], context);
    } catch (error) {
      const message = error instanceof Error ? error.message : String(error);
      if ((error as { name?: string }).name === 'UsageError') throw error;
      crashes.push({ ruleId: rule.id, filePath: '', error: (error as Error)?.stack ?? message });
    }
    if (timings) addTime(rule.id, performance.now() - started);
  }

  if (options.reportUnusedDirectives) {
    for (const { directives, suppressions, result } of perFile.values()) reportUnused(result, directives, suppressions, config);
  }

  let errorCount = 0;
  let warningCount = 0;
  for (const result of results) {
    finishResult(result);
    errorCount += result.errorCount;
    warningCount += result.warningCount;
  }
  results.sort((a, b) => compareText(a.filePath, b.filePath));
  cache?.save();
  return { results, rules: allRules, config, errorCount, warningCount, crashes, warnings, records, summaries: documentSummaries, ...(timings ? { timings } : {}), ...(cache ? { cache: cache.stats } : {}) };

  /**
   * The file pass. Files that are only read for the repository rules (outside the paths asked for, or
   * outside the shard) run only those rules' summaries (and parsing), never a fix.
   */
  async function lintInputs(all: FileInput[], ruleSet: Rule[], pass: FilePassRequest, threads: number, only?: readonly string[]) {
    let done = 0;
    const progress = (count: number) => {
      done += count;
      options.onProgress?.(done, all.length);
    };
    const lintSome = async (some: FileInput[], someRules: Rule[], somePass: FilePassRequest, someOnly?: readonly string[]) => {
      // With the cache, only the files it misses are linted: threads are worth starting for enough of them.
      const count = cache && threads > 1 ? chooseJobs(options.jobs, some.length) : threads;
      return count > 1
        ? lintInWorkers(some, somePass, count, someOnly, progress)
        : some.map((input) => {
            const outcome = lintFile(input, someRules, somePass);
            progress(1);
            return outcome;
          });
    };
    const run = (some: FileInput[], someRules: Rule[], somePass: FilePassRequest, someOnly: readonly string[] | undefined, mode: CacheMode) =>
      cache
        ? cache.through(some, somePass, mode, (missing) => lintSome(missing, someRules, somePass, someOnly), progress)
        : lintSome(some, someRules, somePass, someOnly);
    if (all.every((input) => reported.has(input.absolutePath))) return run(all, ruleSet, pass, only, 'report');
    const corpusIds = corpusRules.map((rule) => rule.id);
    const mine = await run(all.filter((input) => reported.has(input.absolutePath)), ruleSet, pass, only, 'report');
    const readOnly = { ...pass, fix: false, fixDryRun: false, records: false, documentSummaries: false };
    const others = await run(all.filter((input) => !reported.has(input.absolutePath)), ruleSet.filter((rule) => rule.scope === 'corpus'), readOnly, corpusIds, 'summaries');
    let m = 0;
    let o = 0;
    return all.map((input) => (reported.has(input.absolutePath) ? mine[m++] : others[o++]));
  }
}

/**
 * Errors for the directives of a file that silenced nothing, as ESLint's `--report-unused-disable-directives`
 * reports them: a suppression that no longer suppresses hides nothing but misleads the reader.
 */
function reportUnused(result: FileResult, directives: readonly Directive[], suppressions: Suppressions, config: ResolvedConfig): void {
  for (const { directive, ruleId } of unusedDirectives(directives, suppressions.used(), (id) => Object.hasOwn(config.rules, id))) {
    const what = ruleId ? `"${ruleId}"` : 'any rule';
    result.messages.push({
      ruleId: 'disable-directive',
      severity: 2,
      message: `This sop-${directive.kind} comment silences nothing for ${what}: remove ${ruleId ? 'the id' : 'it'}, before it hides a later finding nobody meant to hide.`,
      line: directive.line,
      column: 1,
      endLine: directive.endLine,
      endColumn: 1,
    });
  }
}

/**
 * The repository the linted files belong to: the config's folder, else the git work tree of the
 * first file. Undefined outside both (then the files asked for are the whole repository).
 */
function repositoryRootOf(config: ResolvedConfig, files: readonly string[], cwd: string): string | undefined {
  if (config.path) return config.root;
  const start = files[0] ? dirname(files[0]) : cwd;
  return gitRootOf(join(start, 'x'));
}

/** Where `--since` looks for git: the repository of the linted files (or of the config), not the working folder. */
function gitFolderOf(root: string | undefined, files: readonly string[], cwd: string): string {
  return root ?? (files[0] ? dirname(files[0]) : cwd);
}

function unreadableFolderResult(folder: UnreadableFolder, request: FilePassRequest): FileResult {
  const problem = { message: folder.message, line: 1, column: 1, endLine: 1, endColumn: 1, fatal: true };
  const messages = parseProblemFindings([problem], fileSettings(request, folder.absolutePath));
  return { filePath: displayPath(request.cwd, folder.absolutePath), messages, errorCount: 0, warningCount: 0, fixableErrorCount: 0, fixableWarningCount: 0 };
}

/**
 * The discovered files with unsaved text laid over them; an open buffer that is not on disk yet (a new
 * file in the editor) joins the run too, so the repository rules see it.
 */
function withOverlay(found: string[], overlay: ReadonlyMap<string, string> | undefined): FileInput[] {
  if (!overlay || overlay.size === 0) return found.map((absolutePath) => ({ absolutePath }));
  const paths = [...new Set([...found, ...overlay.keys()])].sort();
  return paths.map((absolutePath) => {
    const unsaved = overlay.get(absolutePath);
    return unsaved === undefined ? { absolutePath } : { absolutePath, readText: unsaved };
  });
}

function compareText(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}

/** Sorts a file's findings by position then rule, drops exact duplicates, and counts them. */
function finishResult(result: FileResult): void {
  const seen = new Set<string>();
  result.messages = result.messages
    .sort((a, b) => a.line - b.line || a.column - b.column || compareText(a.ruleId, b.ruleId) || compareText(a.message, b.message))
    .filter((finding) => {
      const key = `${finding.line}:${finding.column}:${finding.ruleId}:${finding.message}`;
      if (seen.has(key)) return false;
      seen.add(key);
      return true;
    });
  for (const finding of result.messages as Finding[]) {
    if (finding.severity === 2) {
      result.errorCount++;
      if (finding.fix) result.fixableErrorCount++;
    } else {
      result.warningCount++;
      if (finding.fix) result.fixableWarningCount++;
    }
  }
}
