import { defineFileRule } from '../../src/rules/define.js';
import { maxOptionSchema } from '../../src/lexical/options-schema.js';
import { wordClassesFor } from '../../src/lexical/word-classes.js';
import { lexicalSentences, type Token } from '../../src/lexical/tokens.js';
import { blockLocation } from '../../src/text/prose.js';

interface Options {
  max: number;
}

/** Fewer words than this on either side is not a useful place to split. */
const MIN_PART = 4;

/**
 * Where a long sentence splits cleanly: at a semicolon, or at a comma before a coordinating word
 * ("…, and …", "…, which …"), nearest the middle. Returns the word count before the split.
 */
function splitPoint(tokens: readonly Token[], text: string, lang: string): { after: string; words: number } | undefined {
  const classes = wordClassesFor(lang);
  let best: { after: string; words: number; distance: number } | undefined;
  for (let i = MIN_PART; i <= tokens.length - MIN_PART; i++) {
    const gap = text.slice(tokens[i - 1].end, tokens[i].start);
    const semicolon = /^\s*;\s*$/u.test(gap);
    const commaBeforeCoordinator = /^\s*,\s*$/u.test(gap) && classes.has('coordinator', tokens[i].lower);
    if (!semicolon && !commaBeforeCoordinator) continue;
    const distance = Math.abs(i - tokens.length / 2);
    if (!best || distance < best.distance) best = { after: tokens[i - 1].text, words: i, distance };
  }
  return best && { after: best.after, words: best.words };
}

export default defineFileRule({
  id: 'sentence-length',
  description: 'Sentences have at most 25 words (option `max`), in all body prose including steps and table cells.',
  principle: ['clear-and-concise', 'short-simple-procedures'],
  defaultSeverity: 'warn',
  languages: 'all',
  defaultOptions: { max: 25 } as Options,
  optionsSchema: maxOptionSchema,
  messages: {
    long: 'This sentence has {count} words (more than {max}): split it into shorter sentences.',
    longWithSplit: 'This sentence has {count} words (more than {max}): split it after “{after}” (word {words}).',
  },
  check(doc, context) {
    const { max } = context.options;
    for (const { block, sentence, tokens } of lexicalSentences(doc, context.config)) {
      if (tokens.length <= max) continue;
      const split = splitPoint(tokens, block.text, doc.lang);
      context.report({
        messageId: split ? 'longWithSplit' : 'long',
        data: { count: tokens.length, max, ...(split ?? {}) },
        at: blockLocation(block, sentence.start, sentence.end),
      });
    }
  },
});
