import { englishLexicon, pluralOf } from './lexicon.js';
import type { Token } from './tokenize.js';

/**
 * What the lexical path can say about one token without a tagger. Each question answers for the
 * reading the grammar rules need; a word that could be either (a noun/verb like "check") says so,
 * and the caller decides whether the difference matters enough to ask the tagger.
 */
const lex = englishLexicon;

export const isPunct = (t: Token | undefined): boolean => t?.kind === 'punct';
export const isComma = (t: Token | undefined): boolean => t?.kind === 'punct' && (t.text === ',' || t.text === '，');
/** Punctuation that ends or splits a phrase (not a currency sign or a slash inside one). */
export const isClausePunct = (t: Token | undefined): boolean => t?.kind === 'punct' && /^[,;:.!?()[\]"“”«»—–]$/.test(t.text);

export function isDeterminer(t: Token | undefined): boolean {
  return !!t && (lex().determiners.has(t.norm) || t.norm === "'s");
}
export function isSubjectPronoun(t: Token | undefined): boolean {
  return !!t && lex().subjectPronouns.has(t.norm);
}
export function isObjectPronoun(t: Token | undefined): boolean {
  return !!t && lex().objectPronouns.has(t.norm);
}
export function isPreposition(t: Token | undefined): boolean {
  return !!t && lex().prepositions.has(t.norm);
}
export function isSubordinator(t: Token | undefined): boolean {
  return !!t && lex().subordinators.has(t.norm);
}
export function isRelative(t: Token | undefined): boolean {
  return !!t && lex().relatives.has(t.norm);
}
export function isCoordinator(t: Token | undefined): boolean {
  return !!t && lex().coordinators.has(t.norm);
}
export function isModal(t: Token | undefined): boolean {
  return !!t && (lex().modals.has(t.norm) || t.norm === 'cannot' || t.norm === "'d");
}

/** "Will" and "May" with a capital inside a sentence are a name and a month ("Email Will in Payroll"). */
export function isNameLikeModal(t: Token | undefined, index: number): boolean {
  return !!t && index > 0 && t.capitalized && (t.norm === 'will' || t.norm === 'may');
}

/** A word in a preposition slot that is a noun after a determiner ("the till will print"). */
export function isNounAfterDeterminer(tokens: readonly Token[], k: number): boolean {
  return k > 0 && isDeterminer(tokens[k - 1]);
}

const DEMONSTRATIVES = new Set(['this', 'that', 'these', 'those']);
const WILL_NOUN_MODIFIERS = new Set(["'s", 'free', 'good', 'ill']);

/**
 * "will" at token `k` is the noun, not the auxiliary: after a determiner ("their will", "a will"), a
 * possessive or "free/good/ill will", and after a preposition ("at will", "against the will of").
 * Not after a demonstrative used as the subject ("That will depend on the branch": a verb follows),
 * nor after a preposition that is a noun ("the till will print") or the particle of a phrasal-verb
 * noun ("The follow up will take place", "The roll out will start").
 */
export function isWillNoun(tokens: readonly Token[], k: number): boolean {
  const prev = tokens[k - 1];
  if (!prev) return false;
  const next = tokens[k + 1];
  if (DEMONSTRATIVES.has(prev.norm) && !!next && next.kind === 'word' && !next.capitalized && !isPreposition(next) && !isDeterminer(next)) return false;
  if (isDeterminer(prev) || WILL_NOUN_MODIFIERS.has(prev.norm)) return true;
  // "as will be shown", "more than will fit": "as"/"than" stand for the subject of the future ("at will" is the noun).
  if ((prev.norm === 'as' || prev.norm === 'than') && !!next && next.kind === 'word' && (isVerbBase(next.norm) || isNegation(next))) return false;
  if (!isPreposition(prev)) return false;
  if (isNounAfterDeterminer(tokens, k - 1)) return false;
  const verb = tokens[k - 2];
  const phrasalNoun = !!verb && verb.kind === 'word' && isVerbBase(verb.norm) && (k - 2 === 0 || isDeterminer(tokens[k - 3]));
  return !phrasalNoun;
}
export function isBe(t: Token | undefined): boolean {
  return !!t && lex().be.has(t.norm);
}
export function isFiniteBe(t: Token | undefined): boolean {
  return !!t && ['am', 'is', 'are', 'was', 'were'].includes(t.norm);
}
export function isHave(t: Token | undefined): boolean {
  return !!t && lex().have.has(t.norm);
}
export function isDo(t: Token | undefined): boolean {
  return !!t && lex().do.has(t.norm);
}
export function isGet(t: Token | undefined): boolean {
  return !!t && lex().get.has(t.norm);
}
export function isNegation(t: Token | undefined): boolean {
  return !!t && lex().negations.has(t.norm);
}
const NUMBER_WORDS = new Set(['one', 'two', 'three', 'four', 'five', 'six', 'seven', 'eight', 'nine', 'ten', 'eleven', 'twelve', 'fifteen', 'twenty', 'thirty', 'forty', 'fifty', 'sixty', 'hundred', 'thousand', 'dozen', 'first', 'second', 'third']);

/** A numeral or a number word ("3", "three"). */
export function isNumber(t: Token | undefined): boolean {
  return t?.kind === 'number' || (!!t && NUMBER_WORDS.has(t.norm));
}

/** "then", "always", "automatically": words that sit inside a verb group without changing it. */
export function isAdverb(t: Token | undefined): boolean {
  if (!t || t.kind !== 'word') return false;
  const { adverbs, notAdverbsInLy } = lex();
  if (adverbs.has(t.norm)) return true;
  return t.norm.length > 4 && t.norm.endsWith('ly') && !notAdverbsInLy.has(t.norm);
}

/** A word of an open class (noun, verb, adjective): not a function word, number or punctuation. */
export function isContentWord(t: Token | undefined): boolean {
  if (!t || t.kind !== 'word') return false;
  return !(
    isDeterminer(t) || isSubjectPronoun(t) || isObjectPronoun(t) || isPreposition(t) || isSubordinator(t) ||
    isCoordinator(t) || isModal(t) || isBe(t) || isHave(t) || isDo(t) || isNegation(t) || t.norm === 'to'
  );
}

/** The base form when `word` is a verb's base form in the lexicon. */
export function isVerbBase(word: string): boolean {
  return lex().verbs.has(word);
}
export function isNounVerb(word: string): boolean {
  return lex().nounVerbs.has(word);
}
export function isAdjectiveVerb(word: string): boolean {
  return lex().adjectiveVerbs.has(word);
}

/** Base of a 3rd person singular present form ("checks" → "check", "replies" → "reply"), if the base is a verb. */
export function baseOfThirdPerson(word: string): string | undefined {
  if (!word.endsWith('s') || word.endsWith('ss') || word.length < 3) return undefined;
  const candidates = [word.slice(0, -1)];
  if (word.endsWith('ies')) candidates.push(`${word.slice(0, -3)}y`);
  if (word.endsWith('es')) candidates.push(word.slice(0, -2));
  return candidates.find((candidate) => isVerbBase(candidate) && pluralOf(candidate) === word);
}

/** Base of an -ed form ("approved" → "approve", "transferred" → "transfer"), by the lexicon, else by spelling rules. */
export function baseOfEd(word: string): string | undefined {
  if (!/ed$/.test(word) || word.length < 4 || lex().notParticiples.has(word)) return undefined;
  const stem = word.slice(0, -2);
  // "routed": both "rout" and "route" are verbs; the -e form is the likelier one ("rated", "noted", "coded").
  const candidates = [`${stem}e`, stem];
  if (/ied$/.test(word)) candidates.unshift(`${word.slice(0, -3)}y`);
  if (/([bdfgklmnprtvz])\1$/.test(stem)) candidates.push(stem.slice(0, -1));
  const known = candidates.find((candidate) => isVerbBase(candidate));
  if (known) return known;
  if (/eed$/.test(word)) return undefined;
  // Unknown verbs ("reassigned", "geotagged"): strip by the usual spelling rules.
  if (/ied$/.test(word)) return `${word.slice(0, -3)}y`;
  if (/([bdgkmnprt])\1$/.test(stem) && !/(ll|ss|ff|zz)$/.test(stem)) return stem.slice(0, -1);
  if (/(at|it|et|ut|iz|is|yz|ys|v|u|c|g|dg|rs|ns|ps|ls)$/.test(stem) && !/(ait|eat|oat|mit|ect|ist|ast|est|ost|ect)$/.test(stem)) return `${stem}e`;
  return stem;
}

/** Base of a past participle, regular or irregular ("sent" → "send", "approved" → "approve"). */
export function baseOfParticiple(word: string): string | undefined {
  return lex().irregularParticiples.get(word) ?? (lex().irregularPasts.has(word) ? undefined : baseOfEd(word));
}

/** Base of a simple past form, regular or irregular ("sent" → "send", "went" → "go"). */
export function baseOfPast(word: string): string | undefined {
  return lex().irregularPasts.get(word) ?? (lex().irregularBases.has(word) ? undefined : baseOfEd(word));
}

/** Past form that is never a participle ("went", "took", "gave"). */
export function isPastOnly(word: string): boolean {
  const { irregularPasts, irregularParticiples } = lex();
  return irregularPasts.has(word) && !irregularParticiples.has(word);
}

/** Irregular verbs whose base, past and participle are the same word ("put", "read", "set"). */
export function isInvariantPast(word: string): boolean {
  const entry = lex().irregularBases.get(word);
  return !!entry && entry.past === word;
}

/** The 3rd person singular of a base ("check" → "checks", "be" → "is", "have" → "has"). */
export function thirdPerson(base: string): string {
  if (base === 'be') return 'is';
  if (base === 'have') return 'has';
  if (base === 'do') return 'does';
  if (base === 'go') return 'goes';
  return pluralOf(base);
}

/** Upper-cases the first letter: "check" → "Check". */
export function capitalise(word: string): string {
  return word.charAt(0).toUpperCase() + word.slice(1);
}

/** A word that reads as a plural noun or a plural pronoun subject ("agents", "we", "staff"). */
export function isPluralSubject(t: Token | undefined): boolean {
  if (!t) return false;
  if (['i', 'you', 'we', 'they', 'these', 'those', 'staff', 'people', 'both', 'all'].includes(t.norm)) return true;
  return /[^s]s$/.test(t.norm) && !/(ss|us|is|ics|news|series|status|process|address|business)$/.test(t.norm);
}

export function personNoun(word: string): boolean {
  return lex().personNouns.has(word);
}

export function staffNoun(word: string): boolean {
  return lex().staffNouns.has(word);
}
