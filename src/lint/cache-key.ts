import { createHash } from 'node:crypto';
import { readdirSync, readFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { languageSourceDir, packageRoot, packageVersion } from '../paths.js';
import type { ResolvedConfig } from '../types.js';

/**
 * What a cached file result depends on besides its own text and settings. Any change here gives every
 * file a new key, so a cache never outlives the code, data or run that wrote it.
 */
export interface RunKeyInputs {
  cwd: string;
  /** The repository the corpus rules read (record paths and summaries are relative to it). */
  root: string | undefined;
  config: ResolvedConfig;
  ruleIds: readonly string[];
  corpusRuleIds: readonly string[];
  onlyRules?: readonly string[];
  records?: boolean;
}

/** Bumped when the cache file's layout or the meaning of an entry changes. */
export const CACHE_FORMAT = 1;

/** A hash of the parts, each length-prefixed so that no two different lists hash alike. */
export function digest(parts: ReadonlyArray<string | Uint8Array>): string {
  const hash = createHash('sha256');
  for (const part of parts) {
    const bytes = typeof part === 'string' ? Buffer.from(part, 'utf8') : part;
    hash.update(`${bytes.length}:`);
    hash.update(bytes);
  }
  return hash.digest('hex');
}

/** JSON with object keys sorted, so equal settings give equal text whatever order they were written in. */
export function stableJson(value: unknown): string {
  if (value === undefined) return 'null';
  if (value === null || typeof value !== 'object') return JSON.stringify(value) ?? 'null';
  if (Array.isArray(value)) return `[${value.map(stableJson).join(',')}]`;
  const entries = Object.entries(value as Record<string, unknown>)
    .filter(([, item]) => item !== undefined)
    .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
  return `{${entries.map(([key, item]) => `${JSON.stringify(key)}:${stableJson(item)}`).join(',')}}`;
}

/** The key of every entry of one run: sop itself, Node's serializer and Unicode data, the config and the rule set. */
export function runKey(inputs: RunKeyInputs): string {
  return digest([
    String(CACHE_FORMAT),
    packageVersion,
    codeFingerprint(),
    process.version,
    process.versions.icu ?? '',
    inputs.cwd,
    inputs.root ?? '',
    stableJson(inputs.config),
    frontmatterSchemaText(inputs.config),
    stableJson(inputs.ruleIds),
    stableJson(inputs.corpusRuleIds),
    stableJson(inputs.onlyRules ?? null),
    inputs.records ? 'records' : '',
  ]);
}

/** The repository's own frontmatter schema (config `frontmatter.schema`), which `frontmatter-schema` reads. */
function frontmatterSchemaText(config: ResolvedConfig): string {
  const schema = config.frontmatter?.schema;
  if (!schema) return '';
  try {
    return readFileSync(resolve(config.root, schema), 'utf8');
  } catch {
    return 'missing';
  }
}

const CODE_FILE = /\.(?:js|mjs|ts|json)$/;
let fingerprint: string | undefined;

/**
 * A hash of sop's code and language data as installed: rules, language packs and word lists. The
 * version number alone would keep stale results after a rule or a word list changes in a checkout.
 */
export function codeFingerprint(): string {
  if (fingerprint) return fingerprint;
  // This module is <package>/src/lint/ (sources) or <package>/dist/src/lint/ (compiled).
  const codeRoot = dirname(dirname(dirname(fileURLToPath(import.meta.url))));
  const folders = codeRoot === packageRoot ? ['src', 'rules', 'languages'].map((name) => join(packageRoot, name)) : [codeRoot, languageSourceDir];
  const files = [...new Set(folders.flatMap((folder) => codeFiles(folder)))].sort();
  const hash = createHash('sha256');
  hash.update(readFileSync(join(packageRoot, 'package.json')));
  for (const file of files) {
    hash.update(`${file.slice(packageRoot.length)}\0`);
    hash.update(readFileSync(file));
  }
  fingerprint = hash.digest('hex');
  return fingerprint;
}

function codeFiles(folder: string): string[] {
  let entries;
  try {
    entries = readdirSync(folder, { withFileTypes: true, recursive: true });
  } catch {
    return [];
  }
  return entries.filter((entry) => entry.isFile() && CODE_FILE.test(entry.name)).map((entry) => join(entry.parentPath ?? (entry as { path?: string }).path ?? folder, entry.name));
}
