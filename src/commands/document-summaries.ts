import { lint } from '../lint/engine.js';
import type { DocumentSummary } from '../repository/summary.js';
import type { ResolvedConfig } from '../types.js';

/** A file `sop lint` reports under `parse-error` as unreadable; the reports leave it out and say so. */
export interface SkippedFile {
  filePath: string;
  line: number;
  column: number;
  reason: string;
}

export interface DocumentSummaries {
  config: ResolvedConfig;
  /** One summary per readable document, sorted by path. */
  summaries: DocumentSummary[];
  skipped: SkippedFile[];
}

/**
 * The documents of `sop branches` and `sop review`, read by the lint pass (the one reader: same
 * discovery, ignore files, config, per-file language and decoding) with no rule but `parse-error`,
 * keeping each document's corpus summary. Only the files asked for are read: the reports are of them.
 */
export async function documentSummaries(options: { cwd: string; paths?: string[]; configPath?: string }): Promise<DocumentSummaries> {
  const report = await lint({
    cwd: options.cwd,
    paths: options.paths,
    configPath: options.configPath,
    onlyRules: [],
    // A file the reports cannot read is named even when the config turns `parse-error` off.
    ruleOverrides: { 'parse-error': { severity: 'error' } },
    repositoryRoot: false,
    summaries: true,
  });
  const read = new Set(report.summaries.map((summary) => summary.filePath));
  const skipped: SkippedFile[] = [];
  for (const result of report.results) {
    if (read.has(result.filePath)) continue;
    const problem = result.messages.find((message) => message.fatal) ?? result.messages[0];
    skipped.push({ filePath: result.filePath, line: problem?.line ?? 1, column: problem?.column ?? 1, reason: problem?.message ?? 'cannot parse the file' });
  }
  return { config: report.config, summaries: report.summaries, skipped };
}

/** Names each skipped file on standard error, as `sop lint` would report it. */
export function warnSkipped(skipped: readonly SkippedFile[]): void {
  for (const file of skipped) process.stderr.write(`sop: skipped ${file.filePath}:${file.line}:${file.column}: ${file.reason}\n`);
}
