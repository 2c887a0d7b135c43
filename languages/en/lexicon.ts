import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { languageDataDir } from '../../src/paths.js';

/**
 * The English word lists (languages/en/data/*.json), read once per process on first use. Everything the
 * lexical path knows about words comes from here, so a list can be reviewed without reading code.
 */
export interface EnglishLexicon {
  determiners: Set<string>;
  subjectPronouns: Set<string>;
  objectPronouns: Set<string>;
  prepositions: Set<string>;
  subordinators: Set<string>;
  relatives: Set<string>;
  coordinators: Set<string>;
  modals: Set<string>;
  be: Set<string>;
  have: Set<string>;
  do: Set<string>;
  get: Set<string>;
  negations: Set<string>;
  adverbs: Set<string>;
  admonitions: Set<string>;
  notAdverbsInLy: Set<string>;
  notParticiples: Set<string>;
  /** Nouns that make a time frame with last/next/this/every ("Last year", "Every Monday"). */
  timeNouns: Set<string>;
  /** First word of a multi-word preposition → the words that may follow it ("prior" → to). */
  complexPrepositions: Map<string, Set<string>>;
  /** Base forms: the generated lexicon plus the step verbs. */
  verbs: Set<string>;
  nounVerbs: Set<string>;
  adjectiveVerbs: Set<string>;
  stepVerbs: Set<string>;
  /** Irregular participle or past form → base. */
  irregularParticiples: Map<string, string>;
  irregularPasts: Map<string, string>;
  /** Base → participle, for irregular verbs. */
  irregularBases: Map<string, { past: string; participle: string }>;
  statives: Map<string, string>;
  /** States of things that read as events after was/were. */
  presentOnlyStatives: Set<string>;
  stativePhrases: Map<string, string>;
  /** Participle + preposition pairs that open a reduced relative after a noun ('control based on'). */
  participlePhrases: Set<string>;
  /** Participles that join two nouns as an unhyphenated compound adjective ('networking related documentation'). */
  compoundParticiples: Set<string>;
  stativeAfterGet: Set<string>;
  reportVerbs: Set<string>;
  reportMarkers: Set<string>;
  /** People and roles (staff and others), singular and plural. */
  personNouns: Set<string>;
  /** The roles that read procedures: agent, staff, manager… */
  staffNouns: Set<string>;
  personPronouns: Set<string>;
}

let lexicon: EnglishLexicon | undefined;

function readData<T>(name: string): T {
  const path = join(languageDataDir('en'), name);
  try {
    return JSON.parse(readFileSync(path, 'utf8')) as T;
  } catch (error) {
    throw new Error(`sop: cannot read the English word list ${path}: ${(error as Error).message}`);
  }
}

export function englishLexicon(): EnglishLexicon {
  if (lexicon) return lexicon;
  const words = readData<Record<string, unknown>>('function-words.json');
  const set = (key: string) => new Set((words[key] as string[] | undefined) ?? []);
  const verbs = readData<{ verbs: string[]; nounVerbs: string[]; adjectiveVerbs: string[] }>('verbs.json');
  const stepVerbs = new Set(Object.values(readData<{ groups: Record<string, string[]> }>('step-verbs.json').groups).flat());
  const irregular = readData<{ verbs: Array<{ base: string; past: string; participle: string; alsoPast?: string[]; alsoParticiple?: string[] }> }>('irregular-verbs.json');
  const statives = readData<{ words: Record<string, string>; presentOnly: string[]; phrases: Record<string, string>; afterGet: string[] }>('stative-participles.json');
  const reports = readData<{ verbs: string[]; markers: string[] }>('report-verbs.json');
  const persons = readData<{ staff: string[]; others: string[]; pronouns: string[] }>('person-nouns.json');
  const participles = readData<{ phrases: Record<string, string>; compoundAdjectives: string[] }>('participle-phrases.json');

  const irregularParticiples = new Map<string, string>();
  const irregularPasts = new Map<string, string>();
  const irregularBases = new Map<string, { past: string; participle: string }>();
  for (const verb of irregular.verbs) {
    irregularBases.set(verb.base, { past: verb.past, participle: verb.participle });
    for (const form of [verb.participle, ...(verb.alsoParticiple ?? [])]) irregularParticiples.set(form, verb.base);
    for (const form of [verb.past, ...(verb.alsoPast ?? [])]) irregularPasts.set(form, verb.base);
  }
  const reportVerbs = new Set<string>();
  for (const base of reports.verbs) for (const form of inflections(base, irregularBases)) reportVerbs.add(form);
  const withPlurals = (nouns: string[]) => new Set(nouns.flatMap((noun) => [noun, pluralOf(noun)]));
  const staffNouns = withPlurals(persons.staff);
  const personNouns = new Set([...staffNouns, ...withPlurals(persons.others)]);

  lexicon = {
    determiners: set('determiners'),
    subjectPronouns: set('subjectPronouns'),
    objectPronouns: set('objectPronouns'),
    prepositions: set('prepositions'),
    subordinators: set('subordinators'),
    relatives: set('relatives'),
    coordinators: set('coordinators'),
    modals: set('modals'),
    be: set('be'),
    have: set('have'),
    do: set('do'),
    get: set('get'),
    negations: set('negations'),
    adverbs: set('adverbs'),
    admonitions: set('admonitions'),
    notAdverbsInLy: set('notAdverbsInLy'),
    notParticiples: set('notParticiples'),
    timeNouns: set('timeNouns'),
    complexPrepositions: new Map(Object.entries((words.complexPrepositions as Record<string, string[]> | undefined) ?? {}).map(([head, next]) => [head, new Set(next)])),
    verbs: new Set([...verbs.verbs, ...stepVerbs, ...irregularBases.keys()]),
    nounVerbs: new Set(verbs.nounVerbs),
    adjectiveVerbs: new Set(verbs.adjectiveVerbs),
    stepVerbs,
    irregularParticiples,
    irregularPasts,
    irregularBases,
    statives: new Map(Object.entries(statives.words)),
    presentOnlyStatives: new Set(statives.presentOnly),
    stativePhrases: new Map(Object.entries(statives.phrases)),
    participlePhrases: new Set(Object.keys(participles.phrases)),
    compoundParticiples: new Set(participles.compoundAdjectives),
    stativeAfterGet: new Set(statives.afterGet),
    reportVerbs,
    reportMarkers: new Set(reports.markers),
    personNouns,
    staffNouns,
    personPronouns: new Set(persons.pronouns),
  };
  return lexicon;
}

/** "box" → "boxes", "reply" → "replies", "agent" → "agents" (also the 3rd person singular of a verb). */
export function pluralOf(word: string): string {
  if (/(s|x|z|ch|sh)$/.test(word)) return `${word}es`;
  if (/[^aeiou]y$/.test(word)) return `${word.slice(0, -1)}ies`;
  if (word === 'staff' || word === 'people') return word;
  return `${word}s`;
}

function inflections(base: string, irregular: Map<string, { past: string; participle: string }>): string[] {
  const forms = [base, pluralOf(base), ingOf(base)];
  const known = irregular.get(base);
  if (known) forms.push(known.past, known.participle);
  else forms.push(regularPast(base));
  return forms;
}

export function ingOf(base: string): string {
  if (/ie$/.test(base)) return `${base.slice(0, -2)}ying`;
  if (/[^aeiou]e$/.test(base) && base !== 'be') return `${base.slice(0, -1)}ing`;
  return `${base}ing`;
}

export function regularPast(base: string): string {
  if (/e$/.test(base)) return `${base}d`;
  if (/[^aeiou]y$/.test(base)) return `${base.slice(0, -1)}ied`;
  return `${base}ed`;
}
