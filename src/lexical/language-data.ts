import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { primarySubtag } from '../language/registry.js';
import { languageDataDir, languageSourceDir } from '../paths.js';

const cache = new Map<string, unknown>();

/** Reads `languages/<language>/data/<name>.json` once per run; undefined when the language has no such list. */
export function readLanguageData<T>(lang: string, name: string): T | undefined {
  const primary = primarySubtag(lang);
  const key = `${primary}/${name}`;
  if (!cache.has(key)) {
    const path = join(languageDataDir(primary), `${name}.json`);
    let value: unknown;
    if (existsSync(path)) {
      try {
        value = JSON.parse(readFileSync(path, 'utf8'));
      } catch (error) {
        throw new Error(`languages/${primary}/data/${name}.json is not valid JSON: ${(error as Error).message}`);
      }
    }
    cache.set(key, value);
  }
  return cache.get(key) as T | undefined;
}

/**
 * The languages that ship `languages/<language>/data/<name>.json`. A rule built on a word list runs exactly
 * where a list exists, so a French pack is a new data file (plus guards written as data), not new code.
 */
export function languagesWithData(name: string): string[] {
  if (!existsSync(languageSourceDir)) return [];
  return readdirSync(languageSourceDir, { withFileTypes: true })
    .filter((entry) => entry.isDirectory() && existsSync(join(languageDataDir(entry.name), `${name}.json`)))
    .map((entry) => entry.name)
    .sort();
}
