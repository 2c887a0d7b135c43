#!/usr/bin/env node
// Converts the Hindi or Marathi lines of the shared multilingual development set ({id, lang, text,
// labels, gloss, note?}, labels future/past/passive/weak_modal/imperative/weasel/wordy/vague_standard)
// into the accuracy-test format of test/accuracy/: {text, context, expect, gloss, note?}.
//
//   node scripts/convert-dev-set-hi-mr.mjs ../shared/eval/sentences-dev-multilingual.jsonl test/accuracy/sentences-dev.hi.jsonl hi
//   node scripts/convert-dev-set-hi-mr.mjs ../shared/eval/sentences-dev-multilingual.jsonl test/accuracy/sentences-dev.mr.jsonl mr
//   node scripts/convert-dev-set-hi-mr.mjs ../shared/eval/sentences-dev-multilingual.jsonl test/accuracy/sentences-dev-past.hi.jsonl hi --past
//
// Every line is evaluated as a procedure step. Mapping, for the default configuration of the Hindi
// and Marathi packs:
// - future → present-tense. The past (main verb) is opt-in in both languages (`present-tense:
//   [warn, { past: true }]`), so `past` is not mapped, unless --past is given: then the output holds
//   only present-tense expectations (future or past), for a set run with `{ past: true }`;
// - passive → passive-voice; weak_modal → weak-modal (the Marathi optative -आवे counts as weak in the
//   set's convention, so the Marathi set runs with `weak-modal: { optative: true }`);
// - imperative = false → step-imperative; weasel → weasel-words; wordy → wordy-phrase;
//   vague_standard → measurable-standard.
// A null (ambiguous) label would be scored as "must stay silent", so a line with one is refused.
import { readFileSync, writeFileSync } from 'node:fs';

const args = process.argv.slice(2);
const past = args.includes('--past');
const [input, output, lang] = args.filter((arg) => arg !== '--past');
if (!input || !output || !['hi', 'mr'].includes(lang)) {
  console.error('usage: node scripts/convert-dev-set-hi-mr.mjs INPUT.jsonl OUTPUT.jsonl hi|mr [--past]');
  process.exit(2);
}

const RULE_OF = { future: 'present-tense', passive: 'passive-voice', weak_modal: 'weak-modal', weasel: 'weasel-words', wordy: 'wordy-phrase', vague_standard: 'measurable-standard' };
const ORDER = ['present-tense', 'passive-voice', 'step-imperative', 'weak-modal', 'weasel-words', 'wordy-phrase', 'measurable-standard'];

const out = [];
for (const line of readFileSync(input, 'utf8').split('\n')) {
  if (line.trim() === '') continue;
  const { id, lang: lineLang, text, labels, gloss, note } = JSON.parse(line);
  if (lineLang !== lang) continue;
  if (Object.values(labels).some((value) => value === null)) {
    console.error(`${id}: has an ambiguous (null) label; decide it here before converting`);
    process.exit(1);
  }
  const expect = new Set();
  if (past) {
    if (labels.future || labels.past) expect.add('present-tense');
  } else {
    for (const [label, rule] of Object.entries(RULE_OF)) if (labels[label]) expect.add(rule);
    if (!labels.imperative) expect.add('step-imperative');
  }
  const entry = { text: text.normalize('NFC'), context: 'step', expect: ORDER.filter((rule) => expect.has(rule)), gloss };
  if (note) entry.note = note;
  out.push(JSON.stringify(entry));
}
writeFileSync(output, out.join('\n') + '\n');
console.log(`wrote ${out.length} lines to ${output}`);
