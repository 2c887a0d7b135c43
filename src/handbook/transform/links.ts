import { posix } from 'node:path';
import type { EditionPlan, RefTarget } from '../types.js';

/** What a link in a document points at, once the edition is known. */
export type LinkTarget =
  /** Another document (or a heading in it) in this edition. */
  | { kind: 'document'; target: RefTarget; fragment?: string }
  /** A heading or element in the same document. */
  | { kind: 'local'; fragment: string }
  /** A document of the repository that this edition leaves out (a draft, another branch's variant…). */
  | { kind: 'excluded'; id: string; title: string; reason: string }
  /** A web address or e-mail: kept as written. */
  | { kind: 'external'; url: string }
  /** A local file that is not a document, or a path that does not resolve: shown as text. */
  | { kind: 'unresolved'; url: string };

const DOCUMENT_ID = /^[a-z0-9]+(?:-[a-z0-9]+)*$/;
const SCHEME = /^([a-z][a-z0-9+.-]*):/i;
export const SAFE_SCHEMES = new Set(['http', 'https', 'mailto', 'tel']);

/**
 * Resolves a link written in a document. Cross-references may be written as a relative path to the
 * document's file (`../policies/refunds.md#scope`), as `#<id>`, or as a bare id (`refunds-policy`).
 * `localIds` are the heading slugs and element ids of the linking document, which win over ids.
 */
export function resolveLink(url: string, fromFile: string, plan: Pick<EditionPlan, 'targets'>, localIds: ReadonlySet<string>): LinkTarget {
  const trimmed = url.trim();
  const scheme = SCHEME.exec(trimmed)?.[1]?.toLowerCase();
  if (scheme) return SAFE_SCHEMES.has(scheme) ? { kind: 'external', url: trimmed } : { kind: 'unresolved', url: trimmed };
  if (trimmed.startsWith('//')) return { kind: 'external', url: `https:${trimmed}` };
  const { targets } = plan;

  if (trimmed.startsWith('#')) {
    const fragment = safeDecode(trimmed.slice(1));
    if (localIds.has(fragment)) return { kind: 'local', fragment };
    return byId(fragment) ?? { kind: 'local', fragment };
  }
  if (DOCUMENT_ID.test(trimmed)) {
    const found = byId(trimmed);
    if (found) return found;
  }

  const hashAt = trimmed.indexOf('#');
  const pathPart = safeDecode(hashAt >= 0 ? trimmed.slice(0, hashAt) : trimmed).split('?')[0];
  const fragment = hashAt >= 0 ? safeDecode(trimmed.slice(hashAt + 1)) : undefined;
  const resolved = posix.normalize(posix.join(posix.dirname(fromFile), pathPart));
  const target = targets.byPath.get(resolved);
  if (target) return { kind: 'document', target, ...(fragment ? { fragment } : {}) };
  const excludedId = targets.excludedPaths.get(resolved);
  if (excludedId) return excludedTarget(excludedId)!;
  return { kind: 'unresolved', url: trimmed };

  function byId(id: string): LinkTarget | undefined {
    const target = targets.byId.get(id);
    if (target) return { kind: 'document', target };
    return excludedTarget(id);
  }

  function excludedTarget(id: string): LinkTarget | undefined {
    const excluded = targets.excluded.get(id);
    return excluded ? { kind: 'excluded', id, ...excluded } : undefined;
  }
}

/** The in-handbook id of a heading in a document: `<anchor>--<slug>`; the document itself is `<anchor>`. */
export function elementId(anchor: string, fragment?: string): string {
  return fragment ? `${anchor}--${fragment}` : anchor;
}

/** How a cross-reference reads: in the link when it has no text of its own, and in its tooltip. */
export function referenceText(target: Pick<RefTarget, 'number' | 'title'>): string {
  return `${target.number} ${target.title}`;
}

function safeDecode(text: string): string {
  try {
    return decodeURIComponent(text);
  } catch {
    return text;
  }
}
