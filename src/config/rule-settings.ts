import picomatch from 'picomatch';
import { compileSchema, describeAjvError, type ValidateFunction } from '../schema/ajv.js';
import type { ResolvedConfig, Rule, RuleSetting, Severity } from '../types.js';
import { UsageError } from '../errors.js';
import { closest } from './suggest.js';

type Entry = Severity | [Severity, Record<string, unknown>?];
type Where = (id: string) => { file: string; line: number; column: number } | undefined;

const optionValidators = new WeakMap<Rule, ValidateFunction>();

/** Checks rule ids (with a did-you-mean) and each rule's options against its own schema. */
export function validateRuleEntries(
  entries: Record<string, Entry>,
  rules: readonly Rule[],
  where: Where,
): Record<string, { severity: Severity; options?: Record<string, unknown> }> {
  const byId = new Map(rules.map((rule) => [rule.id, rule]));
  const result: Record<string, { severity: Severity; options?: Record<string, unknown> }> = {};
  for (const [id, entry] of Object.entries(entries)) {
    const rule = byId.get(id);
    const place = where(id);
    if (!rule) {
      const suggestion = closest(id, [...byId.keys()]);
      throw new UsageError(
        `Unknown rule "${id}".${suggestion ? ` Did you mean "${suggestion}"?` : ''} Run \`sop rules\` to list them.`,
        place?.file,
        place?.line,
        place?.column,
      );
    }
    const [severity, options] = Array.isArray(entry) ? entry : [entry];
    if (options !== undefined) {
      const validate = optionsValidator(rule);
      if (validate && !validate(options)) {
        const error = validate.errors![0];
        throw new UsageError(`Invalid options for rule "${id}": ${describeAjvError(error)}.`, place?.file, place?.line, place?.column);
      }
    }
    result[id] = { severity, options };
  }
  return result;
}

function optionsValidator(rule: Rule): ValidateFunction | undefined {
  if (!rule.optionsSchema) return undefined;
  let validate = optionValidators.get(rule);
  if (!validate) {
    validate = compileSchema(rule.optionsSchema);
    optionValidators.set(rule, validate);
  }
  return validate;
}

const matcherCache = new Map<string, (path: string) => boolean>();

function matches(globs: string[], path: string): boolean {
  return globs.some((glob) => {
    let matcher = matcherCache.get(glob);
    if (!matcher) {
      matcher = picomatch(glob, { dot: true, matchBase: !glob.includes('/') });
      matcherCache.set(glob, matcher);
    }
    return matcher(path);
  });
}

/** A rule entry given only a severity keeps the options it had; one with options merges them over the defaults. */
export function mergeRuleSettings(
  base: Record<string, RuleSetting>,
  entries: Record<string, { severity: Severity; options?: Record<string, unknown> }>,
): Record<string, RuleSetting> {
  const merged = { ...base };
  for (const [id, entry] of Object.entries(entries)) {
    const previous = merged[id] ?? { severity: entry.severity, options: {} };
    merged[id] = { severity: entry.severity, options: entry.options ? { ...previous.options, ...entry.options } : previous.options };
  }
  return merged;
}

export interface FileSettings {
  rules: Record<string, RuleSetting>;
  lang: string;
}

/**
 * Rule settings for one file: `rules`, then each matching override in order.
 * `pathFromConfig` is the file's path relative to the config's folder, `/`-separated.
 */
export function settingsForFile(config: ResolvedConfig, pathFromConfig: string): FileSettings {
  let rules = config.rules;
  let lang = config.lang;
  for (const override of config.overrides) {
    if (!matches(override.files, pathFromConfig)) continue;
    if (override.excludedFiles && matches(override.excludedFiles, pathFromConfig)) continue;
    rules = mergeRuleSettings(rules, override.rules);
    if (override.lang) lang = override.lang;
  }
  return { rules, lang };
}

export { matches as matchesGlobs };
