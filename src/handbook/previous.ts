import { spawnSync } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import { dirname, join, posix, relative, resolve } from 'node:path';
import { UsageError } from '../errors.js';
import { matchesGlobs } from '../config/rule-settings.js';
import { readAtRef } from '../source/git.js';
import { BUILD_MARKER, readIgnoreFile, toPosix } from '../source/discover.js';
import type { ResolvedConfig } from '../types.js';
import type { ComparableDoc } from './changes.js';
import { recordFromText } from './load.js';
import { MANIFEST_FORMAT, type Manifest } from './render/manifest.js';
import type { DocRecord } from './types.js';

/** An earlier edition read from a manifest of a previous build. */
export interface PreviousManifest {
  path: string;
  manifest: Manifest;
}

export function readPreviousManifest(path: string, cwd: string): PreviousManifest {
  const absolute = resolve(cwd, path);
  let manifest: Manifest;
  try {
    manifest = JSON.parse(readFileSync(absolute, 'utf8')) as Manifest;
  } catch (error) {
    throw new UsageError(`Cannot read the previous manifest: ${(error as Error).message}. Give --previous the manifest.json of an earlier \`sop build --format json\`.`, path);
  }
  if (manifest?.generator !== 'sopkit' || manifest.format !== MANIFEST_FORMAT || !Array.isArray(manifest.documents)) {
    throw new UsageError(`Not a sop handbook manifest (format ${MANIFEST_FORMAT}). Give --previous the manifest.json of an earlier \`sop build --format json\`.`, path);
  }
  return { path: absolute, manifest };
}

/**
 * The earlier edition to compare a given edition with: the manifest itself when it is of the same
 * branch, else the manifest of that branch beside it (`<dir>/<branch>/manifest.json`, the layout of
 * `--all-branches`). Undefined when there is none: that edition then says it has no comparison.
 */
export function previousForBranch(previous: PreviousManifest, branch: string | undefined): { docs: ComparableDoc[]; against: string } | undefined {
  let found: PreviousManifest | undefined;
  if ((previous.manifest.branch ?? undefined) === branch) found = previous;
  else if (branch) {
    const sibling = join(dirname(previous.path), branch, 'manifest.json');
    if (existsSync(sibling)) found = readPreviousManifest(sibling, '/');
  }
  if (!found) return undefined;
  const { manifest } = found;
  return {
    against: `edition ${manifest.editionId} of ${manifest.buildDate}`,
    docs: manifest.documents.map((doc) => ({
      anchor: doc.anchor,
      title: doc.title,
      ...(doc.version ? { version: doc.version } : {}),
      contentHash: doc.contentHash,
      steps: (doc.steps ?? []).map((step) => step.text),
    })),
  };
}

function git(args: string[], cwd: string): Buffer {
  const result = spawnSync('git', args, { cwd, maxBuffer: 1 << 30 });
  if (result.error) throw new UsageError('`--since` needs the git command line, and `git` could not be run. Install git, or build with --previous <manifest.json>.');
  if (result.status !== 0) throw Object.assign(new Error(result.stderr.toString().trim()), { gitFailed: true });
  return result.stdout;
}

/**
 * The documents as they were at a git ref, read with one `git ls-tree` for the file list and one
 * `git cat-file --batch` for every file's text, filtered by the same ignore rules as now.
 */
export function recordsAtRef(ref: string, options: { cwd: string; paths: readonly string[]; config: ResolvedConfig }): DocRecord[] {
  const { cwd, config } = options;
  if (ref.startsWith('-') || ref.trim() === '') throw new UsageError(`\`--since\` needs a git ref such as \`main\` or \`v1.2.0\`, not "${ref}".`);
  try {
    git(['rev-parse', '--show-toplevel'], cwd);
  } catch {
    throw new UsageError(`\`--since ${ref}\` needs a git repository, but ${cwd} is not inside one. Run sop from the repository, or build with --previous <manifest.json>.`);
  }
  try {
    git(['rev-parse', '--verify', '--quiet', `${ref}^{commit}`], cwd);
  } catch {
    throw new UsageError(`\`--since ${ref}\`: git does not know the ref "${ref}". Use a branch, tag or commit that exists.`);
  }
  // Run from the working folder, ls-tree lists paths relative to it, as the build names files.
  const specs = options.paths.length ? [...options.paths] : ['.'];
  const listed = git(['ls-tree', '-r', '-z', '--name-only', ref, '--', ...specs], cwd)
    .toString('utf8')
    .split('\0')
    .filter(Boolean);

  const ignoreRoot = config.path ? config.root : cwd;
  const ignored = [...config.ignore, ...readIgnoreFile(ignoreRoot)];
  const markerFolders = listed.filter((path) => path.split('/').pop() === BUILD_MARKER).map((path) => `${posix.dirname(path)}/`);
  const wanted = listed.filter((path) => {
    if (!/\.md$/i.test(path)) return false;
    if (path.split('/').some((part) => part === 'node_modules' || part === '.git')) return false;
    if (markerFolders.some((folder) => folder === './' || path.startsWith(folder))) return false;
    const fromRoot = toPosix(relative(ignoreRoot, join(cwd, path)));
    return !(ignored.length > 0 && matchesGlobs(ignored, fromRoot));
  });
  const records: DocRecord[] = [];
  for (const [path, text] of readAtRef(ref, wanted, cwd)) {
    const record = text === undefined ? undefined : recordFromText(path, text.replace(/^\uFEFF/, ''), config.lang);
    if (record) records.push(record);
  }
  return records;
}
