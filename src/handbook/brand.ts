import { extname, relative } from 'node:path';
import { locateConfigSetting } from '../config/load.js';
import { UsageError } from '../errors.js';
import type { ResolvedConfig } from '../types.js';
import { readContainedFile } from './contained-file.js';
import type { Brand } from './types.js';

export const IMAGE_TYPES: Record<string, string> = {
  '.png': 'image/png',
  '.jpg': 'image/jpeg',
  '.jpeg': 'image/jpeg',
  '.gif': 'image/gif',
  '.svg': 'image/svg+xml',
  '.webp': 'image/webp',
  '.avif': 'image/avif',
};

/** A logo or a stylesheet is small; anything bigger is a mistake (or an attack) rather than a brand. */
const MAX_BRAND_FILE = 2 * 1024 * 1024;

const REASONS = {
  missing: 'no such file',
  outside: 'it points outside the repository',
  'not-a-file': 'it is not a regular file',
  'too-large': `it is larger than ${MAX_BRAND_FILE / 1024 / 1024} MB`,
};

/**
 * The handbook's brand from `build.logo`, `build.accentColor` and `build.css`. The files are read
 * relative to the config's folder and must lie inside it; a missing or refused file is a config
 * error naming the line that names it.
 */
export function loadBrand(config: ResolvedConfig): Brand {
  const build = (config.build ?? {}) as { logo?: string; accentColor?: string; css?: string };
  const brand: Brand = {};
  const read = (key: 'logo' | 'css', path: string) => {
    const result = readContainedFile(config.root, path, MAX_BRAND_FILE);
    if (result.ok) return result.bytes;
    const where = config.path ? locateConfigSetting(config.path, ['build', key]) : undefined;
    const shown = config.path ? relative(process.cwd(), config.path) || config.path : undefined;
    throw new UsageError(`\`build.${key}\` names "${path}", but ${REASONS[result.reason]}. Give a file inside ${config.root} (relative to the config file).`, shown, where?.line, where?.column);
  };
  if (build.logo) {
    const extension = extname(build.logo).toLowerCase();
    brand.logo = { bytes: read('logo', build.logo), type: IMAGE_TYPES[extension] ?? 'application/octet-stream', output: `assets/logo${extension}` };
  }
  if (build.css) brand.css = Buffer.from(read('css', build.css)).toString('utf8').replace(/<\/style/gi, '<\\/style');
  if (build.accentColor) brand.accentColor = build.accentColor;
  return brand;
}
