import { existsSync, readFileSync, statSync } from 'node:fs';
import { dirname, join, relative, resolve } from 'node:path';
import { isMap, isScalar, isSeq, parseDocument, type Document } from 'yaml';
import { bundledValidator, describeAjvError, instancePathSegments } from '../schema/ajv.js';
import type { ResolvedConfig, Rule, RuleSetting, Severity } from '../types.js';
import { createLineIndex } from '../document/lines.js';
import { UsageError } from '../errors.js';
import { mergeRuleSettings, validateRuleEntries } from './rule-settings.js';

export const CONFIG_NAMES = ['sop.config.yaml', 'sop.config.yml', 'sop.config.json'];

export const DEFAULT_MAX_FILE_SIZE = 5_000_000;

/** Looks for a config file in `start` and each parent folder; the nearest one wins. */
export function findConfig(start: string): string | undefined {
  let dir = resolve(start);
  for (;;) {
    for (const name of CONFIG_NAMES) {
      const candidate = join(dir, name);
      if (existsSync(candidate)) return candidate;
    }
    const parent = dirname(dir);
    if (parent === dir) return undefined;
    dir = parent;
  }
}

interface RawConfig {
  lang?: string;
  ignore?: string[];
  maxFileSize?: number;
  rules?: Record<string, Severity | [Severity, Record<string, unknown>?]>;
  overrides?: Array<{
    files: string | string[];
    excludedFiles?: string | string[];
    lang?: string;
    rules?: Record<string, Severity | [Severity, Record<string, unknown>?]>;
  }>;
  glossary?: ResolvedConfig['glossary'];
  frontmatter?: { schema?: string };
  [section: string]: unknown;
}

/** Reads, validates and resolves the config. Every mistake is a UsageError that names the file and line. */
/**
 * Where to look for the config: upward from the first path linted (so `sop lint examples/x` uses
 * `examples/x/sop.config.yaml`), then upward from the working folder.
 */
export function locateConfig(cwd: string, paths: readonly string[] = []): string | undefined {
  const first = paths[0];
  if (first) {
    const absolute = resolve(cwd, first);
    let start = absolute;
    try {
      if (!statSync(absolute).isDirectory()) start = dirname(absolute);
    } catch {
      start = dirname(absolute);
    }
    const found = findConfig(start);
    if (found) return found;
  }
  return findConfig(cwd);
}

export function loadConfig(options: {
  cwd: string;
  configPath?: string;
  rules: readonly Rule[];
  search?: boolean;
  /** The paths being linted or built; the config search starts at the first one. */
  paths?: readonly string[];
}): ResolvedConfig {
  const path = options.configPath
    ? resolve(options.cwd, options.configPath)
    : options.search === false
      ? undefined
      : locateConfig(options.cwd, options.paths);
  if (options.configPath && !existsSync(path!)) {
    throw new UsageError(`Config file not found: ${options.configPath}`);
  }
  if (!path) return resolveConfig({}, options.cwd, undefined, options.rules, () => undefined);

  const shown = relative(options.cwd, path) || path;
  let text: string;
  try {
    text = readFileSync(path, 'utf8');
  } catch (error) {
    throw new UsageError(`Cannot read the config: ${(error as Error).message}`, shown);
  }
  const doc = parseDocument(text, { prettyErrors: false });
  if (doc.errors.length > 0) {
    const error = doc.errors[0];
    const { line, column } = createLineIndex(text)(error.pos[0]);
    throw new UsageError(`Invalid ${path.endsWith('.json') ? 'JSON' : 'YAML'}: ${error.message.split('\n')[0]}.`, shown, line, column);
  }
  const raw = (doc.toJS() ?? {}) as unknown;
  if (typeof raw !== 'object' || Array.isArray(raw)) {
    throw new UsageError('The config must be a mapping of settings (for example `rules:`).', shown, 1, 1);
  }
  const locate = (segments: Array<string | number>) => locateInYaml(doc, text, segments);
  const validate = bundledValidator('config.schema.json');
  if (!validate(raw)) {
    // oneOf failures repeat the same place; the most specific error is the deepest one.
    const errors = [...(validate.errors ?? [])].sort((a, b) => b.instancePath.length - a.instancePath.length);
    const error = errors.find((e) => e.keyword !== 'oneOf') ?? errors[0];
    const { line, column } = locate(instancePathSegments(error.instancePath));
    throw new UsageError(`Invalid config: ${describeAjvError(error)}.`, shown, line, column);
  }
  return resolveConfig(raw as RawConfig, dirname(path), path, options.rules, (segments) => {
    const { line, column } = locate(segments);
    return { file: shown, line, column };
  });
}

type Locator = (segments: Array<string | number>) => { file: string; line: number; column: number } | undefined;

function resolveConfig(raw: RawConfig, root: string, path: string | undefined, rules: readonly Rule[], locate: Locator): ResolvedConfig {
  const base: Record<string, RuleSetting> = {};
  for (const rule of rules) {
    base[rule.id] = { severity: rule.defaultSeverity, options: structuredClone(rule.defaultOptions) as Record<string, unknown> };
  }
  const configured = validateRuleEntries(raw.rules ?? {}, rules, (id) => locate(['rules', id]));
  const overrides = (raw.overrides ?? []).map((override, index) => ({
    files: toList(override.files),
    excludedFiles: override.excludedFiles ? toList(override.excludedFiles) : undefined,
    lang: override.lang,
    rules: validateRuleEntries(override.rules ?? {}, rules, (id) => locate(['overrides', index, 'rules', id])),
  }));
  const { lang, ignore, maxFileSize, rules: _rules, overrides: _overrides, glossary, frontmatter, ...sections } = raw;
  return {
    ...sections,
    path,
    root,
    lang: lang ?? 'en',
    ignore: ignore ?? [],
    maxFileSize: maxFileSize ?? DEFAULT_MAX_FILE_SIZE,
    rules: mergeRuleSettings(base, configured),
    overrides,
    glossary: glossary ?? {},
    frontmatter: frontmatter ?? {},
  };
}

function toList(value: string | string[]): string[] {
  return Array.isArray(value) ? value : [value];
}

/** Finds the line and column of a value (or its key) in the YAML source, falling back to the nearest parent. */
function locateInYaml(doc: Document, text: string, segments: Array<string | number>): { line: number; column: number } {
  let node: unknown = doc.contents;
  let offset = 0;
  for (const segment of segments) {
    if (isMap(node)) {
      const pair = node.items.find((item) => isScalar(item.key) && String(item.key.value) === String(segment));
      if (!pair) break;
      offset = (pair.key as { range?: number[] }).range?.[0] ?? offset;
      node = pair.value;
    } else if (isSeq(node) && typeof segment === 'number' && node.items[segment]) {
      node = node.items[segment];
      offset = (node as { range?: number[] }).range?.[0] ?? offset;
    } else {
      break;
    }
  }
  const { line, column } = createLineIndex(text)(offset);
  return { line, column };
}

/**
 * Where a setting is written in a config file, for a message about its value found after loading
 * (a `build.logo` that names a missing file). Undefined when the file cannot be read or parsed.
 */
export function locateConfigSetting(configPath: string, segments: Array<string | number>): { line: number; column: number } | undefined {
  try {
    const text = readFileSync(configPath, 'utf8');
    return locateInYaml(parseDocument(text, { prettyErrors: false }), text, segments);
  } catch {
    return undefined;
  }
}
