import { statSync } from 'node:fs';
import { relative } from 'node:path';
import { capFindings } from './finding-cap.js';
import { fixTarget, unchangedSince, type FileSnapshot } from './fix-write.js';
import { mergeRuleSettings, settingsForFile, type FileSettings } from '../config/rule-settings.js';
import { parseDocumentBytes, parseDocumentText, type ParseOutcome } from '../document/parse.js';
import { writeFileAtomic } from '../fs/atomic-write.js';
import type { FileResult, ResolvedConfig, Rule, RuleEntry } from '../types.js';
import type { Directive } from './directives.js';
import { toPosix } from '../source/discover.js';
import { lintDocument, parseProblemFindings, type RuleCrash, type RunInputReads } from './file-linter.js';
import { applyFixes } from './fix.js';
import { recordOf, type DocumentRecord } from '../repository/record.js';
import { summarizeDocument, type DocumentSummary } from '../repository/summary.js';
import { repositoryRootFor } from '../source/files.js';
import { readSourceFile } from '../source/read.js';

/** Everything the per-file pass needs besides the rules; plain data, so it crosses worker threads. */
export interface FilePassRequest {
  cwd: string;
  config: ResolvedConfig;
  asOf: string;
  since?: string;
  fix?: boolean;
  fixDryRun?: boolean;
  /** Write fixed files (false for standard input). */
  writeFixes: boolean;
  ruleOverrides?: Record<string, RuleEntry>;
  /** Corpus rules whose summaries are wanted. */
  corpusRuleIds: string[];
  /** Keep each document's record (the build asks; `sop lint` does not). */
  records?: boolean;
  /** Keep each document's corpus summary (`sop branches`, `sop review` ask). */
  documentSummaries?: boolean;
  /** Measure the time each rule takes (`SOP_TIMING`). */
  timeRules?: boolean;
  /** Findings listed per rule per file (default MAX_FINDINGS_PER_RULE); a measurement wants them all. */
  findingsPerRule?: number;
}

export interface FileInput {
  absolutePath: string;
  /** Text given on standard input instead of the file's bytes. */
  readText?: string;
  /** Bytes given on standard input: the same size, binary and UTF-8 checks as a file's. */
  readBytes?: Uint8Array;
}

/** What one file contributes to the run. */
export interface FileOutcome {
  result: FileResult;
  /** The file's rule settings, computed once here; the repository rules' reports use them too. */
  settings: FileSettings;
  crashes: RuleCrash[];
  summaries: Array<[ruleId: string, summary: unknown]>;
  directives: Directive[];
  /** Which directives silenced a file-rule finding (see `Suppressions.used`). */
  usedDirectives?: string[];
  /** The document's record, when the run asks for records and the file is a document. */
  record?: DocumentRecord;
  /** The document's corpus summary, when the run asks for them and the file is a document. */
  documentSummary?: DocumentSummary;
  /** Whether a rule read `asOf` or `since` on this file (any fix pass): the cache keys the result by them only then. */
  reads?: RunInputReads;
  /** With `timeRules`: milliseconds per rule on this file (fix passes included). */
  timings?: Array<[ruleId: string, ms: number]>;
  /** Things the user should know that are not findings (fixes not written, and why). */
  warnings?: string[];
}

const MAX_FIX_PASSES = 10;

/** Rule settings for one file: config, overrides by glob, then the run's own overrides. */
export function fileSettings(request: Pick<FilePassRequest, 'cwd' | 'config' | 'ruleOverrides'>, absolutePath: string): FileSettings {
  const { config } = request;
  const configRoot = config.path ? config.root : request.cwd;
  const settings = settingsForFile(config, toPosix(relative(configRoot, absolutePath)));
  return request.ruleOverrides ? { ...settings, rules: mergeRuleSettings(settings.rules, request.ruleOverrides) } : settings;
}

export function displayPath(cwd: string, absolutePath: string): string {
  return toPosix(relative(cwd, absolutePath)) || absolutePath;
}

/**
 * Reads, parses and lints one file (and fixes it, with --fix): the part of the pipeline that needs
 * no other document. The tree dies here; only findings, summaries and directives leave. Whatever
 * goes wrong inside becomes a finding for this file: one file never stops the others.
 */
export function lintFile(input: FileInput, rules: readonly Rule[], request: FilePassRequest): FileOutcome {
  const filePath = displayPath(request.cwd, input.absolutePath);
  try {
    return lintFileUnguarded(input, filePath, rules, request);
  } catch (error) {
    const message = error instanceof Error ? error.message : String(error);
    const result: FileResult = { filePath, messages: [], errorCount: 0, warningCount: 0, fixableErrorCount: 0, fixableWarningCount: 0 };
    const problem = { message: `The file could not be linted (${message}). Simplify it near its deepest nesting or longest line, or add it to \`.sopignore\`.`, line: 1, column: 1, endLine: 1, endColumn: 1, fatal: true };
    const settings = safeSettings(request, input.absolutePath);
    // parse-error findings are kept even where the rule is set to off: a file that was not linted must say so.
    const findings = parseProblemFindings([problem], settings);
    for (const finding of findings.length ? findings : [{ ruleId: 'parse-error', severity: 2 as const, ...problem }]) result.messages.push(finding);
    return { result, settings, crashes: [], summaries: [], directives: [], warnings: [] };
  }
}

function safeSettings(request: FilePassRequest, absolutePath: string): FileSettings {
  try {
    return fileSettings(request, absolutePath);
  } catch {
    return { rules: {}, lang: request.config.lang };
  }
}

function lintFileUnguarded(input: FileInput, filePath: string, rules: readonly Rule[], request: FilePassRequest): FileOutcome {
  const { config, asOf, since } = request;
  const settings = fileSettings(request, input.absolutePath);
  const result: FileResult = { filePath, messages: [], errorCount: 0, warningCount: 0, fixableErrorCount: 0, fixableWarningCount: 0 };
  const outcomeOf: FileOutcome = { result, settings, crashes: [], summaries: [], directives: [], warnings: [] };
  let snapshot: FileSnapshot | undefined;
  const timings = request.timeRules ? new Map<string, number>() : undefined;
  if (timings) outcomeOf.timings = []; // filled below, once the rules have run

  const base = { absolutePath: input.absolutePath, filePath, defaultLang: settings.lang, maxFileSize: config.maxFileSize };
  const parse = (text: string): ParseOutcome => parseDocumentText({ ...base, text });

  let outcome: ParseOutcome;
  if (input.readText !== undefined) outcome = parse(input.readText);
  else if (input.readBytes) outcome = parseDocumentBytes({ ...base, bytes: input.readBytes });
  else {
    const source = readSourceFile(input.absolutePath, { configRoot: config.path ? config.root : undefined, cwd: request.cwd });
    if ('problem' in source) {
      const problem = { message: source.problem, line: 1, column: 1, endLine: 1, endColumn: 1, fatal: true };
      for (const finding of parseProblemFindings([problem], settings)) result.messages.push(finding);
      return outcomeOf;
    }
    // --fix compares the file with what was read just before it writes (an edit saved meanwhile wins).
    if (request.fix && request.writeFixes) snapshot = { before: statOrUndefined(input.absolutePath), bytes: source.bytes };
    outcome = parseDocumentBytes({ ...base, bytes: source.bytes });
  }
  let lintOutcome = outcome.document ? lintDocument(outcome.document, rules, settings, config, asOf, since, request.corpusRuleIds, timings) : undefined;
  const reads: RunInputReads = { asOf: false, since: false };
  const noteReads = () => {
    reads.asOf ||= lintOutcome?.reads.asOf ?? false;
    reads.since ||= lintOutcome?.reads.since ?? false;
  };
  noteReads();

  if ((request.fix || request.fixDryRun) && outcome.document && lintOutcome) {
    const original = outcome.document.text;
    // The marks the file started with; the re-parses below see only the text after them.
    const byteOrderMarks = outcome.byteOrderMarks ?? (outcome.bom ? 1 : 0);
    let text = original;
    for (let pass = 0; pass < MAX_FIX_PASSES; pass++) {
      const fixes = lintOutcome.findings.flatMap((finding) => (finding.fix ? [finding.fix] : []));
      if (fixes.length === 0) break;
      const fixed = applyFixes(text, fixes);
      if (fixed.applied === 0) break;
      text = fixed.text;
      outcome = parse(text);
      if (!outcome.document) break;
      lintOutcome = lintDocument(outcome.document, rules, settings, config, asOf, since, request.corpusRuleIds, timings);
      noteReads();
    }
    if (text !== original) {
      const output = '\uFEFF'.repeat(byteOrderMarks) + text;
      result.output = output;
      if (request.fix && request.writeFixes) {
        const warning = writeFixed(input.absolutePath, output, snapshot, request);
        if (warning) outcomeOf.warnings!.push(`${filePath}: ${warning}`);
      }
    }
  }

  for (const finding of parseProblemFindings(outcome.problems, settings)) result.messages.push(finding);
  if (lintOutcome) {
    for (const finding of capFindings(lintOutcome.findings, request.findingsPerRule)) result.messages.push(finding); // no spread: V8 limits arguments
    outcomeOf.crashes = lintOutcome.crashes;
    outcomeOf.directives = lintOutcome.directives;
    outcomeOf.usedDirectives = lintOutcome.suppressions.used();
    outcomeOf.summaries = [...lintOutcome.summaries];
    outcomeOf.reads = reads;
  }
  if (timings) outcomeOf.timings = [...timings];
  if (request.records && outcome.document) {
    const root = repositoryRootFor(input.absolutePath, { configRoot: config.path ? config.root : undefined, cwd: request.cwd });
    outcomeOf.record = recordOf(outcome.document, toPosix(relative(root, input.absolutePath)));
  }
  // Memoised on the document: the corpus rules' summaries above made it already when they ran.
  if (request.documentSummaries && outcome.document) outcomeOf.documentSummary = summarizeDocument(outcome.document, config);
  return outcomeOf;
}

/** Writes the fixed text unless that would lose an edit or break a promise; returns why it did not. */
function writeFixed(path: string, output: string, snapshot: FileSnapshot | undefined, request: FilePassRequest): string | undefined {
  const root = request.config.path ? request.config.root : request.cwd;
  const target = fixTarget(path, root);
  if ('refused' in target) return target.refused;
  if (snapshot && !unchangedSince(target.path, snapshot)) return 'the file changed during the run, so the fixes were not written; run --fix again.';
  try {
    writeFileAtomic(target.path, output);
  } catch (error) {
    return `the fixes could not be written (${(error as NodeJS.ErrnoException).code ?? (error as Error).message}); check the folder's permissions.`;
  }
  return undefined;
}

function statOrUndefined(path: string) {
  try {
    return statSync(path);
  } catch {
    return undefined;
  }
}
