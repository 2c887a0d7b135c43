import { readFileSync, mkdirSync, statSync, existsSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { deserialize, serialize } from 'node:v8';
import { createHash } from 'node:crypto';
import { UsageError } from '../errors.js';
import { writeFileAtomic } from '../fs/atomic-write.js';
import { packageVersion } from '../paths.js';
import { readSourceFile } from '../source/read.js';
import { CACHE_FORMAT, digest, runKey, stableJson, type RunKeyInputs } from './cache-key.js';
import { fileSettings, type FileInput, type FileOutcome, type FilePassRequest } from './file-pass.js';

/**
 * `sop lint --cache`: each file's outcome (findings, directives, the corpus rules' summaries) kept
 * between runs, keyed by the file's bytes, its settings and everything the run's key covers
 * (cache-key.ts). A cached run re-lints only the files whose key changed and re-runs the repository
 * rules on the summaries, so its report is the same bytes as a run without the cache.
 */
export interface LintCacheOptions {
  /** The folder the cache lives in (`--cache-location`); sop writes nothing outside it. */
  location: string;
  /** Where a warning about an unusable cache file goes (default: standard error). */
  onWarning?: (message: string) => void;
}

/** How many files a run took from the cache and how many it linted. */
export interface CacheStats {
  reused: number;
  linted: number;
}

/** `report`: a file reported on (every rule); `summaries`: a file only read for the repository rules. */
export type CacheMode = 'report' | 'summaries';

export const DEFAULT_CACHE_LOCATION = join('node_modules', '.cache', 'sop');
export const CACHE_FILE_NAME = 'lint-cache.bin';
const MAGIC = Buffer.from('sop lint cache\n', 'utf8');
const CHECKSUM_BYTES = 32;

interface Entry {
  key: string;
  mode: CacheMode;
  /** Set only when a rule read them on this file: the entry then holds for that date or ref alone. */
  asOf?: string;
  since?: string | null;
  /** The outcome as `v8.serialize` wrote it (the structured clone that worker threads use). */
  outcome: Uint8Array;
}

interface Payload {
  format: number;
  entries: Array<[absolutePath: string, entry: Entry]>;
}

export class LintCache {
  readonly stats: CacheStats = { reused: 0, linted: 0 };
  private readonly file: string;
  private readonly entries = new Map<string, Entry>();
  /** Keys computed at lookup, so an outcome is stored under the bytes it was linted from. */
  private readonly keys = new Map<string, string>();
  private readonly visited = new Set<string>();
  private dirty = false;

  private constructor(
    private readonly location: string,
    private readonly key: string,
    private readonly warn: (message: string) => void,
  ) {
    this.file = join(location, CACHE_FILE_NAME);
  }

  /** Opens the cache of a run: reads the file if there is one; a damaged or foreign file is set aside with a warning. */
  static open(options: LintCacheOptions, cwd: string, inputs: RunKeyInputs): LintCache {
    const location = resolve(cwd, options.location);
    if (existsSync(location) && !statSync(location).isDirectory()) {
      throw new UsageError(`--cache-location ${options.location} is a file; give a folder for sop's cache (default ${DEFAULT_CACHE_LOCATION}).`);
    }
    const warn = options.onWarning ?? ((message: string) => process.stderr.write(`sop: ${message}\n`));
    const cache = new LintCache(location, runKey(inputs), warn);
    cache.load(options.location);
    return cache;
  }

  /**
   * Lints `inputs` through the cache: outcomes of unchanged files come from it, the rest from `lintFiles`
   * (which gets only those) and are kept for the next run. Outcomes come back in input order.
   */
  async through(
    inputs: readonly FileInput[],
    request: FilePassRequest,
    mode: CacheMode,
    lintFiles: (missing: FileInput[]) => Promise<FileOutcome[]> | FileOutcome[],
    onReused?: (count: number) => void,
  ): Promise<FileOutcome[]> {
    const found = inputs.map((input) => this.lookup(input, request, mode));
    const missing = inputs.filter((_, index) => !found[index]);
    if (inputs.length > missing.length) onReused?.(inputs.length - missing.length);
    const fresh = missing.length > 0 ? await lintFiles(missing) : [];
    missing.forEach((input, index) => this.remember(input, fresh[index], request, mode));
    this.stats.reused += inputs.length - missing.length;
    this.stats.linted += missing.length;
    let next = 0;
    return found.map((outcome) => outcome ?? fresh[next++]);
  }

  /** Writes the cache if this run changed it (atomically, inside the location); a failure is a warning. */
  save(): void {
    if (!this.dirty) return;
    const entries: Payload['entries'] = [];
    for (const [path, entry] of this.entries) {
      // Files of other runs (another folder, another shard) stay while they exist.
      if (this.visited.has(path) || existsSync(path)) entries.push([path, entry]);
    }
    entries.sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
    const payload = serialize({ format: CACHE_FORMAT, entries } satisfies Payload);
    const header = Buffer.from(`${JSON.stringify(headerFields())}\n`, 'utf8');
    const checksum = createHash('sha256').update(payload).digest();
    try {
      mkdirSync(this.location, { recursive: true });
      writeFileAtomic(this.file, Buffer.concat([MAGIC, header, checksum, payload]));
    } catch (error) {
      this.warn(`could not write the cache ${this.file} (${(error as NodeJS.ErrnoException).code ?? (error as Error).message}); the next run starts without it.`);
    }
  }

  private lookup(input: FileInput, request: FilePassRequest, mode: CacheMode): FileOutcome | undefined {
    // Unsaved text (an editor's buffer) is never cached; neither is a file that cannot be read.
    if (input.readText !== undefined) return undefined;
    const path = input.absolutePath;
    this.visited.add(path);
    const { config, cwd } = request;
    const source = readSourceFile(path, { configRoot: config.path ? config.root : undefined, cwd });
    if ('problem' in source) return undefined;
    // The settings come from the config and the path, both under the run's key, so plain JSON is stable here.
    const settings = fileSettings(request, path);
    const key = digest([this.key, path, JSON.stringify(settings), source.bytes]);
    this.keys.set(path, key);
    const entry = this.entries.get(path);
    if (!entry || entry.key !== key) return undefined;
    // A file read only for the repository rules can use a reported file's entry, not the other way round.
    if (mode === 'report' && entry.mode !== 'report') return undefined;
    if (entry.asOf !== undefined && entry.asOf !== request.asOf) return undefined;
    if (entry.since !== undefined && entry.since !== (request.since ?? null)) return undefined;
    let outcome: FileOutcome;
    try {
      outcome = { ...(deserialize(entry.outcome) as Omit<FileOutcome, 'settings'>), settings };
    } catch {
      return undefined;
    }
    // --fix must run on a file with something to fix; a file with nothing to fix gives the same outcome.
    if ((request.fix || request.fixDryRun) && mode === 'report' && outcome.result.messages.some((finding) => finding.fix)) return undefined;
    return outcome;
  }

  private remember(input: FileInput, outcome: FileOutcome, request: FilePassRequest, mode: CacheMode): void {
    const path = input.absolutePath;
    const key = this.keys.get(path);
    const previous = this.entries.get(path);
    // Not cacheable: unreadable, a rule crashed (a bug to see again), or --fix changed the file (its next lint keys it anew).
    if (!key || input.readText !== undefined || outcome.crashes.length > 0 || outcome.result.output !== undefined) {
      if (previous) {
        this.entries.delete(path);
        this.dirty = true;
      }
      return;
    }
    // A summaries-only outcome never replaces a reported file's entry for the same bytes.
    if (mode === 'summaries' && previous?.key === key && previous.mode === 'report') return;
    const entry: Entry = { key, mode, outcome: serialize(storedPart(outcome)) };
    if (outcome.reads?.asOf) entry.asOf = request.asOf;
    if (outcome.reads?.since) entry.since = request.since ?? null;
    this.entries.set(path, entry);
    this.dirty = true;
  }

  private load(shownLocation: string): void {
    let bytes: Buffer;
    try {
      bytes = readFileSync(this.file);
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code !== 'ENOENT') this.ignore(`it cannot be read (${(error as NodeJS.ErrnoException).code ?? (error as Error).message})`, shownLocation);
      return;
    }
    const payload = payloadOf(bytes);
    if (typeof payload === 'string') {
      this.ignore(payload, shownLocation);
      return;
    }
    // Another sop version or Node: nothing in it would match, and it is rewritten without a warning.
    if (!payload) {
      this.dirty = true;
      return;
    }
    for (const [path, entry] of payload.entries) this.entries.set(path, entry);
  }

  private ignore(why: string, shownLocation: string): void {
    this.warn(`ignoring the cache file ${join(shownLocation, CACHE_FILE_NAME)}: ${why}. This run lints every file and rewrites it.`);
    this.dirty = true;
  }
}

function headerFields(): { format: number; sop: string; node: string } {
  return { format: CACHE_FORMAT, sop: packageVersion, node: process.version };
}

/** The entries of a cache file; undefined for a sop cache of another version; a string says why the file is unusable. */
function payloadOf(bytes: Buffer): Payload | undefined | string {
  if (bytes.length < MAGIC.length || !bytes.subarray(0, MAGIC.length).equals(MAGIC)) return 'it is not a sop lint cache';
  const headerEnd = bytes.indexOf(0x0a, MAGIC.length);
  if (headerEnd < 0) return 'it is truncated';
  let header: unknown;
  try {
    header = JSON.parse(bytes.subarray(MAGIC.length, headerEnd).toString('utf8'));
  } catch {
    return 'its header is damaged';
  }
  if (stableJson(header) !== stableJson(headerFields())) return undefined;
  const checksum = bytes.subarray(headerEnd + 1, headerEnd + 1 + CHECKSUM_BYTES);
  const payload = bytes.subarray(headerEnd + 1 + CHECKSUM_BYTES);
  if (checksum.length < CHECKSUM_BYTES || !createHash('sha256').update(payload).digest().equals(checksum)) return 'it is truncated or damaged (its checksum does not match)';
  let value: unknown;
  try {
    value = deserialize(payload);
  } catch {
    return 'it is damaged (it does not deserialise)';
  }
  const candidate = value as Partial<Payload> | null;
  if (!candidate || candidate.format !== CACHE_FORMAT || !Array.isArray(candidate.entries)) return 'it is damaged (unexpected contents)';
  return candidate as Payload;
}

/** What an entry keeps: the settings are recomputed (they are a third of an outcome) and timings belong to one run. */
function storedPart(outcome: FileOutcome): Omit<FileOutcome, 'settings'> {
  const { settings: _settings, timings: _timings, ...rest } = outcome;
  return rest;
}
