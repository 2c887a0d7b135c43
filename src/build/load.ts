import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { basename, relative } from 'node:path';
import { settingsForFile } from '../config/rule-settings.js';
import { parseDocumentBytes, parseDocumentText } from '../document/parse.js';
import { procedureSteps } from '../document/section-names.js';
import { toIsoDate } from '../lifecycle/review.js';
import { discoverFiles, toPosix } from '../lint/discover.js';
import type { ResolvedConfig, SopDocument } from '../types.js';
import { slugify } from '../corpus/slug.js';
import type { ChangelogEntry, DocRecord } from './types.js';

/** SHA-256 of a document's text; line endings do not change the hash, so a CRLF checkout matches. */
export function contentHash(text: string): string {
  return createHash('sha256').update(text.replace(/\r\n?/g, '\n'), 'utf8').digest('hex');
}

/**
 * Reads every document under `paths` into records. Files that cannot be parsed into a document
 * (binary, invalid UTF-8) are left out: the lint gate has already reported them.
 */
export function loadRecords(options: { cwd: string; paths: readonly string[]; config: ResolvedConfig }): DocRecord[] {
  const { cwd, config } = options;
  const configRoot = config.path ? config.root : cwd;
  const records: DocRecord[] = [];
  for (const absolutePath of discoverFiles(options.paths, cwd, config)) {
    const filePath = toPosix(relative(cwd, absolutePath)) || absolutePath;
    const { lang } = settingsForFile(config, toPosix(relative(configRoot, absolutePath)));
    let bytes: Uint8Array;
    try {
      bytes = readFileSync(absolutePath);
    } catch {
      continue;
    }
    const outcome = parseDocumentBytes({ absolutePath, filePath, bytes, defaultLang: lang, maxFileSize: config.maxFileSize });
    if (outcome.document) records.push(recordOf(outcome.document, config));
  }
  return records;
}

/** A record from text that is not on disk (an earlier version read from git). */
export function recordFromText(filePath: string, text: string, config: ResolvedConfig): DocRecord | undefined {
  const outcome = parseDocumentText({ absolutePath: filePath, filePath, text, defaultLang: config.lang, maxFileSize: config.maxFileSize });
  return outcome.document ? recordOf(outcome.document, config) : undefined;
}

export function recordOf(doc: SopDocument, config: ResolvedConfig): DocRecord {
  const data = doc.frontmatter.data;
  const text = (key: string) => (typeof data[key] === 'string' && (data[key] as string).trim() !== '' ? (data[key] as string).trim() : undefined);
  const list = (key: string) => {
    const value = data[key];
    if (typeof value === 'string' && value.trim() !== '') return [value.trim()];
    return Array.isArray(value) ? value.filter((item): item is string => typeof item === 'string' && item.trim() !== '').map((item) => item.trim()) : [];
  };
  const fileStem = basename(doc.filePath).replace(/\.md$/i, '');
  const title = text('title') ?? firstHeading(doc) ?? fileStem;
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
    steps: procedureSteps(doc, config).map((step) => ({ number: step.number, text: step.text })),
  };
}

function firstHeading(doc: SopDocument): string | undefined {
  const heading = doc.tree.children.find((node) => node.type === 'heading' && node.depth === 1);
  if (!heading || heading.type !== 'heading') return undefined;
  return heading.children.map((child) => ('value' in child ? child.value : '')).join('').trim() || undefined;
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
