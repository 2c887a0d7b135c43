import { readFileSync } from 'node:fs';
import { relative } from 'node:path';
import { loadConfig } from '../config/load.js';
import { settingsForFile } from '../config/rule-settings.js';
import { parseDocumentBytes } from '../document/parse.js';
import { discoverFiles, toPosix } from '../source/discover.js';
import { loadRules } from '../rules/registry.js';
import type { ResolvedConfig } from '../types.js';
import { summarizeDocument, type DocumentSummary } from './summary.js';

export interface SkippedFile {
  filePath: string;
  line: number;
  column: number;
  reason: string;
}

export interface LoadedCorpus {
  config: ResolvedConfig;
  /** One summary per readable document, sorted by path. */
  summaries: DocumentSummary[];
  /** Files that could not be read or parsed at all (`sop lint` reports them under `parse-error`). */
  skipped: SkippedFile[];
}

/**
 * Finds and parses documents the way `sop lint` does (same discovery, ignore files, config and
 * per-file language), keeping only each document's summary so memory stays bounded.
 */
export async function loadCorpus(options: { cwd: string; paths?: readonly string[]; configPath?: string; config?: ResolvedConfig }): Promise<LoadedCorpus> {
  const { cwd } = options;
  const config = options.config ?? loadConfig({ cwd, configPath: options.configPath, rules: await loadRules(), paths: options.paths });
  const configRoot = config.path ? config.root : cwd;
  const summaries: DocumentSummary[] = [];
  const skipped: SkippedFile[] = [];
  for (const absolutePath of discoverFiles(options.paths ?? [], cwd, config)) {
    const filePath = toPosix(relative(cwd, absolutePath)) || absolutePath;
    const { lang } = settingsForFile(config, toPosix(relative(configRoot, absolutePath)));
    let bytes: Uint8Array;
    try {
      bytes = readFileSync(absolutePath);
    } catch (error) {
      skipped.push({ filePath, line: 1, column: 1, reason: `cannot read the file: ${(error as Error).message}` });
      continue;
    }
    const outcome = parseDocumentBytes({ absolutePath, filePath, bytes, defaultLang: lang, maxFileSize: config.maxFileSize });
    if (!outcome.document) {
      const problem = outcome.problems[0];
      skipped.push({ filePath, line: problem?.line ?? 1, column: problem?.column ?? 1, reason: problem?.message ?? 'cannot parse the file' });
      continue;
    }
    summaries.push(summarizeDocument(outcome.document, config));
  }
  return { config, summaries, skipped };
}
