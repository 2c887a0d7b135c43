import { existsSync, realpathSync } from 'node:fs';
import { dirname, isAbsolute, relative, resolve } from 'node:path';
import { locateConfigSetting } from '../config/load.js';
import { UsageError } from '../errors.js';
import type { ResolvedConfig } from '../types.js';
import { loadBrand } from './brand.js';
import { languageFile } from '../language/registry.js';
import { ALL_DEFAULT_LABELS, DEFAULT_LABELS, type Labels } from './render/labels.js';
import { BACK_MATTER_PAGES, type BackMatterPage, type BuildFormat, type BuildSettings } from './types.js';

/** The `build:` section as written (validated by schemas/config.schema.json). */
interface RawBuildSection {
  organisation?: string;
  title?: string;
  order?: string[];
  pages?: BackMatterPage[];
  branches?: string[];
  out?: string;
  formats?: BuildFormat[];
  lang?: string;
  labels?: Record<string, string>;
  dueSoonDays?: number;
}

/** The handbook's settings: the config's `build:` section over the defaults. */
export function buildSettings(config: ResolvedConfig): BuildSettings {
  const raw = (config.build ?? {}) as RawBuildSection;
  const glossary = Object.entries(config.glossary ?? {})
    .map(([term, value]) => ({
      term,
      definition: Array.isArray(value) ? undefined : value.definition,
      avoid: Array.isArray(value) ? value : (value.avoid ?? []),
      ...(!Array.isArray(value) && value.lang ? { lang: value.lang } : {}),
    }))
    .sort((a, b) => compareTerms(a.term, b.term));
  return {
    organisation: raw.organisation ?? '',
    title: raw.title ?? DEFAULT_LABELS.defaultTitle,
    order: raw.order ?? [],
    pages: raw.pages ?? [...BACK_MATTER_PAGES],
    branches: raw.branches ?? [],
    ...(raw.out ? { out: configuredOut(config, raw.out) } : {}),
    ...(raw.formats ? { formats: raw.formats } : {}),
    lang: raw.lang ?? config.lang ?? 'en',
    labels: { ...ALL_DEFAULT_LABELS, ...(raw.labels ?? {}) },
    dueSoonDays: raw.dueSoonDays ?? 30,
    glossary,
    names: new Map(Object.entries((config.names ?? {}) as Record<string, string>)),
    brand: loadBrand(config),
  };
}

/**
 * The settings of a `--lang` edition: the handbook's own words from languages/<tag>/handbook-labels.json
 * (English for a label the pack lacks or a language sop has no pack for), the config's `build.labels`
 * over them, the pack's title unless the config names one, and `lang` (the pages' `<html lang>`) the tag.
 */
export function settingsForLanguage(settings: BuildSettings, config: ResolvedConfig, lang: string): BuildSettings {
  const raw = (config.build ?? {}) as RawBuildSection;
  const pack = languageFile<{ labels?: Record<string, unknown> }>(lang, 'handbook-labels')?.labels ?? {};
  const fromPack: Partial<Labels> = {};
  for (const key of Object.keys(ALL_DEFAULT_LABELS) as Array<keyof Labels>) {
    const value = pack[key];
    if (typeof value === 'string' && value.trim() !== '') fromPack[key] = value;
  }
  const labels: Labels = { ...ALL_DEFAULT_LABELS, ...fromPack, ...(raw.labels ?? {}) };
  return { ...settings, lang, labels, title: raw.title ?? labels.defaultTitle };
}

/** Case-insensitive order by code point, so the result does not depend on the machine's ICU data. */
export function compareTerms(a: string, b: string): number {
  const left = a.toLowerCase();
  const right = b.toLowerCase();
  return left < right ? -1 : left > right ? 1 : a < b ? -1 : a > b ? 1 : 0;
}

/** The real path of a folder, or of its nearest existing ancestor with the rest appended (the folder may not exist yet). */
function realFolder(path: string): string {
  let existing = path;
  while (!existsSync(existing) && dirname(existing) !== existing) existing = dirname(existing);
  return resolve(realpathSync(existing), relative(existing, path));
}

/**
 * `build.out` from the config, which must stay inside the repository: a pull request may edit the
 * config, and a build in CI must not be able to write (or replace) a folder elsewhere on the machine.
 * `sop build --out` on the command line may name any folder; that is the builder's own choice.
 */
function configuredOut(config: ResolvedConfig, out: string): string {
  const folder = resolve(config.root, out);
  const inside = relative(realFolder(config.root), realFolder(folder));
  if (inside === '' || (!inside.startsWith('..') && !isAbsolute(inside))) return folder;
  const where = config.path ? locateConfigSetting(config.path, ['build', 'out']) : undefined;
  const shown = config.path ? relative(process.cwd(), config.path) || config.path : undefined;
  throw new UsageError(`\`build.out\` names "${out}", which is outside the repository (${config.root}). Give a folder inside it, or pass --out on the command line to build elsewhere.`, shown, where?.line, where?.column);
}
