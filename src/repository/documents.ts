import type { DocumentSummary } from './summary.js';
import { stringValue } from './summary.js';

/** Documents by `id`. A duplicated id maps to every document that has it, sorted by path. */
export function indexById(summaries: ReadonlyArray<{ summary: DocumentSummary }>, fallbackId?: (summary: DocumentSummary) => string): Map<string, DocumentSummary[]> {
  const byId = new Map<string, DocumentSummary[]>();
  for (const { summary } of summaries) {
    const id = stringValue(summary.data.id) ?? fallbackId?.(summary);
    if (!id) continue;
    const list = byId.get(id) ?? [];
    list.push(summary);
    byId.set(id, list);
  }
  for (const list of byId.values()) list.sort((a, b) => compareText(a.filePath, b.filePath));
  return byId;
}

/** The document an id names; with a duplicated id (which `unique-id` reports) the first by path. */
export function lookup(byId: ReadonlyMap<string, DocumentSummary[]>, id: string): DocumentSummary | undefined {
  return byId.get(id)?.[0];
}

export function compareText(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}

export function isRetired(summary: DocumentSummary): boolean {
  return summary.data.status === 'retired';
}

/**
 * The id at the top of a document's `variant_of` (or `translation_of`) chain: a base, its branch variants
 * and the translations of any of them share it. Chains that loop or name a missing document stop where
 * they break.
 */
export function familyRoot(summary: DocumentSummary, byId: ReadonlyMap<string, DocumentSummary[]>): string | undefined {
  let current = summary;
  const seen = new Set<string>();
  for (;;) {
    const id = stringValue(current.data.id);
    if (id) {
      if (seen.has(id)) return id;
      seen.add(id);
    }
    const parentId = stringValue(current.data.variant_of) ?? stringValue(current.data.translation_of);
    const parent = parentId ? lookup(byId, parentId) : undefined;
    if (!parent) return parentId ?? id;
    current = parent;
  }
}

/** Shortens a step or title for quoting in a message. */
export function quote(text: string, max = 80): string {
  const chars = Array.from(text);
  return chars.length <= max ? text : `${chars.slice(0, max - 1).join('').trimEnd()}…`;
}

/** "a", "a and b", "a, b and c", "a, b, c and 2 more": readable lists of files in messages. */
export function listNames(names: readonly string[], max = 3): string {
  if (names.length > max) return `${names.slice(0, max).join(', ')} and ${names.length - max} more`;
  if (names.length <= 1) return names.join('');
  return `${names.slice(0, -1).join(', ')} and ${names.at(-1)}`;
}
