import { closest } from '../config/suggest.js';
import { UsageError } from '../errors.js';
import { knownLanguages } from '../language/registry.js';
import { inLanguage, languageSlug } from './languages.js';
import type { DocRecord, EditionSelector } from './types.js';

interface PlannedEdition {
  selector: EditionSelector;
  folder: string;
}

/** The languages the documents are written in (their `lang`, lower case), sorted. */
export function documentLanguages(records: readonly DocRecord[]): string[] {
  return [...new Set(records.map((record) => record.lang.toLowerCase()))].sort();
}

/**
 * The editions of a build in their languages. `--lang <tag>` puts every edition in that language;
 * `--all-languages` keeps each edition and adds one per language the documents are in, in
 * `<edition folder>/<lang>/` (`<out>/hi/`, `<out>/mumbai/hi/` with `--all-branches`).
 */
export function editionLanguages(
  records: readonly DocRecord[],
  editions: readonly PlannedEdition[],
  options: { lang?: string; allLanguages?: boolean },
  reserved: ReadonlySet<string>,
): PlannedEdition[] {
  if (options.lang) {
    const lang = checkLanguage(options.lang, records);
    return editions.map(({ selector, folder }) => ({ selector: { ...selector, lang }, folder }));
  }
  if (!options.allLanguages) return [...editions];
  const languages = documentLanguages(records);
  const folders = new Set(editions.map((edition) => edition.folder));
  const out: PlannedEdition[] = [];
  for (const edition of editions) {
    out.push(edition);
    for (const lang of languages) {
      const slug = languageSlug(lang);
      if (reserved.has(slug) || (edition.folder === '' && folders.has(slug))) {
        throw new UsageError(`The ${lang} edition cannot have the folder "${slug}": a branch edition or the site already uses it. Build the languages separately with --lang and --out.`);
      }
      out.push({ selector: { ...edition.selector, lang }, folder: edition.folder ? `${edition.folder}/${slug}` : slug });
    }
  }
  return out;
}

/** The tag `--lang` gave, if the documents or sop's language packs know it; else a usage error with the known ones. */
function checkLanguage(lang: string, records: readonly DocRecord[]): string {
  if (!/^[A-Za-z]{2,3}(-[A-Za-z0-9]{2,8})*$/.test(lang)) {
    throw new UsageError(`--lang needs a language tag such as "hi" or "fr" (got "${lang}").`);
  }
  const known = [...new Set([...documentLanguages(records), ...knownLanguages])].sort();
  if (known.some((tag) => inLanguage(tag, lang))) return lang;
  const suggestion = closest(lang, known);
  const hint = suggestion ? ` Did you mean "${suggestion}"?` : '';
  throw new UsageError(`No document is in the language "${lang}", and sop has no handbook words for it.${hint} Known languages: ${known.join(', ')}.`);
}
