import { englishLexicon } from './lexicon.js';
import type { Token } from './tokenize.js';
import {
  isAdverb,
  isComma,
  isDeterminer,
  isNegation,
  isNumber,
  isPreposition,
  isPunct,
  isSubordinator,
  isVerbBase,
  baseOfParticiple,
} from './word-classes.js';

/**
 * Where the main clause of a sentence starts, once what may come before it is skipped:
 * a label ("Note:", "Refunds:"), "Please", adverbs and negation ("Politely", "Never", "Do not"),
 * and intro clauses that end at a comma ("If the item is faulty,", "On the refunds screen,",
 * "To reset a password,", "Should the customer ask,").
 */
export interface ClauseStart {
  index: number;
  /** An intro clause with no comma to end it: where the main clause starts is a guess. */
  uncertain: boolean;
  /** A label ("**Root cause:**") was skipped: what follows is often a definition, not a sentence. */
  labelled?: boolean;
}

const INTRO_ADVERBS = new Set(['first', 'next', 'then', 'finally', 'also', 'otherwise', 'afterwards', 'alternatively', 'optionally', 'meanwhile', 'lastly', 'secondly', 'thirdly', 'again', 'now', 'instead', 'additionally', 'however', 'ideally']);

export function mainClauseStart(tokens: readonly Token[]): ClauseStart | undefined {
  const lex = englishLexicon();
  let i = 0;
  let labelled = false;
  for (let guard = 0; guard < 12; guard++) {
    i = skipPunctuation(tokens, i);
    const t = tokens[i];
    if (!t) return undefined;
    const next = tokens[i + 1];

    const colon = labelColon(tokens, i);
    if (colon !== undefined) {
      const labelIsVerb = isVerbBase(t.norm) && !lex.admonitions.has(t.norm) && !isNounPhraseLabel(tokens, i, colon);
      if (!labelIsVerb) {
        i = colon + 1;
        labelled = true;
        continue;
      }
    }
    // "That said," / "Having said that,": a linking idiom, not a past clause.
    if (t.norm === 'that' && next?.norm === 'said' && isComma(tokens[i + 2])) {
      i += 3;
      continue;
    }
    if (t.norm === 'please' || t.norm === 'kindly') {
      i++;
      continue;
    }
    if (t.norm === 'do' && isNegation(next)) {
      i += 2;
      continue;
    }
    if (t.norm === 'never' || (t.norm === 'not' && i === 0)) {
      i++;
      continue;
    }
    if ((INTRO_ADVERBS.has(t.norm) || isAdverb(t)) && isComma(next)) {
      i += 2;
      continue;
    }
    if (t.norm === 'if' && (next?.norm === 'so' || next?.norm === 'not' || next?.norm === 'needed' || next?.norm === 'necessary' || next?.norm === 'possible' || next?.norm === 'required')) {
      i += isComma(tokens[i + 2]) ? 3 : 2;
      continue;
    }
    const frame = timeFrameLength(tokens, i);
    if (frame > 0) {
      i += frame;
      if (isComma(tokens[i])) i++;
      continue;
    }
    if (startsIntroClause(tokens, i)) {
      const comma = introEnd(tokens, i + 1);
      if (comma === undefined) return { index: i, uncertain: true, labelled };
      i = comma + 1;
      continue;
    }
    // "Politely ask": skip the adverb; "Back up the files": an adverb that is also a verb is the verb.
    if (isAdverb(t) && t.norm !== 'there' && t.norm !== 'here' && (!isVerbBase(t.norm) || isVerbBase(next?.norm ?? ''))) {
      i++;
      continue;
    }
    return { index: i, uncertain: false, labelled };
  }
  return { index: i, uncertain: true, labelled };
}

/** A time or frequency phrase before a comma ("Every Monday,", "Each morning,", "24 hours later,"). */
function isFramePhrase(tokens: readonly Token[], i: number, maxLength = 5): boolean {
  const comma = nextComma(tokens, i + 1);
  if (comma === undefined || comma - i > maxLength) return false;
  const after = tokens[comma + 1];
  return !!after && isVerbBase(after.norm);
}

/**
 * A time frame at the start, with or without a comma: "Last year", "Every Monday", "This morning",
 * "In 2023", "On Sundays". Only when a subject or a verb follows, so "Last the session…" is not one.
 */
function timeFrameLength(tokens: readonly Token[], i: number): number {
  const { timeNouns } = englishLexicon();
  const t = tokens[i];
  const next = tokens[i + 1];
  if (!next) return 0;
  const isTime = (word: Token) => timeNouns.has(word.norm) || timeNouns.has(word.norm.replace(/s$/, ''));
  let length = 0;
  if (['last', 'next', 'this', 'every', 'each', 'that', 'same'].includes(t.norm) && isTime(next)) length = 2;
  else if (['in', 'on', 'during', 'since'].includes(t.norm) && (isTime(next) || (isNumber(next) && /^(19|20)\d\d$/.test(next.text)))) length = 2;
  if (length === 0) return 0;
  const after = tokens[i + length];
  return after && !isPreposition(after) ? length : 0;
}

function startsIntroClause(tokens: readonly Token[], i: number): boolean {
  const t = tokens[i];
  if (t.norm === 'so' || t.norm === 'otherwise') return false;
  const complex = englishLexicon().complexPrepositions.get(t.norm);
  if (complex && tokens[i + 1] && complex.has(tokens[i + 1].norm)) return true;
  // A participle phrase: "Using the scanner, scan…", "Having checked the ID, issue…".
  if (t.norm.endsWith('ing') && !isVerbBase(t.norm)) return isFramePhrase(tokens, i, 8);
  // "Given the amount, ask…", "Based on the receipt, choose…": a participle phrase ended by a comma.
  if (!isVerbBase(t.norm) && baseOfParticiple(t.norm)) return isFramePhrase(tokens, i, 8);
  if (isSubordinator(t) || t.norm === 'to' || isPreposition(t)) return true;
  if (i === 0 && t.norm === 'should') return nextComma(tokens, i + 1) !== undefined;
  if (t.norm === 'in' || t.norm === 'for') return true;
  if ((isDeterminer(t) || isNumber(t)) && isFramePhrase(tokens, i)) return true;
  return false;
}

function skipPunctuation(tokens: readonly Token[], i: number): number {
  while (i < tokens.length && isPunct(tokens[i])) {
    if (tokens[i].text === '(') {
      const close = nextCloseOf(tokens)[i];
      i = close === -1 ? i + 1 : close + 1;
    } else i++;
  }
  return i;
}

/** For each token, the index of the first ')' after it, or -1: one backward pass per sentence, so a run of unclosed '(' stays linear. */
const nextCloseCache = new WeakMap<readonly Token[], Int32Array>();
function nextCloseOf(tokens: readonly Token[]): Int32Array {
  let next = nextCloseCache.get(tokens);
  if (!next) {
    next = new Int32Array(tokens.length);
    let close = -1;
    for (let k = tokens.length - 1; k >= 0; k--) {
      next[k] = close;
      if (tokens[k].text === ')') close = k;
    }
    nextCloseCache.set(tokens, next);
  }
  return next;
}

/** Index of a ':' that ends a short label at the start ("Note:", "Refunds over $50:"). */
function labelColon(tokens: readonly Token[], i: number): number | undefined {
  for (let k = i + 1; k < Math.min(tokens.length - 1, i + 6); k++) {
    if (tokens[k].text === ':') return k;
    if (isPunct(tokens[k]) && tokens[k].text !== '-' && tokens[k].text !== '/') return undefined;
  }
  return undefined;
}

/** "Refund requests:" — more than one word before the colon with no determiner reads as a label. */
function isNounPhraseLabel(tokens: readonly Token[], i: number, colon: number): boolean {
  return colon - i > 1 && !tokens.slice(i + 1, colon).some((t) => isDeterminer(t));
}

/**
 * The comma that ends an intro clause: the first one after which a main clause can start. A comma
 * inside the clause's own list ("If the refund exceeds ₹10,000, £100 or €120, call…") is passed over.
 */
function introEnd(tokens: readonly Token[], from: number): number | undefined {
  const first = nextComma(tokens, from);
  for (let comma = first; comma !== undefined; comma = nextComma(tokens, comma + 1)) {
    const after = tokens[skipPunctuation(tokens, comma + 1)];
    if (after && !isNumber(after) && !['or', 'and', 'nor'].includes(after.norm)) return comma;
  }
  return first;
}

/** The next comma in the same clause, if any (a semicolon or colon ends the search). */
export function nextComma(tokens: readonly Token[], from: number): number | undefined {
  for (let k = from; k < tokens.length; k++) {
    if (isComma(tokens[k])) return k;
    if (tokens[k].kind === 'punct' && /^[;:.!?]$/.test(tokens[k].text)) return undefined;
  }
  return undefined;
}
