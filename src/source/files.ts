import { existsSync, readdirSync } from 'node:fs';
import { basename, dirname, join } from 'node:path';
import type { FileState, RepositoryFiles } from '../types.js';

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

/** Looks files up on disk once per folder, and tells a missing file from one whose name differs only in case. */
export class FileLookup {
  private readonly folders = new Map<string, Map<string, string> | undefined>();

  /** `exists`, `case` (found with other letter case: `actual` is its real name) or `missing`. */
  find(absolutePath: string): FileState {
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

/**
 * The repository's files as corpus rules see them (`context.files`): looked up on disk here, so the
 * rules themselves stay pure. A leading `/` in a link means the config's folder when there is a
 * config, else the file's git repository, else the working folder.
 */
export function repositoryFiles(options: { configRoot?: string; cwd: string }): RepositoryFiles {
  const lookup = new FileLookup();
  return {
    find: (absolutePath) => lookup.find(absolutePath),
    rootOf: (absoluteFile) => repositoryRootFor(absoluteFile, options),
  };
}

/** The root of the repository a file is in: the config's folder, else its git work tree, else the working folder. */
export function repositoryRootFor(absoluteFile: string, options: { configRoot?: string; cwd: string }): string {
  return options.configRoot ?? gitRootOf(absoluteFile) ?? options.cwd;
}
