import { readFileSync } from 'node:fs';
import { relative, resolve } from 'node:path';
import { loadConfig } from '../config/load.js';
import { settingsForFile, type FileSettings } from '../config/rule-settings.js';
import { parseDocumentBytes, parseDocumentText, type ParseOutcome } from '../document/parse.js';
import { writeFileAtomic } from '../fs/atomic-write.js';
import { formatMessage } from '../rules/define.js';
import { loadRules } from '../rules/registry.js';
import type { CorpusContext, CorpusRule, FileResult, Finding, ResolvedConfig, Rule } from '../types.js';
import { noSuppressions, type Suppressions } from './directives.js';
import { discoverFiles, toPosix } from './discover.js';
import { lintDocument, parseProblemFindings, severityLevel, type RuleCrash } from './file-linter.js';
import { applyFixes } from './fix.js';

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
  /** Lint this text instead of files on disk (`--stdin`). */
  stdin?: { text: string; filename: string };
  /** Restrict the run to these rule ids (tests, `sop explain` examples). */
  onlyRules?: readonly string[];
  /** Rules added to the registry's for this run (API users and tests); they need a setting to run. */
  extraRules?: readonly Rule[];
  /** Rule settings applied after the config (tests). */
  ruleOverrides?: Record<string, { severity: 'off' | 'warn' | 'error'; options?: Record<string, unknown> }>;
}

export interface LintReport {
  results: FileResult[];
  rules: Rule[];
  config: ResolvedConfig;
  errorCount: number;
  warningCount: number;
  crashes: RuleCrash[];
}

const MAX_FIX_PASSES = 10;

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
  const configRoot = config.path ? config.root : cwd;

  const fileSettings = (absolutePath: string): FileSettings => {
    const settings = settingsForFile(config, toPosix(relative(configRoot, absolutePath)));
    if (!options.ruleOverrides) return settings;
    const merged = { ...settings.rules };
    for (const [id, entry] of Object.entries(options.ruleOverrides)) {
      merged[id] = { severity: entry.severity, options: { ...(merged[id]?.options ?? {}), ...(entry.options ?? {}) } };
    }
    return { ...settings, rules: merged };
  };

  const inputs: Array<{ absolutePath: string; readText?: string }> = options.stdin
    ? [{ absolutePath: resolve(cwd, options.stdin.filename), readText: options.stdin.text }]
    : discoverFiles(options.paths ?? [], cwd, config).map((absolutePath) => ({ absolutePath }));

  const results: FileResult[] = [];
  const crashes: RuleCrash[] = [];
  // Corpus rules compare a document with the rest of the repository, which standard input does not have.
  const corpusRules = options.stdin ? [] : rules.filter((rule): rule is CorpusRule => rule.scope === 'corpus');
  const summaries = new Map<string, Array<{ filePath: string; summary: unknown }>>(corpusRules.map((rule) => [rule.id, []]));
  const perFile = new Map<string, { settings: FileSettings; suppressions: Suppressions; result: FileResult }>();

  for (const input of inputs) {
    const filePath = toPosix(relative(cwd, input.absolutePath)) || input.absolutePath;
    const settings = fileSettings(input.absolutePath);
    const result: FileResult = emptyResult(filePath);
    results.push(result);
    perFile.set(filePath, { settings, suppressions: noSuppressions, result });

    const parse = (text?: string): ParseOutcome => {
      const base = { absolutePath: input.absolutePath, filePath, defaultLang: settings.lang, maxFileSize: config.maxFileSize };
      if (text !== undefined) return parseDocumentText({ ...base, text });
      return parseDocumentBytes({ ...base, bytes: readFileSync(input.absolutePath) });
    };

    let outcome: ParseOutcome;
    try {
      outcome = parse(input.readText);
    } catch (error) {
      result.messages.push(...parseProblemFindings([{ message: `Cannot read the file: ${(error as Error).message}`, line: 1, column: 1, endLine: 1, endColumn: 1, fatal: true }], settings));
      continue;
    }
    let lintOutcome = outcome.document ? lintDocument(outcome.document, rules, settings, config, asOf, options.since) : undefined;

    if ((options.fix || options.fixDryRun) && outcome.document && lintOutcome) {
      const original = outcome.document.text;
      const bom = outcome.bom;
      let text = original;
      for (let pass = 0; pass < MAX_FIX_PASSES; pass++) {
        const fixes = lintOutcome.findings.flatMap((finding) => (finding.fix ? [finding.fix] : []));
        if (fixes.length === 0) break;
        const fixed = applyFixes(text, fixes);
        if (fixed.applied === 0) break;
        text = fixed.text;
        outcome = parse(text);
        if (!outcome.document) break;
        lintOutcome = lintDocument(outcome.document, rules, settings, config, asOf, options.since);
      }
      if (text !== original) {
        const output = (bom ? '\uFEFF' : '') + text;
        result.output = output;
        if (options.fix && !options.stdin) writeFileAtomic(input.absolutePath, output);
      }
    }

    result.messages.push(...parseProblemFindings(outcome.problems, settings));
    if (lintOutcome) {
      result.messages.push(...lintOutcome.findings);
      crashes.push(...lintOutcome.crashes);
      perFile.get(filePath)!.suppressions = lintOutcome.suppressions;
      for (const [ruleId, summary] of lintOutcome.summaries) summaries.get(ruleId)?.push({ filePath, summary });
    }
  }

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
          ...(descriptor.related ? { related: descriptor.related } : {}),
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
  return { results, rules: allRules, config, errorCount, warningCount, crashes };
}

function emptyResult(filePath: string): FileResult {
  return { filePath, messages: [], errorCount: 0, warningCount: 0, fixableErrorCount: 0, fixableWarningCount: 0 };
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
