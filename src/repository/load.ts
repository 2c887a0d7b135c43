import { relative } from 'node:path';
import { loadConfig } from '../config/load.js';
import { settingsForFile } from '../config/rule-settings.js';
import { parseDocumentBytes } from '../document/parse.js';
import { discover, toPosix } from '../source/discover.js';
import { readSourceFile } from '../source/read.js';
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
  const discovery = discover(options.paths ?? [], cwd, config);
  for (const folder of discovery.unreadable) skipped.push({ filePath: toPosix(relative(cwd, folder.absolutePath)) || folder.absolutePath, line: 1, column: 1, reason: folder.message });
  for (const absolutePath of discovery.files) {
    const filePath = toPosix(relative(cwd, absolutePath)) || absolutePath;
    const { lang } = settingsForFile(config, toPosix(relative(configRoot, absolutePath)));
    const source = readSourceFile(absolutePath, { configRoot: config.path ? config.root : undefined, cwd });
    if ('problem' in source) {
      skipped.push({ filePath, line: 1, column: 1, reason: source.problem });
      continue;
    }
    const outcome = parseDocumentBytes({ absolutePath, filePath, bytes: source.bytes, defaultLang: lang, maxFileSize: config.maxFileSize });
    if (!outcome.document) {
      const problem = outcome.problems[0];
      skipped.push({ filePath, line: problem?.line ?? 1, column: problem?.column ?? 1, reason: problem?.message ?? 'cannot parse the file' });
      continue;
    }
    summaries.push(summarizeDocument(outcome.document, config));
  }
  return { config, summaries, skipped };
}
