import { formOf, type VerbReading } from './lexicon.js';
import type { FrenchSentence } from './sentence.js';
import { frenchWords, hasReading, isClauseBreak, isMentAdverb, readingOf } from './words.js';

export interface PassiveMatch {
  /** Own-token indexes of the form of être and of the participle. */
  first: number;
  participle: number;
  reading: VerbReading;
  /** The agent after "par" (determiner through the end of its noun phrase), when there is one. */
  agent?: { first: number; last: number };
  /** Whether être is a finite present (est, sont): only then is an active rewrite certain. */
  presentAuxiliary: boolean;
}

const ETRE_FINITE = new Set(['suis', 'es', 'est', 'sommes', 'êtes', 'sont', 'étais', 'était', 'étions', 'étiez', 'étaient', 'serai', 'seras', 'sera', 'serons', 'serez', 'seront', 'serais', 'serait', 'serions', 'seriez', 'seraient', 'sois', 'soit', 'soyons', 'soyez', 'soient', 'fus', 'fut', 'fûmes', 'fûtes', 'furent', 'fût']);
/** être after a modal or as a perfect: the participle after it is verbal even when it can name a state. */
const ETRE_NONFINITE = new Set(['être', 'été']);
const PRESENT = new Set(['suis', 'es', 'est', 'sommes', 'êtes', 'sont']);

/** être + participle with a verbal reading, in the sentence's own words. */
export function findPassives(sentence: FrenchSentence, extraStatives: ReadonlySet<string>): PassiveMatch[] {
  const tokens = sentence.own;
  const words = frenchWords();
  const matches: PassiveMatch[] = [];
  for (let i = 0; i < tokens.length; i++) {
    const aux = tokens[i].norm;
    const finite = ETRE_FINITE.has(aux);
    if (!finite && !ETRE_NONFINITE.has(aux)) continue;
    // "peut-être" is one token; "soit dix jours" has no participle and so never matches.
    let k = i + 1;
    while (k < tokens.length && k - i <= 3 && (words.auxiliaryGaps.has(tokens[k].norm) || (isMentAdverb(tokens[k]) && !hasReading(tokens[k], ['K'])))) k++;
    const participle = tokens[k];
    const reading = readingOf(participle, ['K']);
    if (!reading || (aux === 'été' && hasReading(participle, ['K'], 'être'))) continue;
    // "a été" + participle is the passive; "est été" does not occur.
    if (finite && words.etreVerbs.has(reading.lemma)) continue;
    const agent = agentAfter(sentence, k + 1);
    const stative = words.statives.has(masculineSingular(reading)) || extraStatives.has(participle.norm) || extraStatives.has(masculineSingular(reading));
    if (finite && stative && !agent) continue;
    // "Il est important de", "est prêt": adjectives are not participles, and the lexicon has no K reading for them.
    // "a été transmis": the phrase starts at the auxiliary of the perfect.
    const first = aux === 'été' && i > 0 && hasReading(tokens[i - 1], ['P', 'I', 'F', 'C', 'S', 'W'], 'avoir') ? i - 1 : i;
    matches.push({ first, participle: k, reading, agent, presentAuxiliary: PRESENT.has(aux) && !tokens.slice(i + 1, k).some((t) => t.norm === 'ne' || t.norm === "n'") });
    i = k;
  }
  return matches;
}

/** The masculine singular of a participle reading ("fermées" → "fermé"), the key of the stative list. */
function masculineSingular(reading: VerbReading): string {
  return formOf(reading.lemma, 'K', 0) ?? '';
}

/** "par le responsable financier": par + a determiner + up to four words, to the next break or preposition. */
function agentAfter(sentence: FrenchSentence, from: number): { first: number; last: number } | undefined {
  const tokens = sentence.own;
  const words = frenchWords();
  let k = from;
  // The agent may follow an adverb or a place ("est validé automatiquement par…"): look a little ahead.
  while (k < tokens.length && k - from < 2 && tokens[k].norm !== 'par' && isMentAdverb(tokens[k])) k++;
  if (tokens[k]?.norm !== 'par') return undefined;
  const determiner = tokens[k + 1];
  if (!determiner || !words.determiners.has(determiner.norm)) return undefined;
  let last = k + 2;
  if (last >= tokens.length || tokens[last].punct) return undefined;
  while (last + 1 < tokens.length && last - k < 5 && !isClauseBreak(tokens[last + 1]) && !words.prepositions.has(tokens[last + 1].norm) && !words.subordinators.has(tokens[last + 1].norm) && !hasReading(tokens[last + 1], ['P', 'I', 'F', 'C', 'W'])) last++;
  return { first: k + 1, last };
}
