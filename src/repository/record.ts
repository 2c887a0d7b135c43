import { createHash } from 'node:crypto';
import { basename } from 'node:path';
import { parseDocumentText } from '../document/parse.js';
import { toIsoDate } from '../lifecycle/review.js';
import { splitFrontmatter } from '../source/frontmatter-split.js';
import type { SopDocument } from '../types.js';
import { slugify } from './slug.js';

export interface ChangelogEntry {
  version: string;
  date: string;
  summary: string;
}

/**
 * One document of the repository as everything after the lint needs it (the handbook, `--since`):
 * its frontmatter read once, by the lint pass, while the text is in memory.
 */
export interface DocumentRecord {
  /** Path relative to the working folder, `/`-separated. */
  filePath: string;
  /** Decoded text (no BOM), frontmatter included. */
  text: string;
  /** SHA-256 of the text with line endings normalised, hex. */
  contentHash: string;
  /** The `id`, else one taken from the path in the repository (`a/index.md` → `a-index`). */
  id: string;
  title: string;
  type: 'policy' | 'procedure' | string;
  status: string;
  version?: string;
  owner?: string;
  approver?: string;
  effective?: string;
  lastReviewed?: string;
  lang: string;
  audience: string[];
  channels: string[];
  /** Branches the document applies to; empty means every branch. */
  branches: string[];
  implements: string[];
  related: string[];
  supersedes?: string;
  variantOf?: string;
  branch?: string;
  changelog: ChangelogEntry[];
  /** Raw frontmatter, for the review date computation. */
  data: Record<string, unknown>;
}

/** SHA-256 of a document's text; line endings do not change the hash, so a CRLF checkout matches. */
export function contentHash(text: string): string {
  return createHash('sha256').update(text.replace(/\r\n?/g, '\n'), 'utf8').digest('hex');
}

/**
 * The id of a document that gives none, from its path in the repository, so two `index.md` in
 * different folders stay two documents: `a/index.md` → `a-index`, `refunds.md` → `refunds`.
 */
export function fallbackIdOf(pathInRepository: string): string {
  const withoutExtension = pathInRepository.replace(/\\/g, '/').replace(/\.md$/i, '');
  const parts = withoutExtension.split('/').filter((part) => part !== '' && part !== '.' && part !== '..');
  return slugify(parts.join(' ')) || 'document';
}

/** The record of a parsed document (the lint pass calls it while the tree is alive). */
export function recordOf(doc: Pick<SopDocument, 'filePath' | 'text' | 'lang' | 'frontmatter'>, pathInRepository: string): DocumentRecord {
  const data = doc.frontmatter.data;
  const text = (key: string) => (typeof data[key] === 'string' && (data[key] as string).trim() !== '' ? (data[key] as string).trim() : undefined);
  const list = (key: string) => {
    const value = data[key];
    if (typeof value === 'string' && value.trim() !== '') return [value.trim()];
    return Array.isArray(value) ? value.filter((item): item is string => typeof item === 'string' && item.trim() !== '').map((item) => item.trim()) : [];
  };
  const body = splitFrontmatter(doc.text)?.body ?? doc.text;
  const firstHeading = /^#[ \t]+(.+?)[ \t#]*$/m.exec(body)?.[1];
  const fileStem = basename(doc.filePath).replace(/\.md$/i, '');
  return {
    filePath: doc.filePath,
    text: doc.text,
    contentHash: contentHash(doc.text),
    id: text('id') ?? fallbackIdOf(pathInRepository),
    title: text('title') ?? firstHeading ?? fileStem,
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

/**
 * The record of a text that is not on disk now (a document at a git ref): parsed by the lint's
 * parser, in the language the caller gives (the file's, from the settings lookup).
 */
export function recordFromText(filePath: string, text: string, lang: string, pathInRepository = filePath): DocumentRecord | undefined {
  const outcome = parseDocumentText({ absolutePath: filePath, filePath, text, defaultLang: lang, maxFileSize: Infinity });
  return outcome.document ? recordOf(outcome.document, pathInRepository) : undefined;
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
