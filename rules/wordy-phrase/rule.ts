import { defineFileRule } from '../../src/rules/define.js';
import { matchCase } from '../../src/lexical/casing.js';
import { languagesWithData, readLanguageData } from '../../src/lexical/language-data.js';
import { perLanguageAndSettings } from '../../src/lexical/per-settings.js';
import { PhraseMatcher, type PhraseEntry } from '../../src/lexical/phrase-matcher.js';
import { displayWords } from '../../src/lexical/normalise.js';
import { isInside } from '../../src/lexical/quotations.js';
import { replacementFix } from '../../src/lexical/replacement-fix.js';
import { lexicalSentences } from '../../src/lexical/tokens.js';
import { wordClassesFor } from '../../src/lexical/word-classes.js';
import { blockLocation } from '../../src/text/prose.js';

const LIST = 'wordy-phrases';

export interface WordyPhrase extends PhraseEntry {
  replacement: string;
  /** Shown instead of the replacement when there is more than one good rewrite. */
  suggest?: string;
  /** `false` when the rewrite depends on the sentence: reported, never fixed. */
  fix?: boolean;
}

interface Options {
  /** Extra phrases: wordy phrase → plain replacement. */
  add: Record<string, string>;
  /** Listed phrases not to flag. */
  remove: string[];
}

export function wordyPhrases(lang: string, options: Options): WordyPhrase[] | undefined {
  const data = readLanguageData<{ phrases: WordyPhrase[] }>(lang, LIST);
  if (!data) return undefined;
  const removed = new Set(options.remove.map((phrase) => phrase.toLowerCase()));
  const added = Object.entries(options.add).map(([phrase, replacement]) => ({ phrase, replacement }));
  const addedKeys = new Set(added.map((entry) => entry.phrase.toLowerCase()));
  return [...data.phrases.filter((entry) => !addedKeys.has(entry.phrase.toLowerCase())), ...added].filter(
    (entry) => !removed.has(entry.phrase.toLowerCase()),
  );
}

const matcherFor = perLanguageAndSettings((lang: string, options: Options): PhraseMatcher<WordyPhrase> | undefined => {
  const phrases = wordyPhrases(lang, options);
  return phrases ? new PhraseMatcher(phrases, wordClassesFor(lang)) : undefined;
});

export default defineFileRule({
  id: 'wordy-phrase',
  description: 'Wordy phrases have plain replacements (“in order to” → “to”, “prior to” → “before”); `--fix` applies them.',
  principle: 'clear-and-concise',
  defaultSeverity: 'warn',
  fixable: true,
  languages: languagesWithData(LIST),
  defaultOptions: { add: {}, remove: [] } as Options,
  optionsSchema: {
    type: 'object',
    additionalProperties: false,
    properties: {
      add: { type: 'object', additionalProperties: { type: 'string' } },
      remove: { type: 'array', items: { type: 'string' } },
    },
  },
  messages: {
    wordy: '“{words}” is wordy: write {suggestion}.',
  },
  check(doc, context) {
    const matcher = matcherFor(doc.lang, context.options);
    if (!matcher) return;
    for (const { block, tokens, quoted } of lexicalSentences(doc, context.config)) {
      for (const match of matcher.find(tokens, block.text)) {
        if (isInside(quoted, match.start)) continue;
        const { entry } = match;
        const words = block.text.slice(match.start, match.end);
        const replacement = matchCase(words, entry.replacement);
        context.report({
          messageId: 'wordy',
          data: { words: displayWords(words), suggestion: entry.suggest ?? `“${replacement}”` },
          at: blockLocation(block, match.start, match.end),
          fix: entry.fix === false ? undefined : replacementFix(doc, block, match.start, match.end, replacement),
        });
      }
    }
  },
});
