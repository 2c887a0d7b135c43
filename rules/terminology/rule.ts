import type { Fix, ResolvedConfig, SopDocument } from '../../src/types.js';
import { defineFileRule } from '../../src/rules/define.js';
import { matchCase } from '../../src/lexical/casing.js';
import { primarySubtag } from '../../src/language/registry.js';
import { perLanguageAndSettings } from '../../src/lexical/per-settings.js';
import { PhraseMatcher, type PhraseEntry, type PhraseMatch } from '../../src/lexical/phrase-matcher.js';
import { displayWords } from '../../src/lexical/normalise.js';
import { isInside, quotedSpansOfBlock } from '../../src/lexical/quotations.js';
import { replacementFix } from '../../src/lexical/replacement-fix.js';
import { tokensOf, type Token } from '../../src/lexical/tokens.js';
import { WordClasses } from '../../src/lexical/word-classes.js';
import { blockLocation, proseBlocks, type ProseBlock } from '../../src/text/prose.js';
import { indefiniteArticle, inflectorFor, type Inflector, type TermForm } from './inflect.js';

interface TermEntry extends PhraseEntry {
  /** The glossary's preferred term. */
  preferred: string;
  /** The avoided term as written in the glossary; undefined for occurrences of the preferred term itself. */
  avoid?: string;
  form: TermForm;
  /** An avoided term written with capitals after its first letter (an acronym) matches only as written. */
  caseSensitive: boolean;
}

const NO_CLASSES = new WordClasses({});

/** Glossary → phrases to find: each avoided term (and its English plural and possessive forms) plus each preferred term. */
export function termEntries(glossary: ResolvedConfig['glossary'], inflector: Inflector | undefined): TermEntry[] {
  const entries: TermEntry[] = [];
  for (const [preferred, value] of Object.entries(glossary)) {
    const avoidList = Array.isArray(value) ? value : (value.avoid ?? []);
    // The preferred term is matched too, so an avoided word inside it ("service" in "customer service") is left alone.
    entries.push({ phrase: preferred, preferred, form: 'base', caseSensitive: false, literal: true });
    for (const avoid of avoidList) {
      const caseSensitive = /\p{Lu}/u.test(avoid.slice(1));
      const add = (phrase: string, form: TermForm) => entries.push({ phrase, preferred, avoid, form, caseSensitive, literal: true });
      add(avoid, 'base');
      if (inflector) {
        const plural = inflector.plural(avoid);
        if (plural !== avoid) add(plural, 'plural');
        add(`${avoid}'s`, 'possessive');
        add(plural.endsWith('s') ? `${plural}'` : `${plural}'s`, 'plural-possessive');
      }
    }
  }
  return entries;
}

/**
 * The glossary entries for a document's language. An entry with `lang` applies to that language. One
 * without it applies to the config's language when written in Latin script ("client" is the right
 * word in French), and everywhere when written in another script (ग्राहक ← कस्टमर can only match
 * Devanagari text).
 */
export function glossaryFor(glossary: ResolvedConfig['glossary'], docLang: string, configLang: string): ResolvedConfig['glossary'] {
  const docPrimary = primarySubtag(docLang);
  return Object.fromEntries(
    Object.entries(glossary).filter(([preferred, value]) => {
      const lang = Array.isArray(value) ? undefined : value.lang;
      if (lang) return primarySubtag(lang) === docPrimary;
      return /\p{Script=Latin}/u.test(preferred) ? primarySubtag(configLang) === docPrimary : true;
    }),
  );
}

const matcherFor = perLanguageAndSettings((lang: string, glossary: ResolvedConfig['glossary']): PhraseMatcher<TermEntry> | undefined =>
  Object.keys(glossary).length === 0 ? undefined : new PhraseMatcher(termEntries(glossary, inflectorFor(lang)), NO_CLASSES),
);

/** The preferred term in the grammatical form the avoided word had; undefined when no form fits. */
function preferredForm(entry: TermEntry, original: string, inflector: Inflector | undefined): string | undefined {
  const apostrophe = /[’']/u.exec(original)?.[0] ?? "'";
  const plural = () => (inflector ? inflector.plural(entry.preferred) : entry.preferred);
  let text: string;
  switch (entry.form) {
    case 'base':
      // "an employee" → "a staff" is wrong: an uncountable term only replaces plurals.
      if (inflector?.isUncountable(entry.preferred) && !inflector.isUncountable(entry.avoid!)) return undefined;
      text = entry.preferred;
      break;
    case 'plural':
      text = plural();
      break;
    case 'possessive':
      text = `${entry.preferred}${apostrophe}s`;
      break;
    case 'plural-possessive': {
      const p = plural();
      text = p.endsWith('s') ? `${p}${apostrophe}` : `${p}${apostrophe}s`;
      break;
    }
  }
  return text;
}

/**
 * The replacement takes the original's capitals, except that an original starting with an acronym
 * ("CSR lead") says nothing about how the replacement starts: it then gets a capital only where a
 * sentence starts.
 */
function withCase(original: string, replacement: string, block: ProseBlock, start: number): string {
  const firstWord = original.split(/\s+/)[0];
  const startsWithAcronym = firstWord.length > 1 && firstWord === firstWord.toUpperCase() && original !== original.toUpperCase();
  if (!startsWithAcronym) return matchCase(original, replacement);
  const before = block.text.slice(0, start).trimEnd();
  return before === '' || /[.!?:।]$/u.test(before) ? matchCase(original, replacement) : replacement;
}

/** Replaces the words, and a preceding "a"/"an" when the new term needs the other article. */
function termFix(doc: SopDocument, block: ProseBlock, tokens: readonly Token[], match: PhraseMatch<TermEntry>, replacement: string): Fix | undefined {
  const previous = tokens[match.first - 1];
  const articleGap = previous ? block.text.slice(previous.end, match.start) : '';
  if (previous && /^an?$/i.test(previous.text) && /^\s+$/u.test(articleGap)) {
    const article = indefiniteArticle(replacement);
    if (article !== previous.lower) {
      return replacementFix(doc, block, previous.start, match.end, `${matchCase(previous.text, article)}${articleGap}${replacement}`);
    }
  }
  return replacementFix(doc, block, match.start, match.end, replacement);
}

export default defineFileRule({
  id: 'terminology',
  description: 'Use the glossary’s preferred terms: the words the config’s `glossary` lists to avoid are flagged and fixed.',
  principle: ['uniform-across-branches', 'clear-and-concise'],
  defaultSeverity: 'warn',
  fixable: true,
  languages: 'all',
  defaultOptions: {},
  optionsSchema: { type: 'object', additionalProperties: false, properties: {} },
  messages: {
    avoid: '“{words}” is not the glossary term: write “{preferred}”.',
  },
  check(doc, context) {
    const matcher = matcherFor(doc.lang, glossaryFor(context.config.glossary, doc.lang, context.config.lang));
    if (!matcher) return;
    const inflector = inflectorFor(doc.lang);
    for (const block of proseBlocks(doc, context.config)) {
      const tokens = tokensOf(block.text, doc.lang);
      if (tokens.length === 0) continue;
      const quoted = quotedSpansOfBlock(block, doc.lang);
      for (const match of matcher.find(tokens, block.text)) {
        const { entry } = match;
        if (entry.avoid === undefined || isInside(quoted, match.start)) continue;
        const words = block.text.slice(match.start, match.end);
        if (entry.caseSensitive && words.replace(/[’]/g, "'") !== entry.phrase) continue;
        const inflected = preferredForm(entry, words, inflector);
        const replacement = inflected === undefined ? undefined : withCase(words, inflected, block, match.start);
        context.report({
          messageId: 'avoid',
          data: { words: displayWords(words), preferred: replacement ?? entry.preferred },
          at: blockLocation(block, match.start, match.end),
          fix: replacement === undefined ? undefined : termFix(doc, block, tokens, match, replacement),
        });
      }
    }
  },
});
