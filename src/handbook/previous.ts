import { existsSync, readFileSync, statSync } from 'node:fs';
import { dirname, join, posix, relative, resolve, sep } from 'node:path';
import { UsageError } from '../errors.js';
import { matchesGlobs, settingsForFile } from '../config/rule-settings.js';
import { openGitRepository } from '../source/git.js';
import { repositoryRootFor } from '../source/files.js';
import { BUILD_MARKER, readIgnoreFile, toPosix } from '../source/discover.js';
import type { ResolvedConfig } from '../types.js';
import type { ComparableDoc } from './changes.js';
import { recordFromText } from '../repository/record.js';
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

/**
 * The documents as they were at a git ref, read through the git adapter (one `git ls-tree`, one
 * `git cat-file --batch`), filtered by the same ignore rules as now, each in the language the
 * config's `overrides` give its path today (as the lint reads the file now).
 */
export function recordsAtRef(ref: string, options: { cwd: string; paths: readonly string[]; config: ResolvedConfig }): DocRecord[] {
  const { cwd, config } = options;
  const asked = (options.paths.length ? options.paths : ['.']).map((path) => resolve(cwd, path));
  const repository = openGitRepository(gitFolder(config.path ? config.root : asked[0]), ref);
  const listed = repository.listAtRef(ref);
  const configRoot = config.path ? config.root : cwd;
  const ignored = [...config.ignore, ...readIgnoreFile(configRoot)];
  const markerFolders = listed.filter((path) => path.split('/').pop() === BUILD_MARKER).map((path) => `${posix.dirname(path)}/`);
  const wanted = listed.filter((path) => {
    if (!/\.md$/i.test(path)) return false;
    if (path.split('/').some((part) => part === 'node_modules' || part === '.git')) return false;
    if (markerFolders.some((folder) => folder === './' || path.startsWith(folder))) return false;
    const absolute = join(repository.root, path);
    if (!asked.some((base) => absolute === base || absolute.startsWith(base.endsWith(sep) ? base : base + sep))) return false;
    const fromRoot = toPosix(relative(configRoot, absolute));
    return !(ignored.length > 0 && matchesGlobs(ignored, fromRoot));
  });
  const records: DocRecord[] = [];
  for (const [path, bytes] of repository.readAtRef(ref, wanted)) {
    if (bytes === undefined) continue;
    const absolute = join(repository.root, path);
    const { lang } = settingsForFile(config, toPosix(relative(configRoot, absolute)));
    const record = recordFromText(toPosix(relative(cwd, absolute)) || absolute, decoder.decode(bytes), lang, toPosix(relative(repositoryRootFor(absolute, { configRoot: config.path ? config.root : undefined, cwd }), absolute)));
    if (record) records.push(record);
  }
  return records;
}

const decoder = new TextDecoder('utf-8'); // strips a BOM, as the files on disk are read

/** A folder to ask git from: the path itself, or the folder of a file. */
function gitFolder(path: string): string {
  try {
    return statSync(path).isDirectory() ? path : dirname(path);
  } catch {
    return dirname(path);
  }
}
