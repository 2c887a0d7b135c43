import { defineFileRule } from '../../src/rules/define.js';
import { languagesWithData, readLanguageData } from '../../src/lexical/language-data.js';
import { phraseListOptionsSchema } from '../../src/lexical/options-schema.js';
import { perLanguageAndSettings } from '../../src/lexical/per-settings.js';
import { PhraseMatcher, type PhraseEntry } from '../../src/lexical/phrase-matcher.js';
import { displayWords } from '../../src/lexical/normalise.js';
import { isInside } from '../../src/lexical/quotations.js';
import { lexicalSentences, type Token as LexicalToken } from '../../src/lexical/tokens.js';
import { wordClassesFor } from '../../src/lexical/word-classes.js';
import { blockLocation } from '../../src/text/prose.js';

const LIST = 'vague-standards';

interface VagueStandard extends PhraseEntry {
  kind?: 'time' | 'frequency';
  suggestion?: string;
}

interface VagueStandardsData {
  suggestions: { time: string; frequency: string };
  standards: VagueStandard[];
  measurableCues: string[];
  /** Verbs of what happens: a vague word next to one states a fact, unless a duty cue is in the sentence. */
  factVerbs?: string[];
  dutyCues?: string[];
  /** Negations: a vague word right after one describes a shortfall ("are not frequently refreshed"), unless a duty cue is in the sentence. */
  factNegations?: string[];
  /** Labels that open a description of a fault ("**Problem**: the pod gets evicted frequently"). */
  factLabels?: string[];
  /** Names that contain a vague word ("periodic safety update report"): a document or a category, not a standard. */
  names?: string[];
}

interface Options {
  /** Extra vague words or phrases: a string, or `{phrase, kind}` to get the time or frequency suggestion. */
  add: Array<string | { phrase: string; kind?: 'time' | 'frequency'; suggestion?: string }>;
  /** Listed phrases not to flag. */
  remove: string[];
}

/** How many words away a verb of what happens may be from the vague word it describes. */
const FACT_DISTANCE = 3;
const GENERIC_SUGGESTION = 'give a number, for example “within 60 seconds” or “every Monday”';

interface Matchers {
  standards: PhraseMatcher<VagueStandard>;
  cues: PhraseMatcher<PhraseEntry>;
  facts: PhraseMatcher<PhraseEntry>;
  duties: PhraseMatcher<PhraseEntry>;
  names: PhraseMatcher<PhraseEntry>;
  negations: Set<string>;
  labels: Set<string>;
  data: VagueStandardsData;
}

const matchersFor = perLanguageAndSettings((lang: string, options: Options): Matchers | undefined => {
  const data = readLanguageData<VagueStandardsData>(lang, LIST);
  if (!data) return undefined;
  const removed = new Set(options.remove.map((phrase) => phrase.toLowerCase()));
  const added = options.add.map((item) => (typeof item === 'string' ? { phrase: item } : item));
  const standards = [...data.standards, ...added].filter((entry) => !removed.has(entry.phrase.toLowerCase()));
  const classes = wordClassesFor(lang);
  return {
    standards: new PhraseMatcher(standards, classes),
    cues: new PhraseMatcher(data.measurableCues.map((phrase) => ({ phrase })), classes),
    facts: new PhraseMatcher((data.factVerbs ?? []).map((phrase) => ({ phrase })), classes),
    duties: new PhraseMatcher((data.dutyCues ?? []).map((phrase) => ({ phrase })), classes),
    names: new PhraseMatcher((data.names ?? []).map((phrase) => ({ phrase })), classes),
    negations: new Set(data.factNegations ?? []),
    labels: new Set(data.factLabels ?? []),
    data,
  };
});

export default defineFileRule({
  id: 'measurable-standard',
  description: 'Time and frequency standards are measurable: no “promptly”, “soon” or “regularly” without a number in the same sentence.',
  principle: 'measurable-standards',
  defaultSeverity: 'warn',
  languages: languagesWithData(LIST),
  defaultOptions: { add: [], remove: [] } as Options,
  optionsSchema: phraseListOptionsSchema({ kind: { enum: ['time', 'frequency'] }, suggestion: { type: 'string' } }),
  messages: {
    vague: '“{words}” cannot be checked: {suggestion}.',
  },
  check(doc, context) {
    const matchers = matchersFor(doc.lang, context.options);
    if (!matchers) return;
    for (const { block, tokens, quoted } of lexicalSentences(doc, context.config)) {
      const names = matchers.names.find(tokens, block.text);
      const found = matchers.standards
        .find(tokens, block.text)
        .filter((match) => !isInside(quoted, match.start))
        .filter((match) => !names.some((name) => match.first >= name.first && match.last <= name.last) && !inTitleCaseName(tokens, block.text, match));
      if (found.length === 0) continue;
      // A cue inside a vague phrase ("once in a while") does not make the sentence measurable.
      const covered = (index: number) => found.some((match) => index >= match.first && index <= match.last);
      const cues = matchers.cues.find(tokens, block.text).filter((cue) => !covered(cue.first));
      if (cues.length > 0) continue;
      // "Customers frequently ask about delivery": how often something happens, not what anyone must meet.
      // A verb that opens the sentence is an instruction ("Ask the customer promptly"), not a fact.
      const facts = matchers.facts.find(tokens, block.text);
      const statesDuty = matchers.duties.find(tokens, block.text).length > 0;
      // "Status updates are not frequently refreshed", "**Problem**: the pod gets evicted frequently":
      // a shortfall or a fault described, not a standard set.
      const describesFault = !statesDuty && tokens.length > 1 && matchers.labels.has(tokens[0].lower) && /^[\s*_]*:/.test(block.text.slice(tokens[0].end));
      const negated = (match: (typeof found)[number]) => tokens.slice(Math.max(0, match.first - FACT_DISTANCE), match.first).some((token) => matchers.negations.has(token.lower));
      const isFact = (match: (typeof found)[number]) =>
        !statesDuty && (describesFault || negated(match) || facts.some((fact) => fact.first > 0 && fact.last >= match.first - FACT_DISTANCE && fact.first <= match.last + FACT_DISTANCE));
      for (const match of found) {
        if (isFact(match)) continue;
        const { entry } = match;
        const suggestion = entry.suggestion ?? (entry.kind ? matchers.data.suggestions[entry.kind] : GENERIC_SUGGESTION);
        context.report({
          messageId: 'vague',
          data: { words: displayWords(block.text.slice(match.start, match.end)), suggestion },
          at: blockLocation(block, match.start, match.end),
        });
      }
    }
  },
});

/**
 * A capitalised one-word match followed, after spaces only, by another capitalised word is part of a
 * name or a title ("the Periodic Safety Update Report", "**Periodic Rotation:**"), not a standard.
 * Scripts without letter case never match.
 */
function inTitleCaseName(tokens: readonly LexicalToken[], text: string, match: { first: number; last: number; start: number; end: number }): boolean {
  const next = tokens[match.last + 1];
  if (match.first !== match.last || !next) return false;
  return /^\p{Lu}/u.test(text.slice(match.start, match.end)) && /^\p{Lu}\p{Ll}/u.test(next.text) && /^[\s*_]*$/.test(text.slice(match.end, next.start));
}
