import { automatedReadability } from 'automated-readability';
import { colemanLiau } from 'coleman-liau';
import { daleChall } from 'dale-chall';
import { daleChallFormula, daleChallGradeLevel } from 'dale-chall-formula';
import { flesch } from 'flesch';
import { gunningFog } from 'gunning-fog';
import { smogFormula } from 'smog-formula';
import { spache } from 'spache';
import { spacheFormula } from 'spache-formula';
import { syllable } from 'syllable';
import { defineFileRule } from '../../src/rules/define.js';
import { lexicalSentences } from '../../src/lexical/tokens.js';
import { blockLocation, type ProseBlock } from '../../src/text/prose.js';

interface Options {
  /** Highest acceptable US school grade. */
  maxGrade: number;
  /** Paragraphs with fewer words are not scored: the formulas are unreliable on a line or two. */
  minWords: number;
  /** Share of the seven formulas that must put the paragraph above `maxGrade`. */
  agreement: number;
}

const EASY_WORDS = new Set(daleChall);
const FAMILIAR_WORDS = new Set(spache);

export interface ParagraphGrades {
  words: number;
  /** US grade by each formula, in retext-readability's order. */
  grades: number[];
}

/**
 * The seven formulas retext-readability runs on each sentence, run here on a whole paragraph (its real
 * sentence count), each converted to a US school grade. Counts follow retext-readability: syllables by
 * `syllable`, difficult and unfamiliar words by the Dale–Chall and Spache lists.
 */
export function paragraphGrades(words: readonly string[], sentences: number): ParagraphGrades {
  let syllables = 0;
  let letters = 0;
  let polysyllabic = 0;
  let complexPolysyllabic = 0;
  const easy = new Set<string>();
  const familiar = new Set<string>();
  for (const word of words) {
    const lower = word.toLowerCase();
    const count = syllable(word);
    syllables += count;
    letters += word.length;
    if (count >= 3) {
      polysyllabic++;
      // Gunning fog leaves out proper nouns; like retext-readability, a capital marks one.
      if (word[0] === lower[0]) complexPolysyllabic++;
    }
    if (EASY_WORDS.has(lower)) easy.add(lower);
    if (FAMILIAR_WORDS.has(lower)) familiar.add(lower);
  }
  const counts = {
    sentence: Math.max(1, sentences),
    word: words.length,
    syllable: syllables,
    character: letters,
    letter: letters,
    polysillabicWord: polysyllabic,
    complexPolysillabicWord: complexPolysyllabic,
    difficultWord: words.length - easy.size,
    unfamiliarWord: words.length - familiar.size,
  };
  const grades = [
    automatedReadability(counts),
    colemanLiau(counts),
    daleChallGradeLevel(daleChallFormula(counts))[1],
    // Flesch gives reading ease (0-100, higher is easier); retext-readability maps it to an age, here a grade.
    15 - Math.floor(flesch(counts) / 10),
    gunningFog(counts),
    smogFormula(counts),
    spacheFormula(counts),
  ];
  return { words: words.length, grades: grades.map((grade) => (Number.isFinite(grade) ? grade : 0)) };
}

function median(values: number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  const middle = Math.floor(sorted.length / 2);
  return sorted.length % 2 ? sorted[middle] : (sorted[middle - 1] + sorted[middle]) / 2;
}

/** Past grade 18 the formulas only say "very hard": one 45-word sentence scores 30. */
const TOP_GRADE = 18;

function gradeLabel(grade: number): string {
  return grade >= TOP_GRADE ? `${TOP_GRADE}+` : String(Math.round(grade));
}

export default defineFileRule({
  id: 'readability',
  description: 'Opt-in: each paragraph reads at or below a school grade (option `maxGrade`, default 12), by the formulas of retext-readability.',
  principle: ['clear-and-concise', 'short-simple-procedures'],
  defaultSeverity: 'off',
  languages: ['en'],
  defaultOptions: { maxGrade: 12, minWords: 30, agreement: 4 / 7 } as Options,
  optionsSchema: {
    type: 'object',
    additionalProperties: false,
    properties: {
      maxGrade: { type: 'number', minimum: 1 },
      minWords: { type: 'integer', minimum: 1 },
      agreement: { type: 'number', exclusiveMinimum: 0, maximum: 1 },
    },
  },
  messages: {
    hard: 'This paragraph reads at grade {grade} ({over} of 7 formulas put it above grade {max}): use shorter sentences and plainer words.',
  },
  check(doc, context) {
    const { maxGrade, minWords, agreement } = context.options;
    const byBlock = new Map<ProseBlock, { words: string[]; sentences: number }>();
    for (const { block, tokens } of lexicalSentences(doc, context.config)) {
      if (block.kind !== 'paragraph') continue;
      const entry = byBlock.get(block) ?? { words: [], sentences: 0 };
      for (const token of tokens) entry.words.push(token.text);
      entry.sentences++;
      byBlock.set(block, entry);
    }
    for (const [block, { words, sentences }] of byBlock) {
      if (words.length < minWords) continue;
      const { grades } = paragraphGrades(words, sentences);
      const over = grades.filter((grade) => grade > maxGrade).length;
      if (over / grades.length < agreement) continue;
      context.report({
        messageId: 'hard',
        data: { grade: gradeLabel(median(grades)), over, max: maxGrade },
        at: blockLocation(block, 0, block.text.length),
      });
    }
  },
});
