import type { DocRecord, EditionSelector } from './types.js';

export interface Selection {
  /** Documents in the edition, each with its anchor (a variant takes its base's anchor). */
  included: Array<{ record: DocRecord; anchor: string }>;
  /** Documents left out, by id, with the reason shown where another document links to them. */
  excluded: Map<string, { record: DocRecord; reason: string }>;
  /** Base ids replaced by a branch variant: base id → the variant's anchor (the base id). */
  replaced: Map<string, DocRecord>;
  /** Documents that belong in the edition but could not be placed (an id another document already has), for `--force` to list. */
  unplaced: Array<{ filePath: string; reason: string }>;
  /** Translations of included documents, by the anchor of the document they translate, in path order. */
  translations: Map<string, DocRecord[]>;
}

/**
 * The documents that are translations: a `translation_of` naming a document that is not itself a
 * translation. One naming nothing, or a translation (a chain), is a lint error (`translation-parity`);
 * with `--force` it is shown as a document of its own.
 */
export function translationSources(records: readonly DocRecord[]): Map<DocRecord, DocRecord> {
  const byId = new Map<string, DocRecord>();
  for (const record of records) if (!byId.has(record.id)) byId.set(record.id, record);
  const translationOf = (record: DocRecord) => (typeof record.data.translation_of === 'string' ? record.data.translation_of.trim() : '');
  const sources = new Map<DocRecord, DocRecord>();
  for (const record of records) {
    const sourceId = translationOf(record);
    const source = sourceId ? byId.get(sourceId) : undefined;
    if (source && source !== record && !translationOf(source)) sources.set(record, source);
  }
  return sources;
}

/**
 * Chooses the documents of one edition. Retired documents never appear; drafts only when asked;
 * an audience keeps documents for that role and those with no audience (everyone's); a branch keeps
 * documents that apply to it, and its variants replace their base documents in place.
 */
export function selectDocuments(allRecords: readonly DocRecord[], selector: EditionSelector): Selection {
  // A translation is a language version of its source, not a document of its own: set aside, then
  // attached to its source if the source is in the edition.
  const translationSource = translationSources(allRecords);
  const records = allRecords.filter((record) => !translationSource.has(record));
  // Reasons name the document's own facts, not the edition's, so a body that links to it reads the
  // same in every edition that leaves it out (and the transform cache can reuse it).
  const excluded = new Map<string, { record: DocRecord; reason: string }>();
  const exclude = (record: DocRecord, reason: string) => {
    if (!excluded.has(record.id)) excluded.set(record.id, { record, reason });
  };
  const eligible = (record: DocRecord): boolean => {
    if (record.status === 'retired') return exclude(record, 'retired'), false;
    if (record.status === 'draft' && !selector.includeDrafts) return exclude(record, 'draft'), false;
    if (selector.audience && record.audience.length > 0 && !record.audience.includes(selector.audience)) {
      return exclude(record, `for ${record.audience.join(', ')} only`), false;
    }
    return true;
  };

  const unplaced: Selection['unplaced'] = [];
  const variants = new Map<string, DocRecord>();
  for (const record of records) {
    if (!record.variantOf) continue;
    if (!selector.branch || record.branch !== selector.branch) {
      exclude(record, record.branch ? `${record.branch} variant` : 'branch variant');
      continue;
    }
    // Two variants of one base for the same branch is a lint error; the first by path wins.
    if (!eligible(record)) continue;
    const first = variants.get(record.variantOf);
    if (first) unplaced.push({ filePath: record.filePath, reason: `${first.filePath} is already the ${selector.branch} variant of "${record.variantOf}"` });
    else variants.set(record.variantOf, record);
  }

  const included: Selection['included'] = [];
  const replaced = new Map<string, DocRecord>();
  const seen = new Set<string>();
  for (const record of records) {
    if (record.variantOf) continue;
    if (selector.branch && record.branches.length > 0 && !record.branches.includes(selector.branch)) {
      exclude(record, `for ${record.branches.join(', ')} only`);
      continue;
    }
    const variant = variants.get(record.id);
    if (variant) {
      replaced.set(record.id, record);
      variants.delete(record.id);
      if (!seen.has(record.id)) included.push({ record: variant, anchor: record.id });
      seen.add(record.id);
      continue;
    }
    // Duplicate ids are a lint error (`unique-id`); with --force the first by path keeps the anchor.
    if (!eligible(record)) continue;
    if (seen.has(record.id)) {
      const holder = included.find((entry) => entry.anchor === record.id)?.record.filePath;
      unplaced.push({ filePath: record.filePath, reason: `its id "${record.id}" is also the id of ${holder ?? 'another document'}` });
      continue;
    }
    included.push({ record, anchor: record.id });
    seen.add(record.id);
  }
  // A variant whose base is missing from the repository still belongs in its branch's edition.
  for (const variant of variants.values()) {
    if (!seen.has(variant.variantOf!)) {
      included.push({ record: variant, anchor: variant.variantOf! });
      seen.add(variant.variantOf!);
    }
  }
  const translations = new Map<string, DocRecord[]>();
  const includedBy = new Map(included.map((entry) => [entry.record, entry.anchor]));
  for (const [translation, source] of translationSource) {
    const anchor = includedBy.get(source);
    if (anchor === undefined) {
      exclude(translation, `translation of ${source.title}`);
      continue;
    }
    if (!eligible(translation)) continue;
    const list = translations.get(anchor) ?? [];
    // Two translations of one document into one language: the first by path is the language version.
    if (list.some((other) => other.lang.toLowerCase() === translation.lang.toLowerCase())) {
      unplaced.push({ filePath: translation.filePath, reason: `${list.find((other) => other.lang.toLowerCase() === translation.lang.toLowerCase())!.filePath} is already its ${translation.lang} translation` });
      continue;
    }
    list.push(translation);
    translations.set(anchor, list);
  }
  for (const { record } of included) excluded.delete(record.id);
  for (const list of translations.values()) for (const record of list) excluded.delete(record.id);
  for (const id of replaced.keys()) excluded.delete(id);
  return { included, excluded, replaced, unplaced, translations };
}

/** Every branch named by the documents (variants and `branches` lists) and the config, sorted. */
export function branchesOf(records: readonly DocRecord[], configured: readonly string[]): string[] {
  const names = new Set<string>(configured);
  for (const record of records) {
    if (record.branch) names.add(record.branch);
    for (const branch of record.branches) names.add(branch);
  }
  return [...names].sort();
}
