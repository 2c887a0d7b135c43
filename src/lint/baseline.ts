import { readFileSync } from 'node:fs';
import { UsageError } from '../errors.js';
import type { FileResult, Finding } from '../types.js';
import { recount } from './result-counts.js';

/**
 * A baseline records the findings a repository had when it adopted sop, so a run reports only new
 * ones. A finding is known by its rule, its file and the text it covers (whitespace-normalised), never
 * by its line: editing above a finding does not resurrect it. Repeats of the same text are counted, so
 * a third "will" in a file where the baseline knew two is reported.
 */
export const BASELINE_VERSION = 1;

export interface BaselineEntry {
  rule: string;
  text: string;
  count: number;
}

export interface BaselineFile {
  sopBaseline: number;
  /** File path (as in the report) → entries sorted by rule then text. */
  files: Record<string, BaselineEntry[]>;
}

/** Reads a file's text for fingerprinting; undefined when it cannot be read (then its findings keep only rule and file). */
export type TextSource = (filePath: string) => string | undefined;

/** The text a finding covers, or its whole line when the span is empty (a finding "at" a position). */
export function coveredText(text: string | undefined, finding: Pick<Finding, 'line' | 'column' | 'endLine' | 'endColumn'>, starts = text === undefined ? [] : lineStarts(text)): string {
  if (text === undefined) return '';
  const offset = (line: number, column: number) => Math.min(text.length, (starts[line - 1] ?? text.length) + column - 1);
  const start = offset(finding.line, finding.column);
  const end = offset(finding.endLine, finding.endColumn);
  let covered = end > start ? text.slice(start, end) : '';
  if (!covered.trim()) {
    const lineStart = starts[finding.line - 1] ?? text.length;
    const lineEnd = text.indexOf('\n', lineStart);
    covered = text.slice(lineStart, lineEnd === -1 ? text.length : lineEnd);
  }
  return covered.replace(/\s+/g, ' ').trim();
}

/** Offsets where each line starts (\n, \r\n and lone \r end a line, as in the parser's line index). */
export function lineStarts(text: string): number[] {
  const starts = [0];
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (c === 10 || (c === 13 && text.charCodeAt(i + 1) !== 10)) starts.push(i + 1);
  }
  return starts;
}

function keyOf(rule: string, text: string): string {
  return `${rule}\u0000${text}`;
}

/** Builds the baseline of a report: deterministic (sorted files, sorted entries). */
export function createBaseline(results: readonly FileResult[], readText: TextSource): BaselineFile {
  const files: Record<string, BaselineEntry[]> = {};
  for (const result of [...results].sort((a, b) => compare(a.filePath, b.filePath))) {
    if (result.messages.length === 0) continue;
    const text = readText(result.filePath);
    const starts = text === undefined ? [] : lineStarts(text);
    const counts = new Map<string, BaselineEntry>();
    for (const finding of result.messages) {
      const covered = coveredText(text, finding, starts);
      const key = keyOf(finding.ruleId, covered);
      const entry = counts.get(key) ?? { rule: finding.ruleId, text: covered, count: 0 };
      entry.count++;
      counts.set(key, entry);
    }
    files[result.filePath] = [...counts.values()].sort((a, b) => compare(a.rule, b.rule) || compare(a.text, b.text));
  }
  return { sopBaseline: BASELINE_VERSION, files };
}

export function serializeBaseline(baseline: BaselineFile): string {
  return `${JSON.stringify(baseline, null, 2)}\n`;
}

/** Reads and checks a baseline file; a missing or malformed one is the user's to fix, named with its path. */
export function readBaseline(path: string, shownPath = path): BaselineFile {
  let raw: string;
  try {
    raw = readFileSync(path, 'utf8');
  } catch {
    throw new UsageError(`Baseline file not found: ${shownPath}. Create it with --write-baseline ${shownPath}.`);
  }
  let parsed: unknown;
  try {
    parsed = JSON.parse(raw);
  } catch (error) {
    throw new UsageError(`${shownPath} is not valid JSON (${(error as Error).message}). Rewrite it with --write-baseline ${shownPath}.`);
  }
  const baseline = parsed as Partial<BaselineFile>;
  if (!baseline || typeof baseline !== 'object' || baseline.sopBaseline !== BASELINE_VERSION || typeof baseline.files !== 'object' || baseline.files === null) {
    throw new UsageError(`${shownPath} is not a sop baseline (version ${BASELINE_VERSION}). Rewrite it with --write-baseline ${shownPath}.`);
  }
  for (const [file, entries] of Object.entries(baseline.files)) {
    const valid = Array.isArray(entries) && entries.every((e) => e && typeof e.rule === 'string' && typeof e.text === 'string' && Number.isInteger(e.count) && e.count > 0);
    if (!valid) throw new UsageError(`${shownPath}: the entries for "${file}" need rule, text and a positive count. Rewrite it with --write-baseline ${shownPath}.`);
  }
  return baseline as BaselineFile;
}

export interface BaselineOutcome {
  results: FileResult[];
  /** Findings the baseline knew and therefore left out. */
  suppressed: number;
}

/** Drops the findings the baseline knows, each entry absorbing at most `count` findings, in report order. */
export function applyBaseline(results: readonly FileResult[], baseline: BaselineFile, readText: TextSource): BaselineOutcome {
  let suppressed = 0;
  const filtered = results.map((result) => {
    const entries = baseline.files[result.filePath];
    if (!entries || result.messages.length === 0) return result;
    const remaining = new Map(entries.map((entry) => [keyOf(entry.rule, entry.text), entry.count]));
    const text = readText(result.filePath);
    const starts = text === undefined ? [] : lineStarts(text);
    const messages = result.messages.filter((finding) => {
      const key = keyOf(finding.ruleId, coveredText(text, finding, starts));
      const left = remaining.get(key) ?? 0;
      if (left === 0) return true;
      remaining.set(key, left - 1);
      suppressed++;
      return false;
    });
    return messages.length === result.messages.length ? result : recount({ ...result, messages });
  });
  return { results: filtered, suppressed };
}

function compare(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}
