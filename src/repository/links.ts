import { existsSync, readdirSync } from 'node:fs';
import { basename, dirname, join, resolve } from 'node:path';

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

const gitRoots = new Map<string, string | undefined>();

/**
 * The repository a file belongs to: the nearest folder above it with a `.git`, as GitHub resolves a
 * leading `/` in a link. Cached per folder; undefined outside a git checkout.
 */
export function gitRootOf(absoluteFile: string): string | undefined {
  const start = dirname(absoluteFile);
  const visited: string[] = [];
  let dir = start;
  let found: string | undefined;
  for (;;) {
    if (gitRoots.has(dir)) {
      found = gitRoots.get(dir);
      break;
    }
    visited.push(dir);
    if (existsSync(join(dir, '.git'))) {
      found = dir;
      break;
    }
    const parent = dirname(dir);
    if (parent === dir) break;
    dir = parent;
  }
  for (const folder of visited) gitRoots.set(folder, found);
  return found;
}

/**
 * The absolute path a link points at. Relative paths resolve from the linking file's folder;
 * a leading `/` means the repository root, as on GitHub.
 */
export function resolveLinkPath(path: string, fromFile: string, repositoryRoot: string): string {
  return path.startsWith('/') ? resolve(repositoryRoot, `.${path}`) : resolve(dirname(fromFile), path);
}

/** Looks files up on disk once per folder, and tells a missing file from one whose name differs only in case. */
export class FileLookup {
  private readonly folders = new Map<string, Map<string, string> | undefined>();

  /** `exists`, `case` (found with other letter case: `actual` is its real name) or `missing`. */
  find(absolutePath: string): { state: 'exists' } | { state: 'case'; actual: string } | { state: 'missing' } {
    const name = basename(absolutePath);
    const entries = this.entries(dirname(absolutePath));
    if (entries) {
      if (entries.has(name)) return { state: 'exists' };
      const actual = entries.get(`\0${name.toLowerCase()}`);
      if (actual) return { state: 'case', actual };
      return { state: 'missing' };
    }
    // The folder cannot be listed (or the name ends in `/`): fall back to a plain check.
    return existsSync(absolutePath) ? { state: 'exists' } : { state: 'missing' };
  }

  private entries(folder: string): Map<string, string> | undefined {
    if (this.folders.has(folder)) return this.folders.get(folder);
    let names: Map<string, string> | undefined;
    try {
      names = new Map();
      for (const entry of readdirSync(folder)) {
        names.set(entry, entry);
        const lower = `\0${entry.toLowerCase()}`;
        if (!names.has(lower)) names.set(lower, entry);
      }
    } catch {
      names = undefined;
    }
    this.folders.set(folder, names);
    return names;
  }
}

/** Whether a fragment names one of a document's anchors (GitHub also accepts its `user-content-` prefix). */
export function matchesAnchor(fragment: string, anchors: ReadonlySet<string>): boolean {
  if (fragment === '' || anchors.has(fragment)) return true;
  const bare = fragment.replace(/^user-content-/, '');
  return anchors.has(bare) || anchors.has(bare.toLowerCase());
}
