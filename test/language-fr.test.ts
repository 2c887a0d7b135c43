import { describe, expect, it } from 'vitest';
import { formOf, verbReadings } from '../languages/fr/lexicon.js';
import { tokenizeFrench } from '../languages/fr/tokenize.js';
import { tokensOf } from '../src/lexical/tokens.js';
import { sentencesOf } from '../src/text/sentences.js';
import { countWords } from '../src/text/words.js';

describe('French sentences and words', () => {
  it('does not end a sentence after a French abbreviation', () => {
    expect(sentencesOf('Saluez M. Dupont. Proposez un avoir, p. ex. un bon.', 'fr').map((s) => s.text)).toEqual(['Saluez M. Dupont.', 'Proposez un avoir, p. ex. un bon.']);
    expect(sentencesOf('Appelez Mme. Martin au tél. indiqué. Notez la réf. du dossier.', 'fr')).toHaveLength(2);
    expect(sentencesOf('Vérifiez le colis. Puis signez le bon !', 'fr')).toHaveLength(2);
  });

  it('counts an elided word with its word and a hyphenated compound as one word', () => {
    expect(countWords("Vérifiez l'identité du client aujourd'hui, peut-être par e-mail.", 'fr')).toBe(8);
    expect(countWords('Vérifiez l’identité', 'fr')).toBe(2);
  });

  it('splits elisions for the phrase lists, keeping offsets', () => {
    const text = "Afin d'éviter l'attente";
    expect(tokensOf(text, 'fr').map((t) => [t.lower, text.slice(t.start, t.end)])).toEqual([
      ['afin', 'Afin'],
      ["d'", "d'"],
      ['éviter', 'éviter'],
      ["l'", "l'"],
      ['attente', 'attente'],
    ]);
    expect(tokensOf("don't", 'en').map((t) => t.lower)).toEqual(["don't"]);
  });

  it('splits pronouns off an imperative but keeps compounds', () => {
    const text = 'Remettez-lui le rendez-vous, sera-t-il prêt ?';
    expect(tokenizeFrench(text, 0, text.length, []).filter((t) => !t.punct).map((t) => t.norm)).toEqual(['remettez', 'lui', 'le', 'rendez-vous', 'sera', 't', 'il', 'prêt']);
  });
});

describe('French verb lexicon', () => {
  it('reads forms by ending and stem, regular and irregular', () => {
    const read = (word: string) => verbReadings(word).map((r) => `${r.lemma}:${r.tense}${r.slot}`);
    expect(read('enverra')).toEqual(['envoyer:F2']);
    expect(read('transférez')).toEqual(['transférer:P4', 'transférer:Y4']);
    expect(read('commençons')).toEqual(['commencer:P3', 'commencer:Y3']);
    expect(read('seront')).toEqual(['être:F5']);
    expect(read('caméra')).toEqual([]);
    expect(read('sandra')).toEqual([]);
  });

  it('gives the form of a verb in a tense and person', () => {
    expect(formOf('envoyer', 'P', 2)).toBe('envoie');
    expect(formOf('recevoir', 'P', 4)).toBe('recevez');
    expect(formOf('vérifier', 'Y', 4)).toBe('vérifiez');
    expect(formOf('nonverbe', 'P', 2)).toBeUndefined();
  });
});
