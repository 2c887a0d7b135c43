import { spawnSync } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import { dirname, join, relative, resolve } from 'node:path';
import { UsageError } from '../config/errors.js';
import { matchesGlobs } from '../config/rule-settings.js';
import { BUILD_MARKER, readIgnoreFile, toPosix } from '../lint/discover.js';
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

function git(args: string[], cwd: string, input?: Buffer): Buffer {
  const result = spawnSync('git', args, { cwd, input, maxBuffer: 1 << 30 });
  if (result.error) throw new UsageError(`--since needs git, which could not be run: ${result.error.message}`);
  if (result.status !== 0) throw Object.assign(new Error(result.stderr.toString().trim()), { gitFailed: true });
  return result.stdout;
}

/**
 * The documents as they were at a git ref, read with two git calls for the whole run (the file list,
 * then every file's text through one `git cat-file --batch`), filtered by the same ignore rules as now.
 */
export function recordsAtRef(ref: string, options: { cwd: string; paths: readonly string[]; config: ResolvedConfig }): DocRecord[] {
  const { cwd, config } = options;
  let top: string;
  try {
    top = git(['rev-parse', '--show-toplevel'], cwd).toString().trim();
  } catch {
    throw new UsageError(`--since ${ref}: ${cwd} is not in a git repository.`);
  }
  try {
    git(['rev-parse', '--verify', '--quiet', `${ref}^{commit}`], cwd);
  } catch {
    throw new UsageError(`--since ${ref}: no such commit, branch or tag in this repository.`);
  }
  const specs = (options.paths.length ? options.paths : ['.']).map((path) => toPosix(relative(top, resolve(cwd, path))) || '.');
  const listed = git(['ls-tree', '-r', '-z', '--full-name', '--name-only', ref, '--', ...specs], top)
    .toString('utf8')
    .split('\0')
    .filter(Boolean);

  const ignoreRoot = config.path ? config.root : cwd;
  const ignored = [...config.ignore, ...readIgnoreFile(ignoreRoot)];
  const markerFolders = listed.filter((path) => path.split('/').pop() === BUILD_MARKER).map((path) => `${dirname(path)}/`);
  const wanted = listed.filter((path) => {
    if (!/\.md$/i.test(path)) return false;
    if (path.split('/').some((part) => part === 'node_modules' || part === '.git')) return false;
    if (markerFolders.some((folder) => folder === './' || `${path}`.startsWith(folder))) return false;
    const fromRoot = toPosix(relative(ignoreRoot, join(top, path)));
    return !(ignored.length > 0 && matchesGlobs(ignored, fromRoot));
  });
  if (wanted.length === 0) return [];

  const output = git(['cat-file', '--batch'], top, Buffer.from(wanted.map((path) => `${ref}:${path}\n`).join(''), 'utf8'));
  const records: DocRecord[] = [];
  const decoder = new TextDecoder('utf-8', { fatal: true });
  let offset = 0;
  for (const path of wanted) {
    const lineEnd = output.indexOf(0x0a, offset);
    const header = output.subarray(offset, lineEnd).toString('utf8');
    offset = lineEnd + 1;
    const match = /^[0-9a-f]+ (\w+) (\d+)$/.exec(header);
    if (!match) continue; // "<name> missing": cannot happen for listed paths, but never misread the stream.
    const size = Number(match[2]);
    const bytes = output.subarray(offset, offset + size);
    offset += size + 1;
    let text: string;
    try {
      text = decoder.decode(bytes).replace(/^\uFEFF/, '');
    } catch {
      continue;
    }
    const record = recordFromText(toPosix(relative(cwd, join(top, path))), text, config);
    if (record) records.push(record);
  }
  return records;
}
