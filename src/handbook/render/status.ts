import type { DocRecord } from '../types.js';

/**
 * The status a document's frontmatter gives, as written (trimmed), or undefined when it gives none.
 * The record's `status` falls back to "approved" so that selection keeps such a document in a forced
 * build; what the handbook shows and publishes is what the document says.
 */
export function declaredStatus(record: Pick<DocRecord, 'data'>): string | undefined {
  const value = record.data.status;
  if (value === undefined || value === null) return undefined;
  const text = String(value).trim();
  return text === '' ? undefined : text;
}
