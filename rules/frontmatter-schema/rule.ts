import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { defineFileRule } from '../../src/rules/define.js';
import { UsageError } from '../../src/errors.js';
import { bundledValidator, compileSchema, describeAjvError, instancePathSegments, type ErrorObject, type ValidateFunction } from '../../src/schema/ajv.js';
import type { ResolvedConfig } from '../../src/types.js';

const userValidators = new Map<string, ValidateFunction>();

/** The repository's own schema (config `frontmatter.schema`), compiled once per run. */
function userValidator(config: ResolvedConfig): ValidateFunction | undefined {
  const relativePath = config.frontmatter.schema;
  if (!relativePath) return undefined;
  const path = resolve(config.root, relativePath);
  const cached = userValidators.get(path);
  if (cached) return cached;
  let schema: Record<string, unknown>;
  try {
    schema = JSON.parse(readFileSync(path, 'utf8')) as Record<string, unknown>;
  } catch (error) {
    throw new UsageError(`Cannot load the frontmatter schema ${relativePath}: ${(error as Error).message}`, config.path);
  }
  delete schema.$id;
  const validate = compileSchema(schema);
  userValidators.set(path, validate);
  return validate;
}

/** Hints for the mistakes YAML makes easy. */
function hint(error: ErrorObject, value: unknown): string {
  const field = instancePathSegments(error.instancePath).at(-1);
  if (error.keyword === 'type' && typeof value === 'number' && (field === 'version' || error.instancePath.includes('changelog'))) {
    return ` YAML read it as a number: quote it, e.g. "${String(value)}.0".`;
  }
  if (error.keyword === 'pattern' && field === 'id') return ' Use lower-case words joined by hyphens, e.g. `refund-requests`.';
  if (error.keyword === 'format' && error.params.format === 'date') return ` Write dates as \`YYYY-MM-DD\`${typeof value === 'string' ? ` (found "${value}")` : ''}.`;
  if (error.keyword === 'pattern' && field === 'review_interval') return ' Write a number and a unit, e.g. `12 months` or `1 year`.';
  if (error.keyword === 'type' && error.params.type === 'array' && typeof value === 'string') return ` Write a list, e.g. \`[${value}]\`.`;
  if (error.keyword === 'pattern' && field === 'version') return ' Use MAJOR.MINOR.PATCH, e.g. `2.1.0`.';
  return '';
}

/** Controls have no place in a text field: a form feed ends a CSS string, ESC drives a terminal. Tab and line breaks are text. */
const CONTROL = /[\u0000-\u0008\u000B\u000C\u000E-\u001F\u007F-\u009F]/;

/** Every string in the frontmatter with its key path, walked with a stack (a YAML value can nest deeply). */
function* stringsOf(data: Record<string, unknown>): Generator<{ path: Array<string | number>; value: string }> {
  const stack: Array<{ path: Array<string | number>; value: unknown }> = [{ path: [], value: data }];
  while (stack.length > 0) {
    const { path, value } = stack.pop()!;
    if (typeof value === 'string') yield { path, value };
    else if (Array.isArray(value)) for (let i = value.length - 1; i >= 0; i--) stack.push({ path: [...path, i], value: value[i] });
    else if (value && typeof value === 'object' && !(value instanceof Date)) {
      const keys = Object.keys(value);
      for (let i = keys.length - 1; i >= 0; i--) stack.push({ path: [...path, keys[i]], value: (value as Record<string, unknown>)[keys[i]] });
    }
  }
}

function valueAt(data: unknown, segments: Array<string | number>): unknown {
  let value = data;
  for (const segment of segments) value = (value as Record<string | number, unknown> | undefined)?.[segment];
  return value;
}

export default defineFileRule({
  id: 'frontmatter-schema',
  description: 'Frontmatter follows the document contract (and the repository schema, if configured).',
  principle: 'accountable-metadata',
  defaultSeverity: 'error',
  languages: 'all',
  defaultOptions: {},
  optionsSchema: { type: 'object', additionalProperties: false, properties: {} },
  messages: {
    invalid: 'Frontmatter: {problem}.{hint}',
    control: 'Frontmatter: `{field}` contains the control character {code}: remove it (in a quoted YAML string, look for an escape such as `\\f` or `\\u0000`).',
  },
  check(doc, context) {
    if (!doc.frontmatter.present) return; // parse-error already reports a missing or broken block.
    const data = doc.frontmatter.data;
    for (const { path, value } of stringsOf(data)) {
      const found = CONTROL.exec(value);
      if (!found) continue;
      const code = `U+${found[0].charCodeAt(0).toString(16).toUpperCase().padStart(4, '0')}`;
      context.report({ messageId: 'control', data: { field: path.join('.'), code }, at: { key: path, valueSpan: true } });
    }
    const validators = [bundledValidator('frontmatter.schema.json'), userValidator(context.config)];
    const seen = new Set<string>();
    for (const validate of validators) {
      if (!validate || validate(data)) continue;
      for (const error of validate.errors ?? []) {
        // `if` only says which branch failed; the `then` errors carry the detail.
        if (error.keyword === 'if') continue;
        const segments = instancePathSegments(error.instancePath);
        const params = error.params as Record<string, unknown>;
        const keyPath =
          error.keyword === 'additionalProperties' ? [...segments, params.additionalProperty as string]
          : error.keyword === 'dependencies' ? [...segments, params.property as string]
          : segments;
        const problem = error.keyword === 'dependencies'
          ? `\`${String(params.property)}\` needs \`${String(params.missingProperty)}\` too (a branch variant names both its base and its branch)`
          : error.keyword === 'required' && segments.length === 0 && (params.missingProperty === 'approver' || params.missingProperty === 'effective')
            ? `an approved document needs \`${String(params.missingProperty)}\``
            : describeAjvError(error);
        const dedupe = `${keyPath.join('.')}|${problem}`;
        if (seen.has(dedupe)) continue;
        seen.add(dedupe);
        const at = keyPath.length > 0 ? { key: keyPath } : { line: doc.frontmatter.span?.start.line ?? 1, column: 1, endColumn: 4 };
        context.report({ messageId: 'invalid', data: { problem, hint: hint(error, valueAt(data, segments)) }, at });
      }
    }
  },
});
