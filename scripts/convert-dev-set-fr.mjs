#!/usr/bin/env node
// Converts the French lines of the shared multilingual development set ({id, lang, text, labels,
// gloss, note?}, labels future/past/passive/weak_modal/imperative/weasel/wordy/vague_standard) into
// the accuracy-test format of test/accuracy/: {text, context, expect, note?}.
//
//   node scripts/convert-dev-set-fr.mjs ../shared/eval/sentences-dev-multilingual.jsonl test/accuracy/sentences-dev.fr.jsonl
//
// Mapping (every line is evaluated as a procedure step):
// - future → present-tense; past → present-tense (the set labels past only for the main verb);
// - passive → passive-voice; weak_modal → weak-modal; imperative = false → step-imperative;
// - weasel → weasel-words; wordy → wordy-phrase; vague_standard → measurable-standard.
// A null label (ambiguous) drops the line from that rule's expectations: the line is then scored
// as if the rule must stay silent, so no French line of the set may have one (checked below).
import { readFileSync, writeFileSync } from 'node:fs';

const [input, output, lang = 'fr'] = process.argv.slice(2);
if (!input || !output) {
  console.error('usage: node scripts/convert-dev-set-fr.mjs INPUT.jsonl OUTPUT.jsonl [LANG]');
  process.exit(2);
}

const RULE_OF = { future: 'present-tense', past: 'present-tense', passive: 'passive-voice', weak_modal: 'weak-modal', weasel: 'weasel-words', wordy: 'wordy-phrase', vague_standard: 'measurable-standard' };
const ORDER = ['present-tense', 'passive-voice', 'step-imperative', 'weak-modal', 'weasel-words', 'wordy-phrase', 'measurable-standard'];

const out = [];
for (const line of readFileSync(input, 'utf8').split('\n')) {
  if (line.trim() === '') continue;
  const { id, lang: lineLang, text, labels, note } = JSON.parse(line);
  if (lineLang !== lang) continue;
  if (Object.values(labels).some((value) => value === null)) {
    console.error(`${id}: has an ambiguous (null) label; decide it here before converting`);
    process.exit(1);
  }
  const expect = new Set(Object.entries(RULE_OF).filter(([label]) => labels[label]).map(([, rule]) => rule));
  if (!labels.imperative) expect.add('step-imperative');
  const entry = { text, context: 'step', expect: ORDER.filter((rule) => expect.has(rule)) };
  if (note) entry.note = note;
  out.push(JSON.stringify(entry));
}
writeFileSync(output, out.join('\n') + '\n');
console.log(`wrote ${out.length} lines to ${output}`);
