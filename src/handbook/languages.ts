import { languageInfo, primarySubtag } from '../language/registry.js';
import { compareVersions, parseVersion } from '../repository/semver.js';
import type { DocRecord, LanguageVersion } from './types.js';

/** A language version being placed: its record, its summary for the switcher, whether it is in the edition's language. */
export interface PlacedVersion {
  record: DocRecord;
  anchor: string;
  summary: LanguageVersion;
  /** The version is in the `--lang` edition's language. */
  matches: boolean;
  /** The version the edition shows in its contents (the others are alternates). */
  chosen: boolean;
}

/** A language tag as a file-name part: `pt-BR` → `pt-br`. */
export function languageSlug(lang: string): string {
  return lang.toLowerCase().replace(/[^a-z0-9-]/g, '') || 'und';
}

/** Whether a document in `documentLang` is in the language `wanted`: the same tag, or the same primary subtag. */
export function inLanguage(documentLang: string, wanted: string): boolean {
  return documentLang.toLowerCase() === wanted.toLowerCase() || primarySubtag(documentLang) === primarySubtag(wanted);
}

/** The name readers see for a language: languages/<tag>/language.json's `name`, else the tag. */
export function languageName(lang: string): string {
  return languageInfo(lang)?.name ?? lang;
}

/**
 * A document's language versions, the source first: the one the edition shows takes the document's
 * anchor, each other one `<anchor>.<lang>` (its own page, reached from the switcher).
 */
export function languageVersions(source: DocRecord, translations: readonly DocRecord[], anchor: string, lang: string | undefined): PlacedVersion[] {
  const records = [source, ...translations];
  const chosen = lang ? (records.find((record) => record.lang.toLowerCase() === lang.toLowerCase()) ?? records.find((record) => inLanguage(record.lang, lang)) ?? source) : source;
  return records.map((record) => {
    const pageAnchor = record === chosen ? anchor : `${anchor}.${languageSlug(record.lang)}`;
    const stale = record === source ? undefined : staleness(record, source);
    return {
      record,
      anchor: pageAnchor,
      matches: lang !== undefined && inLanguage(record.lang, lang),
      chosen: record === chosen,
      summary: { lang: record.lang, anchor: pageAnchor, title: record.title, source: record === source, ...(stale ? { stale } : {}) },
    };
  });
}

/** The version the edition shows: the one that took the document's anchor. */
export function chooseVersion(versions: readonly PlacedVersion[]): PlacedVersion {
  return versions.find((version) => version.chosen) ?? versions[0];
}

/** A translation whose `source_version` is lower than its source's `version`, with both versions. */
export function staleness(translation: DocRecord, source: DocRecord): { from: string; current: string } | undefined {
  const raw = translation.data.source_version;
  const from = typeof raw === 'string' ? raw.trim() : typeof raw === 'number' ? String(raw) : undefined;
  const current = source.version;
  const fromVersion = parseVersion(from);
  const currentVersion = parseVersion(current);
  if (!from || !current || !fromVersion || !currentVersion || compareVersions(fromVersion, currentVersion) >= 0) return undefined;
  return { from, current };
}
