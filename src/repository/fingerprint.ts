import { createHash } from 'node:crypto';
import { parse } from 'yaml';
import { splitFrontmatter } from '../source/frontmatter-split.js';

/** Frontmatter fields a version bump itself changes; editing only them is not a change that needs one. */
const BOOKKEEPING_FIELDS = ['version', 'changelog'];

function canonicalJson(value: unknown): string {
  if (Array.isArray(value)) return `[${value.map(canonicalJson).join(',')}]`;
  if (value && typeof value === 'object' && !(value instanceof Date)) {
    const entries = Object.keys(value as Record<string, unknown>).sort().map((key) => `${JSON.stringify(key)}:${canonicalJson((value as Record<string, unknown>)[key])}`);
    return `{${entries.join(',')}}`;
  }
  return JSON.stringify(value instanceof Date ? value.toISOString() : value) ?? 'null';
}

export interface VersionedContent {
  /**
   * A hash of what the document says: its frontmatter values (minus `version` and `changelog`, key
   * order and YAML layout ignored) and its body (line endings and trailing spaces ignored). Two texts
   * with the same fingerprint need no new version between them.
   */
  fingerprint: string;
  /** The frontmatter's `version` value as written, if any. */
  version: unknown;
}

/** Reads a document's text (as it is now, or as it was at a git ref) into a fingerprint and its version. */
export function versionedContent(text: string): VersionedContent {
  const unified = text.replace(/^\uFEFF/, '').replace(/\r\n?/g, '\n');
  const split = splitFrontmatter(unified);
  let metadata = '';
  let version: unknown;
  let body = unified;
  if (split) {
    body = split.body;
    metadata = split.yaml;
    try {
      const data = parse(split.yaml) as unknown;
      if (data && typeof data === 'object' && !Array.isArray(data)) {
        const kept = { ...(data as Record<string, unknown>) };
        version = kept.version;
        for (const field of BOOKKEEPING_FIELDS) delete kept[field];
        metadata = canonicalJson(kept);
      }
    } catch {
      // Unparsable YAML: its text is compared as it is.
    }
  }
  const normalisedBody = body.split('\n').map((line) => line.trimEnd()).join('\n').trim();
  const fingerprint = createHash('sha256').update(metadata).update('\0').update(normalisedBody).digest('hex');
  return { fingerprint, version };
}
