import { formOf } from './lexicon.js';
import type { FrenchSentence } from './sentence.js';
import type { FrenchToken } from './tokenize.js';
import { FINITE, frenchWords, hasReading, isClauseBreak, isMentAdverb, readings } from './words.js';

export type ImperativeVerdict =
  | { kind: 'imperative' }
  | { kind: 'not-imperative'; first: number; last: number; suggestion?: string };

/** Verbs that never become a step's instruction by a rewrite: auxiliaries and modals ("Le conseiller doit…"). */
const NO_REWRITE = new Set(['être', 'avoir', 'devoir', 'pouvoir', 'falloir', 'aller', 'venir', 'vouloir', 'savoir']);

/**
 * Whether the first sentence of a step is an instruction: after any intro clause ("Si le colis est
 * endommagé, …") and adverbs, an imperative in -ez / -ons or an irregular one (faites, soyez,
 * veuillez), or an infinitive (the French instructional form: "Vérifier le reçu"), which must not be
 * the subject of a later verb ("Vérifier chaque reçu permet d'éviter les litiges").
 */
export function imperativeVerdict(sentence: FrenchSentence, stepVerbs: ReadonlySet<string>): ImperativeVerdict {
  const tokens = sentence.own;
  const words = frenchWords();
  if (tokens.length === 0) return { kind: 'imperative' };
  let i = mainClauseStart(sentence);
  // "Ne jamais divulguer", "Toujours demander", "Merci de renseigner", "Puis, cliquez".
  while (i < tokens.length && (words.stepAdverbs.has(tokens[i].norm) || (isMentAdverb(tokens[i]) && !hasReading(tokens[i], ['Y', 'W'])) || isClauseBreak(tokens[i])) && !isVerbStart(tokens[i], stepVerbs)) i++;
  const first = tokens[i];
  if (!first) return { kind: 'imperative' };
  if (stepVerbs.has(first.norm)) return { kind: 'imperative' };
  if (hasReading(first, ['Y']) && readings(first).some((r) => r.tense === 'Y' && (r.slot === 4 || r.slot === 3))) return { kind: 'imperative' };
  if (hasReading(first, ['W'])) {
    const verb = verbAfterSubjectInfinitive(sentence, i);
    // "Vérifier chaque reçu permet…": the finding spans the infinitive subject and its verb.
    return verb < 0 ? { kind: 'imperative' } : { kind: 'not-imperative', first: i, last: verb };
  }
  return notImperative(sentence, i);
}

function isVerbStart(token: FrenchToken, stepVerbs: ReadonlySet<string>): boolean {
  if (stepVerbs.has(token.norm)) return true;
  // "Bien" and "Plus" are adverbs, but an -ez or infinitive form is the verb itself.
  return readings(token).some((r) => (r.tense === 'Y' && r.slot === 4) || r.tense === 'W');
}

/** The first own token of the main clause: after intro clauses that end at a comma. */
function mainClauseStart(sentence: FrenchSentence): number {
  const tokens = sentence.own;
  const words = frenchWords();
  let i = 0;
  for (let guard = 0; guard < 4; guard++) {
    const comma = tokens.findIndex((t, k) => k >= i && t.punct && t.text === ',');
    if (comma < 0) return i;
    const opener = tokens[i];
    const segment = tokens.slice(i, comma);
    const intro =
      words.introWords.has(opener.norm) ||
      // "Le lundi, …", "Le cas échéant, …": a short noun phrase with no finite verb.
      (words.determiners.has(opener.norm) && segment.length <= 4 && !segment.slice(1).some((t) => hasReading(t, FINITE) && !words.determiners.has(tokens[tokens.indexOf(t) - 1]?.norm ?? ''))) ||
      // "Une fois la commande validée, …": a participle clause.
      (segment.length <= 6 && segment.some((t) => t.norm === 'fois'));
    if (!intro || isVerbStart(opener, new Set())) return i;
    i = comma + 1;
  }
  return i;
}

/** The third-person verb (not a noun) that follows an initial infinitive in its clause, before any subordinator: the infinitive is its subject. -1 when there is none. */
function verbAfterSubjectInfinitive(sentence: FrenchSentence, at: number): number {
  const tokens = sentence.own;
  const words = frenchWords();
  for (let k = at + 1; k < tokens.length; k++) {
    const token = tokens[k];
    if (isClauseBreak(token) || words.subordinators.has(token.norm) || ['et', 'puis', 'ou', 'ensuite'].includes(token.norm)) return -1;
    const previous = tokens[k - 1];
    if (words.determiners.has(previous.norm) || words.prepositions.has(previous.norm) || words.objectPronouns.has(previous.norm)) continue;
    if (readings(token).some((r) => r.tense === 'P' && (r.slot === 2 || r.slot === 5)) && !hasReading(token, ['W', 'K'])) return k;
  }
  return -1;
}

/** The finding for a step that is not an instruction, with the -ez rewrite when a subject and a present verb open it. */
function notImperative(sentence: FrenchSentence, at: number): ImperativeVerdict {
  const tokens = sentence.own;
  const words = frenchWords();
  // "Le conseiller vérifie l'adresse" / "Vous vérifiez l'adresse" → "Vérifiez l'adresse".
  let k = at;
  // Only a personal subject: "Il faut…", "Il est…" are impersonal and have no imperative.
  if (['vous', 'nous', 'on', 'je', "j'", 'tu'].includes(tokens[k].norm)) {
    k++;
  } else if (words.determiners.has(tokens[k].norm)) {
    k++;
    while (k < tokens.length && k - at <= 3 && !tokens[k].punct && !hasReading(tokens[k], FINITE)) k++;
    if (k - at < 2) k = -1;
  } else {
    k = -1;
  }
  const verb = k >= 0 ? tokens[k] : undefined;
  const reading = verb && !readings(verb).some((r) => NO_REWRITE.has(r.lemma)) ? readings(verb).find((r) => r.tense === 'P') : undefined;
  if (verb && reading && !hasReading(verb, ['W', 'K']) && words.determiners.has(tokens[k - 1]?.norm ?? '') === false) {
    const imperative = formOf(reading.lemma, 'Y', 4);
    if (imperative) return { kind: 'not-imperative', first: at, last: k, suggestion: imperative[0].toUpperCase() + imperative.slice(1) };
  }
  const last = verb ? k : Math.min(at + 1, tokens.length - 1);
  return { kind: 'not-imperative', first: at, last: isClauseBreak(tokens[last]) ? at : last };
}
