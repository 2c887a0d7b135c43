import { formOf } from './lexicon.js';
import type { FrenchSentence } from './sentence.js';
import { frenchWords, readingOf } from './words.js';

export interface ModalMatch {
  first: number;
  last: number;
  /** What to write instead: the present of devoir, or "il faut". */
  firm: string;
  /** For a hedge (pourrait with a person as subject): the subject, and what "can" is for it. */
  subject?: string;
  can?: string;
}

/** "il serait bon de" and its kin: a hedged obligation whose firm form is "il faut". */
const SOFT_IMPERSONAL = new Set(['bon', 'préférable', 'souhaitable', 'judicieux', 'recommandé', 'conseillé', 'utile', 'opportun']);

/**
 * French weak obligations: the conditional of devoir (devrait, devriez…), il faudrait, il serait bon /
 * préférable de; and the conditional of pouvoir (pourrait, pourriez…) with a person or role as
 * subject. doit, il faut (must) and peut (can, may) are firm and never flagged.
 */
export function findWeakModals(sentence: FrenchSentence, roles: ReadonlySet<string>): ModalMatch[] {
  const tokens = sentence.own;
  const words = frenchWords();
  const matches: ModalMatch[] = [];
  for (let i = 0; i < tokens.length; i++) {
    const token = tokens[i];
    const devoir = readingOf(token, ['C'], 'devoir');
    if (devoir) {
      matches.push({ first: i, last: i, firm: formOf('devoir', 'P', devoir.slot) ?? 'doit' });
      continue;
    }
    if (token.norm === 'faudrait') {
      const first = tokens[i - 1]?.norm === 'il' ? i - 1 : i;
      matches.push({ first, last: i, firm: 'il faut' });
      continue;
    }
    if (token.norm === 'serait' && tokens[i - 1]?.norm === 'il' && SOFT_IMPERSONAL.has(tokens[i + 1]?.norm ?? '') && ['de', "d'"].includes(tokens[i + 2]?.norm ?? '')) {
      matches.push({ first: i - 1, last: i + 2, firm: 'il faut' });
      continue;
    }
    const pouvoir = readingOf(token, ['C'], 'pouvoir');
    if (pouvoir) {
      const subject = personSubject(sentence, i, roles);
      if (subject !== undefined) {
        const can = formOf('pouvoir', 'P', pouvoir.slot) ?? 'peut';
        matches.push({ first: i, last: i, firm: formOf('devoir', 'P', pouvoir.slot) ?? 'doit', subject, can });
      }
    }
  }
  return matches;
  function personSubject(s: FrenchSentence, at: number, people: ReadonlySet<string>): string | undefined {
    // "Vous pourriez", "Le conseiller ne pourrait", "Les agents du magasin pourraient".
    let k = at - 1;
    while (k >= 0 && ['ne', "n'", 'lui', 'leur', 'vous', 'nous', 'le', 'la', 'les', "l'", 'y', 'en'].includes(tokens[k].norm) && !(k === 0 || tokens[k - 1].punct) && k > at - 3) k--;
    for (let j = k; j >= 0 && j >= k - 3; j--) {
      const word = s.own[j];
      if (word.punct) return undefined;
      if (words.subjectPronouns.has(word.norm) && ['vous', 'nous', 'je', "j'", 'tu', 'on'].includes(word.norm)) return word.norm;
      if (words.personNouns.has(word.norm) || people.has(word.norm)) return s.span(s.own[Math.max(0, j - (words.determiners.has(s.own[j - 1]?.norm ?? '') ? 1 : 0))], word).toLowerCase();
      if (['il', 'elle', 'ils', 'elles', 'cela', 'ça', 'ce', 'c\''].includes(word.norm)) return undefined;
    }
    return undefined;
  }
}
