import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { join, relative, resolve, sep } from 'node:path';
import { UsageError } from '../errors.js';
import { matchesGlobs } from '../config/rule-settings.js';
import type { ResolvedConfig } from '../types.js';

/** Folders never searched. */
const SKIPPED_FOLDERS = new Set(['node_modules', '.git']);
/** `sop build` leaves this file in its output folder, so a handbook is never linted as source. */
export const BUILD_MARKER = '.sop-build.json';

export function toPosix(path: string): string {
  return sep === '/' ? path : path.split(sep).join('/');
}

/** Reads `.sopignore` (gitignore-style globs, `#` comments) from the config folder or the working folder. */
export function readIgnoreFile(folder: string): string[] {
  const path = join(folder, '.sopignore');
  if (!existsSync(path)) return [];
  return readFileSync(path, 'utf8')
    .split(/\r?\n/)
    .map((line) => line.trim())
    .filter((line) => line && !line.startsWith('#'))
    .flatMap((line) => {
      const glob = line.replace(/^\//, '');
      // A bare folder name ignores everything below it, as in .gitignore.
      return glob.endsWith('/') ? [`${glob}**`] : [glob, `${glob}/**`];
    });
}

/**
 * Finds `*.md` files under the given paths, sorted, as absolute paths. Explicit file paths are always
 * kept; folders are searched minus skipped folders, `.sopignore` and the config's `ignore` globs.
 */
export function discoverFiles(paths: readonly string[], cwd: string, config: ResolvedConfig): string[] {
  const ignoreRoot = config.path ? config.root : cwd;
  const ignored = [...config.ignore, ...readIgnoreFile(ignoreRoot), ...(ignoreRoot !== cwd ? readIgnoreFile(cwd) : [])];
  const isIgnored = (absolute: string) => {
    const fromRoot = toPosix(relative(ignoreRoot, absolute));
    return ignored.length > 0 && matchesGlobs(ignored, fromRoot);
  };
  const found = new Set<string>();
  const walk = (folder: string) => {
    let entries;
    try {
      entries = readdirSync(folder, { withFileTypes: true });
    } catch {
      return; // An unreadable folder is skipped; there is no file in it to report on.
    }
    if (entries.some((entry) => entry.name === BUILD_MARKER)) return;
    for (const entry of entries) {
      const absolute = join(folder, entry.name);
      if (entry.isDirectory()) {
        if (SKIPPED_FOLDERS.has(entry.name) || isIgnored(absolute)) continue;
        walk(absolute);
      } else if ((entry.isFile() || entry.isSymbolicLink()) && /\.md$/i.test(entry.name) && !isIgnored(absolute)) {
        found.add(absolute);
      }
    }
  };
  for (const path of paths.length ? paths : ['.']) {
    const absolute = resolve(cwd, path);
    let stats;
    try {
      stats = statSync(absolute);
    } catch {
      throw new UsageError(`No such file or folder: ${path}`);
    }
    if (stats.isDirectory()) walk(absolute);
    else found.add(absolute);
  }
  return [...found].sort();
}
