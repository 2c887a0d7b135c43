import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import * as AjvModule from 'ajv';
import type { ErrorObject, ValidateFunction } from 'ajv';
import * as addFormatsModule from 'ajv-formats';
import { schemaDir } from '../paths.js';

// ajv and ajv-formats are CommonJS; their default export sits one level down under Node's ESM interop.
const Ajv = AjvModule.default.default ?? AjvModule.default;
const addFormats = addFormatsModule.default.default ?? addFormatsModule.default;

export type { ErrorObject, ValidateFunction };

export function createAjv(options: { useDefaults?: boolean } = {}) {
  const ajv = new Ajv({ allErrors: true, strict: false, useDefaults: options.useDefaults ?? false, allowUnionTypes: true });
  addFormats(ajv);
  return ajv;
}

const shared = createAjv();

export function loadBundledSchema(name: string): Record<string, unknown> {
  return JSON.parse(readFileSync(join(schemaDir, name), 'utf8')) as Record<string, unknown>;
}

const compiled = new Map<string, ValidateFunction>();

/** Compiles a bundled schema once per run. */
export function bundledValidator(name: string): ValidateFunction {
  const cached = compiled.get(name);
  if (cached) return cached;
  const validate = shared.compile(loadBundledSchema(name));
  compiled.set(name, validate);
  return validate;
}

export function compileSchema(schema: Record<string, unknown>): ValidateFunction {
  return shared.compile(schema);
}

/** Splits an ajv instance path (`/rules/foo/1`) into key segments. */
export function instancePathSegments(instancePath: string): Array<string | number> {
  if (!instancePath) return [];
  return instancePath
    .split('/')
    .slice(1)
    .map((part) => part.replace(/~1/g, '/').replace(/~0/g, '~'))
    .map((part) => (/^\d+$/.test(part) ? Number(part) : part));
}

const TYPE_NAMES: Record<string, string> = {
  array: 'a list',
  object: 'a mapping of keys to values',
  string: 'text',
  integer: 'a whole number',
  number: 'a number',
  boolean: '`true` or `false`',
};

/** One readable sentence for an ajv error, naming the field. */
export function describeAjvError(error: ErrorObject): string {
  const segments = instancePathSegments(error.instancePath);
  const field = segments.length ? segments.join('.') : '';
  const params = error.params as Record<string, unknown>;
  switch (error.keyword) {
    case 'required':
      return `missing required field \`${[...segments, params.missingProperty as string].join('.')}\``;
    case 'additionalProperties':
      return `unknown field \`${[...segments, params.additionalProperty as string].join('.')}\``;
    case 'enum':
      return `\`${field}\` must be one of ${(params.allowedValues as unknown[]).map((v) => `\`${String(v)}\``).join(', ')}`;
    case 'type':
      return `\`${field || 'value'}\` must be ${TYPE_NAMES[params.type as string] ?? (params.type as string)}`;
    case 'pattern':
      return `\`${field}\` is not in the expected form`;
    case 'format':
      return `\`${field}\` is not a valid ${params.format as string}`;
    default:
      return `${field ? `\`${field}\` ` : ''}${error.message ?? 'is not valid'}`;
  }
}
