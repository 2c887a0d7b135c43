import MiniSearch from 'minisearch';
import type { EditionPlan, OutputFile, TransformedDoc } from '../types.js';
import { siteLinker, PAGE_IDS } from '../render/linker.js';
import { searchTerm, searchTokenize } from './tokenize.js';
import { languageName } from '../languages.js';

/** Options the index is built with; the browser loads it with the same ones (handbook.js). */
export const SEARCH_FIELDS = ['title', 'section', 'text'];
export const SEARCH_STORED = ['url', 'title', 'section', 'excerpt', 'lang'];

interface SearchEntry {
  id: string;
  url: string;
  title: string;
  section: string;
  text: string;
  excerpt: string;
  lang: string;
}

/**
 * Enough of a section's text for the browser to show the words a query matched in context (it cuts
 * a snippet around the first match and marks the matched words); the whole text is indexed.
 */
const EXCERPT_LENGTH = 320;

/** Entries per index part: a part stays around a megabyte however large the handbook grows. */
export const SEARCH_PART_SIZE = 2500;

/** One entry per document introduction and per section, plus one per glossary term. */
export function searchEntries(plan: EditionPlan, bodies: ReadonlyMap<string, TransformedDoc>): SearchEntry[] {
  const linker = siteLinker(0);
  const entries: SearchEntry[] = [];
  // Every language version is indexed; a document in several languages says which one a result is in.
  for (const doc of [...plan.docs, ...plan.alternates]) {
    const body = bodies.get(doc.anchor)!;
    const title = `${doc.number} ${doc.record.title}${doc.languages ? ` (${languageName(doc.record.lang)})` : ''}`;
    const lang = doc.record.lang;
    const meta = [doc.record.owner, ...doc.record.audience.map((id) => plan.settings.names.get(id) ?? id), ...doc.record.channels].filter(Boolean).join(' ');
    entries.push({ id: doc.anchor, url: linker.doc(doc.anchor), title, section: '', text: `${body.intro} ${meta}`.trim(), excerpt: excerpt(body.intro), lang });
    for (const section of body.sections) {
      entries.push({ id: section.id, url: linker.doc(doc.anchor, section.id), title, section: section.title, text: section.text, excerpt: excerpt(section.text), lang });
    }
  }
  if (plan.settings.pages.includes('glossary')) {
    for (const term of plan.settings.glossary) {
      const text = [term.definition ?? '', ...term.avoid].join(' ');
      entries.push({ id: `${PAGE_IDS.glossary}:${term.term}`, url: linker.page('glossary'), title: plan.settings.labels.glossary, section: term.term, text, excerpt: excerpt(term.definition ?? ''), lang: plan.settings.lang });
    }
  }
  return entries;
}

function excerpt(text: string): string {
  const chars = Array.from(text);
  return chars.length <= EXCERPT_LENGTH ? text : `${chars.slice(0, EXCERPT_LENGTH).join('').trimEnd()}…`;
}

/**
 * The search index as scripts, loaded by the browser only when the reader starts a search (never
 * with a page): `assets/search/parts.js` lists the parts, and each part (`<lang>-<n>.js`) hands its
 * MiniSearch index to `SOP_SEARCH_PART`. Parts are split by language (a reader's query is in one
 * language) and by size, so the browser can show results as soon as the first parts arrive. Scripts,
 * not fetched JSON, so the site searches from file:// too.
 */
export function searchIndexFiles(plan: EditionPlan, bodies: ReadonlyMap<string, TransformedDoc>): OutputFile[] {
  const byLang = new Map<string, SearchEntry[]>();
  for (const entry of searchEntries(plan, bodies)) {
    const lang = entry.lang.toLowerCase().replace(/[^a-z0-9-]/g, '') || 'und';
    const list = byLang.get(lang);
    if (list) list.push(entry);
    else byLang.set(lang, [entry]);
  }
  // The handbook's own language first: most queries are in it.
  const home = plan.settings.lang.toLowerCase();
  const langs = [...byLang.keys()].sort((a, b) => (a === home ? -1 : b === home ? 1 : a < b ? -1 : a > b ? 1 : 0));
  const files: OutputFile[] = [];
  const parts: string[] = [];
  for (const lang of langs) {
    const entries = byLang.get(lang)!;
    for (let start = 0, n = 1; start < entries.length; start += SEARCH_PART_SIZE, n++) {
      const index = new MiniSearch<SearchEntry>({ fields: SEARCH_FIELDS, storeFields: SEARCH_STORED, tokenize: searchTokenize, processTerm: searchTerm });
      index.addAll(entries.slice(start, start + SEARCH_PART_SIZE));
      const name = `${lang}-${n}.js`;
      parts.push(name);
      files.push({ path: `assets/search/${name}`, content: `window.SOP_SEARCH_PART(${JSON.stringify(index)});\n` });
    }
  }
  files.unshift({ path: 'assets/search/parts.js', content: `window.SOP_SEARCH_PARTS = ${JSON.stringify(parts)};\n` });
  return files;
}

/** The tokenizer's own source for the browser, so queries split exactly as the index did. */
export function tokenizerScript(): string {
  return `window.SopSearchText = {\n  tokenize: ${searchTokenize.toString()},\n  term: ${searchTerm.toString()}\n};\n`;
}
