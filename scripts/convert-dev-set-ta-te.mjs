#!/usr/bin/env node
// Converts labelled Tamil or Telugu sentences ({id, lang, text, labels, gloss, note?, context?}, labels
// future/past/passive/weak_modal/imperative/weasel/wordy/vague_standard, as in the shared multilingual
// development set) into two accuracy files of test/accuracy/ ({text, context, expect, gloss, note?}):
//
//   node scripts/convert-dev-set-ta-te.mjs INPUT.jsonl OUTPUT.jsonl LANG
//
// - OUTPUT.jsonl scores the checks that are on by default in Tamil and Telugu: passive → passive-voice,
//   weak_modal → weak-modal, imperative = false → step-imperative (steps only), weasel → weasel-words,
//   wordy → wordy-phrase, vague_standard → measurable-standard.
// - OUTPUT with `-future` before the language tag (sentences-dev-future.ta.jsonl) scores the opt-in
//   future check: future → present-tense, measured with `present-tense: { future: true }`. The past is
//   not checked in these languages, so the past label is not used.
// `context` defaults to "step" (every line of the shared set is a step). A null label (ambiguous) is
// refused: decide it in the input before converting.
//
// Used for ../shared/eval/sentences-dev-multilingual.jsonl (→ sentences-dev.ta.jsonl / .te.jsonl) and for
// the project-written test/accuracy/labelled-sop.ta.jsonl / .te.jsonl (→ sentences-sop.*.jsonl).
import { readFileSync, writeFileSync } from 'node:fs';

const [input, output, lang] = process.argv.slice(2);
if (!input || !output || !['ta', 'te'].includes(lang) || !output.endsWith(`.${lang}.jsonl`)) {
  console.error('usage: node scripts/convert-dev-set-ta-te.mjs INPUT.jsonl OUTPUT.LANG.jsonl ta|te');
  process.exit(2);
}

const DEFAULT_ON = { passive: 'passive-voice', weak_modal: 'weak-modal', weasel: 'weasel-words', wordy: 'wordy-phrase', vague_standard: 'measurable-standard' };
const ORDER = ['present-tense', 'passive-voice', 'step-imperative', 'weak-modal', 'weasel-words', 'wordy-phrase', 'measurable-standard'];

const main = [];
const future = [];
for (const [index, line] of readFileSync(input, 'utf8').split('\n').entries()) {
  if (line.trim() === '') continue;
  const { id, lang: lineLang, text, labels, gloss, note, context = 'step' } = JSON.parse(line);
  if (lineLang !== lang) continue;
  const where = `${input}:${index + 1} (${id})`;
  if (Object.values(labels).some((value) => value === null)) {
    console.error(`${where}: has an ambiguous (null) label; decide it before converting`);
    process.exit(1);
  }
  if (text.normalize('NFC') !== text) {
    console.error(`${where}: the text is not NFC`);
    process.exit(1);
  }
  const expect = new Set(Object.entries(DEFAULT_ON).filter(([label]) => labels[label]).map(([, rule]) => rule));
  if (context === 'step' && !labels.imperative) expect.add('step-imperative');
  const extra = { gloss, ...(note ? { note } : {}) };
  main.push(JSON.stringify({ text, context, expect: ORDER.filter((rule) => expect.has(rule)), ...extra }));
  future.push(JSON.stringify({ text, context, expect: labels.future ? ['present-tense'] : [], ...extra }));
}
const futureOutput = output.replace(new RegExp(`\\.${lang}\\.jsonl$`), `-future.${lang}.jsonl`);
writeFileSync(output, main.join('\n') + '\n');
writeFileSync(futureOutput, future.join('\n') + '\n');
console.log(`wrote ${main.length} lines to ${output} and ${futureOutput}`);
