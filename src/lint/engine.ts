import { resolve } from 'node:path';
import { loadConfig } from '../config/load.js';
import type { FileSettings } from '../config/rule-settings.js';
import { formatMessage } from '../rules/define.js';
import { loadRules } from '../rules/registry.js';
import type { CorpusContext, CorpusRule, FileResult, Finding, ResolvedConfig, Rule } from '../types.js';
import { buildSuppressions, type Suppressions } from './directives.js';
import { discoverFiles } from '../source/discover.js';
import { fileSettings, lintFile, type FileInput, type FilePassRequest } from './file-pass.js';
import { ruleTimings, severityLevel, type RuleCrash } from './file-linter.js';
import { chooseJobs, lintInWorkers, workersAvailable } from './parallel.js';
import { shardFiles, type Shard } from './shard.js';

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
  /** Unsaved text that replaces a file's content on disk, by absolute path (an editor's open buffers). */
  overlay?: ReadonlyMap<string, string>;
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

  const inputs: FileInput[] = options.stdin
    ? [{ absolutePath: resolve(cwd, options.stdin.filename), ...(options.stdin.bytes ? { readBytes: options.stdin.bytes } : { readText: options.stdin.text }) }]
    : withOverlay(discoverFiles(options.paths ?? [], cwd, config), options.overlay);

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
    findingsPerRule: options.findingsPerRule,
  };

  // Rules given as objects (extraRules) cannot be sent to another thread, nor can timings be summed.
  const jobs = options.extraRules?.length || ruleTimings || !workersAvailable() ? 1 : chooseJobs(options.jobs, inputs.length);
  const inShard = options.shard && !options.stdin ? shardFiles(inputs.map((input) => input.absolutePath), options.shard) : undefined;
  const outcomes = await lintInputs(inputs, rules, request, jobs, options.onlyRules);

  const results: FileResult[] = [];
  const crashes: RuleCrash[] = [];
  const warnings: string[] = [];
  const summaries = new Map<string, Array<{ filePath: string; summary: unknown }>>(corpusRules.map((rule) => [rule.id, []]));
  const perFile = new Map<string, { settings: FileSettings; suppressions: Suppressions; result: FileResult }>();
  outcomes.forEach((outcome, index) => {
    const { result } = outcome;
    for (const warning of outcome.warnings ?? []) warnings.push(warning);
    if (inShard && !inShard.has(inputs[index].absolutePath)) {
      // Outside the shard: its summaries feed the repository rules; nothing is reported on it.
      for (const [ruleId, summary] of outcome.summaries) summaries.get(ruleId)?.push({ filePath: result.filePath, summary });
      return;
    }
    results.push(result);
    for (const crash of outcome.crashes) crashes.push(crash);
    const settings = fileSettings(request, inputs[index].absolutePath);
    perFile.set(result.filePath, { settings, suppressions: buildSuppressions(outcome.directives), result });
    for (const [ruleId, summary] of outcome.summaries) summaries.get(ruleId)?.push({ filePath: result.filePath, summary });
  });

  // `ruleOverrides` apply to a corpus rule's run-wide setting too, as they do per file.
  const corpusSetting = (id: string) => {
    const override = options.ruleOverrides?.[id];
    const base = config.rules[id];
    return override ? { severity: override.severity, options: { ...(base?.options ?? {}), ...(override.options ?? {}) } } : base;
  };

  for (const rule of corpusRules) {
    if (severityLevel(corpusSetting(rule.id)?.severity ?? 'off') === 0 && !config.overrides.some((o) => o.rules[rule.id])) continue;
    const context: CorpusContext<Record<string, unknown>> = {
      options: corpusSetting(rule.id)?.options ?? {},
      config,
      asOf,
      since: options.since,
      cwd,
      report(descriptor) {
        const target = perFile.get(descriptor.filePath);
        if (!target) return;
        const level = severityLevel(target.settings.rules[rule.id]?.severity ?? 'off');
        if (level === 0 || target.suppressions.isSuppressed(rule.id, descriptor.at.line)) return;
        const template = rule.messages[descriptor.messageId] ?? descriptor.messageId;
        target.result.messages.push({
          ruleId: rule.id,
          severity: level,
          message: formatMessage(template, descriptor.data),
          line: descriptor.at.line,
          column: descriptor.at.column ?? 1,
          endLine: descriptor.at.endLine ?? descriptor.at.line,
          endColumn: descriptor.at.endColumn ?? descriptor.at.column ?? 1,
          // Capped: a repository rule relating every file to every other makes a report quadratic in size.
          ...(descriptor.related ? { related: descriptor.related.slice(0, MAX_RELATED) } : {}),
        });
      },
    };
    try {
      rule.check(summaries.get(rule.id) ?? [], context);
    } catch (error) {
      const message = error instanceof Error ? error.message : String(error);
      if ((error as { name?: string }).name === 'UsageError') throw error;
      crashes.push({ ruleId: rule.id, filePath: '', error: (error as Error)?.stack ?? message });
    }
  }

  let errorCount = 0;
  let warningCount = 0;
  for (const result of results) {
    finishResult(result);
    errorCount += result.errorCount;
    warningCount += result.warningCount;
  }
  results.sort((a, b) => compareText(a.filePath, b.filePath));
  return { results, rules: allRules, config, errorCount, warningCount, crashes, warnings };

  /**
   * The file pass. With a shard, files outside it run only the repository rules' summaries (and parsing),
   * so repository rules see the whole repository while file rules run on the slice alone.
   */
  async function lintInputs(all: FileInput[], ruleSet: Rule[], pass: FilePassRequest, threads: number, only?: readonly string[]) {
    const run = async (some: FileInput[], someRules: Rule[], someOnly?: readonly string[]) =>
      threads > 1 ? lintInWorkers(some, pass, threads, someOnly) : some.map((input) => lintFile(input, someRules, pass));
    if (!inShard) return run(all, ruleSet, only);
    const corpusIds = corpusRules.map((rule) => rule.id);
    const mine = await run(all.filter((input) => inShard.has(input.absolutePath)), ruleSet, only);
    const others = await run(all.filter((input) => !inShard.has(input.absolutePath)), ruleSet.filter((rule) => rule.scope === 'corpus'), corpusIds);
    let m = 0;
    let o = 0;
    return all.map((input) => (inShard.has(input.absolutePath) ? mine[m++] : others[o++]));
  }
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
