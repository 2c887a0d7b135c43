import MiniSearch from 'minisearch';
import type { EditionPlan, TransformedDoc } from '../types.js';
import { siteLinker, PAGE_IDS } from '../render/linker.js';
import { searchTerm, searchTokenize } from './tokenize.js';

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

const EXCERPT_LENGTH = 160;

/** One entry per document introduction and per section, plus one per glossary term. */
export function searchEntries(plan: EditionPlan, bodies: ReadonlyMap<string, TransformedDoc>): SearchEntry[] {
  const linker = siteLinker(0);
  const entries: SearchEntry[] = [];
  for (const doc of plan.docs) {
    const body = bodies.get(doc.anchor)!;
    const title = `${doc.number} ${doc.record.title}`;
    const lang = doc.record.lang;
    const meta = [doc.record.owner, ...doc.record.audience, ...doc.record.channels].filter(Boolean).join(' ');
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

/** The index as a script that sets a global, so the site searches from file:// with no fetch. */
export function searchIndexScript(plan: EditionPlan, bodies: ReadonlyMap<string, TransformedDoc>): string {
  const index = new MiniSearch<SearchEntry>({ fields: SEARCH_FIELDS, storeFields: SEARCH_STORED, tokenize: searchTokenize, processTerm: searchTerm });
  index.addAll(searchEntries(plan, bodies));
  return `window.SOP_SEARCH_INDEX = ${JSON.stringify(index)};\n`;
}

/** The tokenizer's own source for the browser, so queries split exactly as the index did. */
export function tokenizerScript(): string {
  return `window.SopSearchText = {\n  tokenize: ${searchTokenize.toString()},\n  term: ${searchTerm.toString()}\n};\n`;
}
