import { dirname, resolve } from 'node:path';

/** A local link split into the file it points at and the anchor inside it. */
export interface LocalLink {
  /** The path part, percent-decoded; empty for a link to an anchor in the same document. */
  path: string;
  /** The fragment without `#`, percent-decoded; undefined when the link has none. */
  fragment?: string;
}

function decode(text: string): string {
  try {
    return decodeURIComponent(text);
  } catch {
    return text; // A stray `%` is a literal character, not an encoding.
  }
}

/** Splits `../policies/refunds.md?plain=1#time-limits` into a decoded path and fragment (the query is dropped). */
export function splitLocalLink(url: string): LocalLink {
  const hash = url.indexOf('#');
  const beforeHash = hash === -1 ? url : url.slice(0, hash);
  const query = beforeHash.indexOf('?');
  const path = decode(query === -1 ? beforeHash : beforeHash.slice(0, query));
  return hash === -1 ? { path } : { path, fragment: decode(url.slice(hash + 1)) };
}

/**
 * The absolute path a link points at. Relative paths resolve from the linking file's folder;
 * a leading `/` means the repository root, as on GitHub.
 */
export function resolveLinkPath(path: string, fromFile: string, repositoryRoot: string): string {
  return path.startsWith('/') ? resolve(repositoryRoot, `.${path}`) : resolve(dirname(fromFile), path);
}

/** Whether a fragment names one of a document's anchors (GitHub also accepts its `user-content-` prefix). */
export function matchesAnchor(fragment: string, anchors: ReadonlySet<string>): boolean {
  if (fragment === '' || anchors.has(fragment)) return true;
  const bare = fragment.replace(/^user-content-/, '');
  return anchors.has(bare) || anchors.has(bare.toLowerCase());
}
