import { fillers } from 'fillers';
import { hedges } from 'hedges';
import { weasels } from 'weasels';
import { defineFileRule } from '../../src/rules/define.js';
import { languagesWithData, readLanguageData } from '../../src/lexical/language-data.js';
import { phraseListOptionsSchema } from '../../src/lexical/options-schema.js';
import { perLanguageAndSettings } from '../../src/lexical/per-settings.js';
import { PhraseMatcher, type PhraseEntry } from '../../src/lexical/phrase-matcher.js';
import { displayWords } from '../../src/lexical/normalise.js';
import { isInside } from '../../src/lexical/quotations.js';
import { lexicalSentences } from '../../src/lexical/tokens.js';
import { wordClassesFor } from '../../src/lexical/word-classes.js';
import { blockLocation } from '../../src/text/prose.js';

const LIST = 'weasel-words';

type KeptReading = Omit<PhraseEntry, 'phrase'> & { kind: string };

interface WeaselEntry extends PhraseEntry {
  kind: string;
}

interface WeaselWordsData {
  /** `retext-intensify`: start from its list (the fillers, hedges and weasels packages). */
  base?: 'retext-intensify';
  kinds: Record<string, { why: string; fix: string }>;
  /** Upstream phrases kept, with their kind and guards; a list gives readings that are each flagged. */
  keep: Record<string, KeptReading | KeptReading[]>;
  /** Upstream phrases dropped, grouped by reason. */
  remove: Array<{ reason: string; phrases: string[] }>;
  /** Phrases the upstream list lacks. */
  add: WeaselEntry[];
}

interface Options {
  add: Array<string | { phrase: string; why?: string; fix?: string }>;
  remove: string[];
}

/** Kind given to upstream phrases the data neither keeps nor removes (a newer retext-intensify list). */
const UPSTREAM_KIND = 'upstream';
const CUSTOM_KIND = 'custom';

/** retext-intensify's own list, exactly as it builds it. */
export const retextIntensifyPhrases: readonly string[] = [...new Set([...fillers, ...hedges, ...weasels])].sort();

export function weaselEntries(data: WeaselWordsData, options: Options): WeaselEntry[] {
  const removed = new Set([...data.remove.flatMap((group) => group.phrases), ...options.remove].map((p) => p.toLowerCase()));
  const optionRemoved = new Set(options.remove.map((p) => p.toLowerCase()));
  const upstream = data.base === 'retext-intensify' ? retextIntensifyPhrases : [];
  const entries: WeaselEntry[] = [];
  for (const phrase of upstream) {
    if (removed.has(phrase)) continue;
    const readings = data.keep[phrase] ?? { kind: UPSTREAM_KIND };
    for (const reading of Array.isArray(readings) ? readings : [readings]) entries.push({ phrase, ...reading });
  }
  for (const entry of data.add) if (!optionRemoved.has(entry.phrase.toLowerCase())) entries.push(entry);
  for (const item of options.add) entries.push(typeof item === 'string' ? { phrase: item, kind: CUSTOM_KIND } : { ...item, kind: CUSTOM_KIND });
  return entries;
}

const matcherFor = perLanguageAndSettings((lang: string, options: Options) => {
  const data = readLanguageData<WeaselWordsData>(lang, LIST);
  if (!data) return undefined;
  return { matcher: new PhraseMatcher<WeaselEntry & { why?: string; fix?: string }>(weaselEntries(data, options), wordClassesFor(lang)), data };
});

export default defineFileRule({
  id: 'weasel-words',
  description: 'No hedges, fillers or intensifiers (“basically”, “perhaps”, “very”, “just”): state the rule plainly.',
  principle: 'clear-and-concise',
  defaultSeverity: 'warn',
  languages: languagesWithData(LIST),
  defaultOptions: { add: [], remove: [] } as Options,
  optionsSchema: phraseListOptionsSchema({ why: { type: 'string' }, fix: { type: 'string' } }),
  messages: {
    weasel: '“{words}” {why}: {fix}.',
  },
  check(doc, context) {
    const cached = matcherFor(doc.lang, context.options);
    if (!cached) return;
    const { matcher, data } = cached;
    const customDefault = data.kinds[UPSTREAM_KIND] ?? { why: 'is a weasel word', fix: 'delete it' };
    for (const { block, tokens, quoted } of lexicalSentences(doc, context.config)) {
      for (const match of matcher.find(tokens, block.text)) {
        if (isInside(quoted, match.start)) continue;
        const { entry } = match;
        const kind = data.kinds[entry.kind] ?? customDefault;
        context.report({
          messageId: 'weasel',
          data: { words: displayWords(block.text.slice(match.start, match.end)), why: entry.why ?? kind.why, fix: entry.fix ?? kind.fix },
          at: blockLocation(block, match.start, match.end),
        });
      }
    }
  },
});
