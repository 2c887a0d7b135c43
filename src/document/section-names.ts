import { knownLanguages, languageFile, primarySubtag } from '../language/registry.js';
import type { ResolvedConfig, SopDocument } from '../types.js';
import { normaliseHeading, sectionsOf, stepsOfSection, type Section, type Step } from './sections.js';

/** Options of `required-sections`, which also tell every other rule how sections are named. */
export interface SectionNaming {
  /** Required sections per document type, by canonical (English) name, in order. */
  types: Record<string, string[]>;
  /** Extra accepted headings per canonical name, in any language. */
  aliases: Record<string, string[]>;
  /** Headings per language (primary subtag) and canonical name; the defaults are `languages/<tag>/sections.json`. */
  languages: Record<string, Record<string, string[]>>;
}

export const defaultSectionNaming: SectionNaming = {
  types: {
    policy: ['Purpose', 'Scope', 'Policy'],
    procedure: ['Purpose', 'Scope', 'Procedure'],
  },
  aliases: {
    Procedure: ['Steps'],
  },
  languages: Object.fromEntries(
    knownLanguages.flatMap((tag) => {
      const names = languageFile<{ sections: Record<string, string[]> }>(tag, 'sections');
      return names ? [[tag, names.sections]] : [];
    }),
  ),
};

const resolved = new WeakMap<object, SectionNaming>();
let resolvedDefault: SectionNaming | undefined;

/** Merges configured naming over the defaults: types replace, aliases and languages add. Cached per options object. */
export function resolveSectionNaming(options: Partial<SectionNaming> | undefined): SectionNaming {
  if (!options) return (resolvedDefault ??= mergeSectionNaming(undefined));
  let naming = resolved.get(options);
  if (!naming) {
    naming = mergeSectionNaming(options);
    resolved.set(options, naming);
  }
  return naming;
}

function mergeSectionNaming(options: Partial<SectionNaming> | undefined): SectionNaming {
  const languages: SectionNaming['languages'] = structuredClone(defaultSectionNaming.languages);
  for (const [lang, names] of Object.entries(options?.languages ?? {})) {
    languages[lang] = { ...(ownValue(languages, lang) ?? {}), ...names };
  }
  return {
    types: { ...defaultSectionNaming.types, ...(options?.types ?? {}) },
    aliases: { ...defaultSectionNaming.aliases, ...(options?.aliases ?? {}) },
    languages,
  };
}

export function sectionNamingFromConfig(config: ResolvedConfig): SectionNaming {
  return resolveSectionNaming(config.rules['required-sections']?.options as Partial<SectionNaming> | undefined);
}

/** Every heading accepted for a canonical section name in a language, normalised. */
const keyCache = new WeakMap<SectionNaming, Map<string, Set<string>>>();

export function acceptedKeys(naming: SectionNaming, canonical: string, lang: string): Set<string> {
  const primary = primarySubtag(lang);
  let byName = keyCache.get(naming);
  if (!byName) keyCache.set(naming, (byName = new Map()));
  const cacheKey = `${canonical}\u0000${primary}`;
  let keys = byName.get(cacheKey);
  if (!keys) {
    // Keyed by user data (a document's `lang`, the config's names): own properties only, so `constructor` finds nothing.
    const inLanguage = ownValue(naming.languages, primary);
    const names = [canonical, ...(ownValue(naming.aliases, canonical) ?? []), ...((inLanguage && ownValue(inLanguage, canonical)) ?? [])];
    keys = new Set(names.map(normaliseHeading));
    byName.set(cacheKey, keys);
  }
  return keys;
}

export function findSection(doc: SopDocument, config: ResolvedConfig, canonical: string): Section | undefined {
  const keys = acceptedKeys(sectionNamingFromConfig(config), canonical, doc.lang);
  return sectionsOf(doc).find((section) => keys.has(section.key));
}

/** The steps of a procedure's Procedure section (empty for policies or when the section is missing). */
export function procedureSteps(doc: SopDocument, config: ResolvedConfig): Step[] {
  return doc.memo('procedure-steps', () => {
    const section = findSection(doc, config, 'Procedure');
    return section ? stepsOfSection(section) : [];
  });
}

/** `record[key]` when the key is the record's own, never a prototype's (`constructor`, `__proto__`). */
export function ownValue<V>(record: Readonly<Record<string, V>>, key: string): V | undefined {
  return Object.hasOwn(record, key) ? record[key] : undefined;
}
