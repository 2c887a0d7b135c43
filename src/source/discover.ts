import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { join, relative, resolve, sep } from 'node:path';
import picomatch from 'picomatch';
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

/** A folder discovery could not list: reported as a finding, so a run never passes by skipping files silently. */
export interface UnreadableFolder {
  absolutePath: string;
  message: string;
}

export interface Discovery {
  /** `*.md` files, sorted, as absolute paths. */
  files: string[];
  unreadable: UnreadableFolder[];
}

/** Characters that make a command-line path a glob (`policies/*.md`, `{a,b}/*.md`, `procedures/?.md`). */
const GLOB_CHARACTERS = /[*?[\]{}]/;

/**
 * Finds `*.md` files under the given paths (files, folders, or globs that sop expands itself, as
 * markdownlint-cli2 does). Explicit file paths are always kept; folders and globs are searched minus
 * skipped folders, `.sopignore` and the config's `ignore` globs.
 */
export function discover(paths: readonly string[], cwd: string, config: ResolvedConfig): Discovery {
  const ignoreRoot = config.path ? config.root : cwd;
  const ignored = [...config.ignore, ...readIgnoreFile(ignoreRoot), ...(ignoreRoot !== cwd ? readIgnoreFile(cwd) : [])];
  const isIgnored = (absolute: string) => {
    const fromRoot = toPosix(relative(ignoreRoot, absolute));
    return ignored.length > 0 && matchesGlobs(ignored, fromRoot);
  };
  const found = new Set<string>();
  const unreadable: UnreadableFolder[] = [];
  const walk = (folder: string, keep: (absolute: string) => boolean) => {
    let entries;
    try {
      entries = readdirSync(folder, { withFileTypes: true });
    } catch (error) {
      unreadable.push({ absolutePath: folder, message: `Cannot read the folder, so its files were not linted: ${(error as NodeJS.ErrnoException).code ?? (error as Error).message}. Make it readable, or add it to \`.sopignore\`.` });
      return;
    }
    if (entries.some((entry) => entry.name === BUILD_MARKER)) return;
    for (const entry of entries) {
      const absolute = join(folder, entry.name);
      if (entry.isDirectory()) {
        if (SKIPPED_FOLDERS.has(entry.name) || isIgnored(absolute)) continue;
        walk(absolute, keep);
      } else if (/\.md$/i.test(entry.name) && !isIgnored(absolute) && keep(absolute)) {
        // Not only regular files: a FIFO or a device named *.md is kept, so the reader reports it.
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
      if (GLOB_CHARACTERS.test(path)) {
        expandGlob(path);
        continue;
      }
      throw new UsageError(`No such file or folder: ${path}`);
    }
    if (stats.isDirectory()) walk(absolute, () => true);
    else found.add(absolute);
  }
  return { files: [...found].sort(), unreadable };

  /** Walks from the glob's fixed folder and keeps the files the whole glob matches. */
  function expandGlob(glob: string) {
    const posixGlob = toPosix(glob);
    const parts = posixGlob.split('/');
    const fixed: string[] = [];
    while (parts.length > 1 && !GLOB_CHARACTERS.test(parts[0])) fixed.push(parts.shift()!);
    const base = resolve(cwd, fixed.join('/') || '.');
    const pattern = parts.join('/');
    const before = found.size;
    const matcher = picomatch(pattern, { dot: true });
    if (existsSync(base)) walk(base, (absolute) => matcher(toPosix(relative(base, absolute))));
    if (found.size === before) throw new UsageError(`No Markdown file matches ${glob}. Check the pattern (quote it so that sop, not the shell, expands it).`);
  }
}
