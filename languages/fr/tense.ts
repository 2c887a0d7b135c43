import { formOf } from './lexicon.js';
import type { FrenchSentence } from './sentence.js';
import { frenchWords, hasReading, isMentAdverb, readingOf } from './words.js';
import type { FrenchToken } from './tokenize.js';

export interface TenseMatch {
  kind: 'future' | 'past';
  first: number;
  last: number;
  /** The present-tense form to write instead, when it is certain. */
  present?: string;
}

const ALLER_PRESENT = new Set(['vais', 'vas', 'va', 'allons', 'allez', 'vont']);
const AVOIR_FINITE = new Set(['ai', 'as', 'a', 'avons', 'avez', 'ont', 'avais', 'avait', 'avions', 'aviez', 'avaient', 'eus', 'eut', 'eûmes', 'eûtes', 'eurent']);
const ETRE_FINITE = new Set(['suis', 'es', 'est', 'sommes', 'êtes', 'sont', 'étais', 'était', 'étions', 'étiez', 'étaient', 'fus', 'fut', 'fûmes', 'fûtes', 'furent']);
/** Places and directions after aller: motion, not the futur proche ("va au guichet"). */
const MOTION = new Set(['à', 'au', 'aux', 'en', 'chez', 'vers', 'jusqu\'', 'dans', 'sur', 'y', 'bien', 'mal', 'mieux', 'de', 'du', 'des', 'avec', 'par']);

/** Future (futur simple, futur antérieur, aller + infinitive) and past main verbs of a sentence's own words. */
export function findTenseProblems(sentence: FrenchSentence): TenseMatch[] {
  const tokens = sentence.own;
  const words = frenchWords();
  const matches: TenseMatch[] = [];
  const skipGaps = (from: number, gaps: ReadonlySet<string>) => {
    let k = from;
    while (k < tokens.length && k - from < 3 && (gaps.has(tokens[k].norm) || (isMentAdverb(tokens[k]) && !hasReading(tokens[k], ['K'])))) k++;
    return k;
  };
  /** A determiner or preposition before it makes a verb-looking word a noun ("l'aura", "de passage"). */
  const afterDeterminer = (i: number) => i > 0 && (words.determiners.has(tokens[i - 1].norm) || words.prepositions.has(tokens[i - 1].norm)) && !words.objectPronouns.has(tokens[i - 1].norm);
  /** The main clause's verb: not after que, qui, si, lorsque… in its clause. */
  // The latest subordinator of each clause so far: one pass, so a long clause costs linear time.
  const subordinated: boolean[] = [];
  tokens.forEach((token, k) => {
    const start = sentence.clauseStart(k);
    subordinated.push(k > start && (subordinated[k - 1] || words.subordinators.has(tokens[k - 1].norm)));
  });
  const inSubordinate = (i: number) => subordinated[i];
  let i = 0;
  while (i < tokens.length) {
    const token = tokens[i];
    if (token.punct) {
      i++;
      continue;
    }
    // aller + (ne, pronouns) + infinitive, not at the start of a clause (the imperative "Allez chercher").
    if (ALLER_PRESENT.has(token.norm) && i > sentence.clauseStart(i) && !afterDeterminer(i)) {
      let k = i + 1;
      while (k < tokens.length && k - i <= 3 && (words.objectPronouns.has(tokens[k].norm) || ['ne', "n'", 'pas', 'bien', 'tout', 'donc', 'aussi', 'également', 'ensuite'].includes(tokens[k].norm))) k++;
      const infinitive = readingOf(tokens[k], ['W']);
      if (infinitive && !MOTION.has(tokens[i + 1]?.norm ?? '')) {
        const aller = readingOf(token, ['P'], 'aller');
        const present = aller ? formOf(infinitive.lemma, 'P', aller.slot) : undefined;
        matches.push({ kind: 'future', first: i, last: k, present });
        i = k + 1;
        continue;
      }
    }
    // Auxiliary avoir: passé composé / plus-que-parfait (past) or futur antérieur (future).
    if ((AVOIR_FINITE.has(token.norm) || hasReading(token, ['F'], 'avoir')) && !afterDeterminer(i)) {
      const k = skipGaps(i + 1, words.auxiliaryGaps);
      const participle = tokens[k];
      if (participle && hasReading(participle, ['K']) && !words.determiners.has(participle.norm)) {
        const last = participle.norm === 'été' && hasReading(tokens[k + 1], ['K']) ? k + 1 : k;
        if (hasReading(token, ['F'], 'avoir')) {
          matches.push({ kind: 'future', first: i, last });
        } else if (!inSubordinate(i)) {
          matches.push({ kind: 'past', first: i, last, present: presentOfPerfect(token, tokens, k, last) });
        }
        i = last + 1;
        continue;
      }
    }
    // Finite être + participle of an être-verb: passé composé ("est arrivé"), not a passive.
    if (ETRE_FINITE.has(token.norm) && !inSubordinate(i)) {
      const k = skipGaps(i + 1, words.auxiliaryGaps);
      const participle = readingOf(tokens[k], ['K']);
      if (participle && words.etreVerbs.has(participle.lemma) && !isImperfect(token)) {
        const aux = readingOf(token, ['P', 'J']);
        matches.push({ kind: 'past', first: i, last: k, present: aux ? formOf(participle.lemma, 'P', aux.slot) : undefined });
        i = k + 1;
        continue;
      }
      if (participle && words.etreVerbs.has(participle.lemma) && isImperfect(token)) {
        matches.push({ kind: 'past', first: i, last: k });
        i = k + 1;
        continue;
      }
    }
    // Futur simple: a future form that is no present, infinitive, participle or imperative.
    const future = readingOf(token, ['F']);
    if (future && !hasReading(token, ['P', 'W', 'K', 'Y', 'I']) && !afterDeterminer(i)) {
      const present = formOf(future.lemma, 'P', future.slot);
      matches.push({ kind: 'future', first: i, last: i, present });
      i++;
      continue;
    }
    // Passé simple of the main clause: a J form that is no other form ("vérifia", "clôtura").
    const simple = readingOf(token, ['J']);
    if (simple && !hasReading(token, ['P', 'W', 'K', 'Y', 'S', 'I', 'F', 'C']) && !afterDeterminer(i) && !inSubordinate(i) && i > 0) {
      matches.push({ kind: 'past', first: i, last: i, present: formOf(simple.lemma, 'P', simple.slot) });
      i++;
      continue;
    }
    i++;
  }
  return matches;
}

const isImperfect = (token: FrenchToken) => hasReading(token, ['I'], 'être');

/** "a vérifié" → "vérifie"; "a été transmis" → "est transmis"; none for the plus-que-parfait. */
function presentOfPerfect(aux: FrenchToken, tokens: readonly FrenchToken[], participleIndex: number, last: number): string | undefined {
  const reading = readingOf(aux, ['P'], 'avoir');
  if (!reading) return undefined;
  if (last > participleIndex) {
    const etre = formOf('être', 'P', reading.slot);
    return etre ? `${etre} ${tokens[last].text}` : undefined;
  }
  const participle = readingOf(tokens[participleIndex], ['K']);
  return participle ? formOf(participle.lemma, 'P', reading.slot) : undefined;
}

