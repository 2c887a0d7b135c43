import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { importModuleDefault, languageModuleDir, languageSourceDir } from '../paths.js';
import type { GrammarCheck, LanguagePack } from './index.js';

/**
 * The languages sop knows are the folders of `languages/`: each holds its own facts as data
 * (`language.json`, `sections.json`, `abbreviations.json`, `data/*.json`) and, optionally, a
 * `pack.ts` with the analysis its grammar checks need. Adding a language is adding a folder: nothing
 * shared lists the languages.
 */

/** BCP 47 primary subtag, lower case ("en-GB" → "en"); the key of every per-language lookup. */
export function primarySubtag(lang: string): string {
  return lang.toLowerCase().split(/[-_]/)[0];
}

export interface LanguageInfo {
  tag: string;
  name: string;
  script: string;
  direction: 'ltr' | 'rtl';
}

/** Tags of the language folders, sorted. */
export const knownLanguages: readonly string[] = existsSync(languageSourceDir)
  ? readdirSync(languageSourceDir, { withFileTypes: true })
      .filter((entry) => entry.isDirectory() && existsSync(join(languageSourceDir, entry.name, 'language.json')))
      .map((entry) => entry.name)
      .sort()
  : [];

const fileCache = new Map<string, unknown>();

/** `languages/<tag>/<name>.json`, read once; undefined when the language or the file does not exist. */
export function languageFile<T>(lang: string, name: string): T | undefined {
  const tag = primarySubtag(lang);
  if (!knownLanguages.includes(tag)) return undefined;
  const key = `${tag}/${name}`;
  if (!fileCache.has(key)) {
    const path = join(languageSourceDir, tag, `${name}.json`);
    let value: unknown;
    if (existsSync(path)) {
      try {
        value = JSON.parse(readFileSync(path, 'utf8'));
      } catch (error) {
        throw new Error(`languages/${tag}/${name}.json is not valid JSON: ${(error as Error).message}`);
      }
    }
    fileCache.set(key, value);
  }
  return fileCache.get(key) as T | undefined;
}

export function languageInfo(lang: string): LanguageInfo | undefined {
  return languageFile<LanguageInfo>(lang, 'language');
}

/** Loads `languages/<tag>/pack.(js|ts)` for every language that has one. */
export async function loadLanguagePacks(): Promise<LanguagePack[]> {
  const packs: LanguagePack[] = [];
  for (const tag of knownLanguages) {
    const pack = await importModuleDefault<LanguagePack>(join(languageModuleDir, tag), 'pack');
    if (!pack) continue;
    if (pack.lang !== tag) throw new Error(`languages/${tag}/pack: the pack's lang is "${pack.lang}"`);
    packs.push(pack);
  }
  return packs;
}

/** Loads `languages/<tag>/checks/<rule-id>.(js|ts)`: for each rule id, the check of each language. */
export async function loadLanguageChecks(): Promise<Map<string, Map<string, GrammarCheck>>> {
  const checks = new Map<string, Map<string, GrammarCheck>>();
  for (const tag of knownLanguages) {
    const dir = join(languageModuleDir, tag, 'checks');
    if (!existsSync(dir)) continue;
    const files = readdirSync(dir)
      .filter((name) => /\.(js|ts)$/.test(name) && !name.endsWith('.d.ts'))
      .sort();
    const ruleIds = [...new Set(files.map((name) => name.replace(/\.(js|ts)$/, '')))];
    for (const ruleId of ruleIds) {
      const check = await importModuleDefault<GrammarCheck>(dir, ruleId);
      if (typeof check !== 'function') throw new Error(`languages/${tag}/checks/${ruleId}: the default export is not a check function`);
      if (!checks.has(ruleId)) checks.set(ruleId, new Map());
      checks.get(ruleId)!.set(tag, check);
    }
  }
  return checks;
}
