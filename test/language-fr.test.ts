import { describe, expect, it } from 'vitest';
import frenchPack from '../languages/fr/pack.js';
import presentTense from '../languages/fr/checks/present-tense.js';
import passiveVoice from '../languages/fr/checks/passive-voice.js';
import stepImperative from '../languages/fr/checks/step-imperative.js';
import weakModal from '../languages/fr/checks/weak-modal.js';
import { quotedSpans } from '../src/lexical/quotations.js';
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


const prepare = (text: string) => frenchPack.prepare({ blockText: text, start: 0, end: text.length, quotes: quotedSpans(text) });
const spans = (findings: Array<{ start: number; end: number }>, text: string) => findings.map((f) => text.slice(f.start, f.end));

describe('French checks: patterns and their near misses', () => {
  const tense = (text: string) => spans(presentTense(prepare(text), {}), text);
  const passive = (text: string) => spans(passiveVoice(prepare(text), { statives: [] }), text);
  const step = (text: string) => stepImperative(prepare(text), { stepVerbs: [] }).length > 0;
  const modal = (text: string) => spans(weakModal(prepare(text), { roles: new Set(), optative: false }), text);

  it('present-tense: futures and past main verbs, not their lookalikes', () => {
    expect(tense('Un conseiller rappellera le client dans l\'heure.')).toEqual(['rappellera']);
    expect(tense('Le superviseur va le vérifier demain.')).toEqual(['va le vérifier']);
    expect(tense('Lorsque vous aurez terminé, envoyez le rapport.')).toEqual(['aurez terminé']);
    expect(tense('Le client avait déjà payé la facture.')).toEqual(['avait déjà payé']);
    expect(tense('Le client est resté en ligne.')).toEqual(['est resté']);
    // Near misses: motion, imperative of aller, recent past, past in a subordinate clause, avoir + noun, quotes.
    expect(tense('Le livreur va à l\'entrepôt.')).toEqual([]);
    expect(tense('Allez chercher le colis.')).toEqual([]);
    expect(tense('Le client vient de signaler une panne.')).toEqual([]);
    expect(tense('Demandez au client s\'il a conservé l\'emballage.')).toEqual([]);
    expect(tense('Le conseiller a besoin de l\'accord du client.')).toEqual([]);
    expect(tense('Cela prend une minute.')).toEqual([]);
    expect(tense('Dites : « Nous vous rappellerons. »')).toEqual([]);
    expect(tense('Transférez l\'appel et vérifiez la caméra.')).toEqual([]);
  });

  it('passive-voice: être + participle, not states, être-verbs or participles without être', () => {
    expect(passive('Les retours ne sont acceptés que sur présentation du ticket.')).toEqual(['sont acceptés']);
    expect(passive('Les réclamations sont généralement traitées en une semaine.')).toEqual(['sont généralement traitées']);
    expect(passive('La caisse a été comptée par le responsable.')).toEqual(['a été comptée']);
    expect(passive('La porte est fermée par le dernier agent.')).toEqual(['est fermée']);
    expect(passive('La porte doit être fermée à 18 h.')).toEqual(['être fermée']);
    expect(passive('La porte est fermée le dimanche.')).toEqual([]);
    expect(passive('Le client est parti sans signer.')).toEqual([]);
    expect(passive('Classez les dossiers traités.')).toEqual([]);
    expect(passive('Faites vérifier le chèque par un second agent.')).toEqual([]);
    expect(passive('Il est important de saluer le client.')).toEqual([]);
  });

  it('passive-voice: the statives option adds states', () => {
    const text = 'Le badge est activé.';
    expect(spans(passiveVoice(prepare(text), { statives: ['activé'] }), text)).toEqual([]);
    expect(passive(text)).toEqual(['est activé']);
  });

  it('step-imperative: -ez and infinitive steps after intro clauses; subjects, impersonals and nouns are flagged', () => {
    for (const text of ['Prenez l\'appel.', 'Le cas échéant, contacter le transporteur.', 'Une fois le colis reçu, vérifiez son contenu.', 'Ne pas interrompre le client.', 'Merci de renseigner le motif.', 'Plier le vêtement et le placer dans la housse.', 'Acceptez-le quand même.']) {
      expect(step(text), text).toBe(false);
    }
    for (const text of ['Le technicien remplace la pièce.', 'On vérifie l\'identité.', 'Il faut vérifier l\'adresse.', 'Traitement des réclamations écrites.', 'Vérifier chaque facture permet d\'éviter les litiges.', 'Chaque matin, le responsable ouvre la caisse.']) {
      expect(step(text), text).toBe(true);
    }
  });

  it('weak-modal: devrait and il faudrait always, pourrait only with a person', () => {
    expect(modal('Le responsable devrait valider les remises.')).toEqual(['devrait']);
    expect(modal('Il faudrait prévenir le client.')).toEqual(['Il faudrait']);
    expect(modal('Il serait préférable de rappeler le client.')).toEqual(['Il serait préférable de']);
    expect(modal('Le conseiller pourrait proposer un échange.')).toEqual(['pourrait']);
    expect(modal('La livraison pourrait prendre plus de temps.')).toEqual([]);
    expect(modal('Le conseiller doit saisir le motif.')).toEqual([]);
    expect(modal('Les agents peuvent accorder un délai.')).toEqual([]);
  });
});
