import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { basename, relative } from 'node:path';
import { settingsForFile } from '../config/rule-settings.js';
import { parseFrontmatter } from '../document/frontmatter.js';
import { parseDocumentText, parseMarkdownForRender } from '../document/parse.js';
import { procedureSteps } from '../document/section-names.js';
import { toIsoDate } from '../lifecycle/review.js';
import { discoverFiles, toPosix } from '../source/discover.js';
import type { ResolvedConfig } from '../types.js';
import { slugify } from '../repository/slug.js';
import type { ChangelogEntry, DocRecord } from './types.js';

/** SHA-256 of a document's text; line endings do not change the hash, so a CRLF checkout matches. */
export function contentHash(text: string): string {
  return createHash('sha256').update(text.replace(/\r\n?/g, '\n'), 'utf8').digest('hex');
}

/**
 * Reads every document under `paths` into records: frontmatter and text only. The Markdown is
 * parsed once, later, by the transform; the lint has already reported files that are not documents.
 */
export function loadRecords(options: { cwd: string; paths: readonly string[]; config: ResolvedConfig; skip?: ReadonlySet<string> }): DocRecord[] {
  const { cwd, config } = options;
  const configRoot = config.path ? config.root : cwd;
  const records: DocRecord[] = [];
  for (const absolutePath of discoverFiles(options.paths, cwd, config)) {
    const filePath = toPosix(relative(cwd, absolutePath)) || absolutePath;
    if (options.skip?.has(filePath)) continue; // the lint could not read it (a fatal parse-error): nothing to place
    const { lang } = settingsForFile(config, toPosix(relative(configRoot, absolutePath)));
    let text: string;
    try {
      const bytes = readFileSync(absolutePath);
      if (bytes.length > config.maxFileSize || bytes.subarray(0, 8192).includes(0)) continue;
      text = strict.decode(bytes).replace(/^\uFEFF/, '');
    } catch {
      continue;
    }
    let record: DocRecord | undefined;
    try {
      record = recordFromText(filePath, text, lang);
    } catch {
      continue; // the lint reports what is wrong with the file
    }
    if (record) records.push(record);
  }
  return records;
}

const strict = new TextDecoder('utf-8', { fatal: true, ignoreBOM: true });
// As remark-frontmatter reads it: `---` lines at the very start, the closing one on a line of its own.
const FRONTMATTER = /^---[ \t]*\r?\n(?:([\s\S]*?)\r?\n)?---[ \t]*(?:\r?\n|$)/;

/** A record from a document's text (on disk now, or at a git ref): the same reading as the lint's. */
export function recordFromText(filePath: string, text: string, defaultLang: string): DocRecord | undefined {
  if (text.trim() === '') return undefined;
  const block = FRONTMATTER.exec(text);
  const yaml = block ? (block[1] ?? '') : undefined;
  const data = yaml === undefined ? {} : parseFrontmatter(yaml, 0, { start: ORIGIN, end: ORIGIN }, () => ORIGIN).frontmatter.data;
  const body = block ? text.slice(block[0].length) : text;
  return recordOf({ filePath, text, data, lang: typeof data.lang === 'string' && data.lang.trim() ? data.lang.trim() : defaultLang, firstHeading: /^#[ \t]+(.+?)[ \t#]*$/m.exec(body)?.[1] });
}

const ORIGIN = { line: 1, column: 1, offset: 0 };

/** The steps of a procedure as the handbook numbers them (parsed as the transform parses). */
export function stepTexts(record: DocRecord, config: ResolvedConfig): string[] {
  const outcome = parseDocumentText({ absolutePath: record.filePath, filePath: record.filePath, text: record.text, defaultLang: record.lang, maxFileSize: Infinity, parse: parseMarkdownForRender });
  return outcome.document ? procedureSteps(outcome.document, config).map((step) => step.text) : [];
}

function recordOf(doc: { filePath: string; text: string; data: Record<string, unknown>; lang: string; firstHeading?: string }): DocRecord {
  const data = doc.data;
  const text = (key: string) => (typeof data[key] === 'string' && (data[key] as string).trim() !== '' ? (data[key] as string).trim() : undefined);
  const list = (key: string) => {
    const value = data[key];
    if (typeof value === 'string' && value.trim() !== '') return [value.trim()];
    return Array.isArray(value) ? value.filter((item): item is string => typeof item === 'string' && item.trim() !== '').map((item) => item.trim()) : [];
  };
  const fileStem = basename(doc.filePath).replace(/\.md$/i, '');
  const title = text('title') ?? doc.firstHeading ?? fileStem;
  return {
    filePath: doc.filePath,
    text: doc.text,
    contentHash: contentHash(doc.text),
    // A document without a usable id (only possible with --force) still gets a stable anchor.
    id: text('id') ?? (slugify(fileStem) || 'document'),
    title,
    type: text('type') ?? 'policy',
    status: text('status') ?? 'approved',
    version: text('version') ?? (typeof data.version === 'number' ? String(data.version) : undefined),
    owner: text('owner'),
    approver: text('approver'),
    effective: toIsoDate(data.effective),
    lastReviewed: toIsoDate(data.last_reviewed),
    lang: doc.lang,
    audience: list('audience'),
    channels: list('channels'),
    branches: list('branches'),
    implements: list('implements'),
    related: list('related'),
    supersedes: text('supersedes'),
    variantOf: text('variant_of'),
    branch: text('branch'),
    changelog: changelogOf(data.changelog),
    data,
  };
}

function changelogOf(value: unknown): ChangelogEntry[] {
  if (!Array.isArray(value)) return [];
  return value.flatMap((entry) => {
    if (!entry || typeof entry !== 'object') return [];
    const { version, date, summary } = entry as Record<string, unknown>;
    const iso = toIsoDate(date);
    if (version === undefined || !iso || typeof summary !== 'string') return [];
    return [{ version: String(version), date: iso, summary: summary.trim() }];
  });
}
