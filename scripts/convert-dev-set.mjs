#!/usr/bin/env node
// Converts the shared labelled development set (one {text, labels, note?} per line, labels
// passive/future/past/imperative/hedge) into the accuracy-test format of test/accuracy/:
// {text, context, expect, note?}, where expect lists the rule ids that must fire.
//
//   node scripts/convert-dev-set.mjs ../shared/eval/sentences-dev.jsonl test/accuracy/sentences-dev.jsonl
//
// Mapping:
// - passive → passive-voice; future → present-tense.
// - past → present-tense only when the past verb is the main verb. In this set that is exactly the
//   past lines that are not instructions: in "Document the steps you took" or "Refund orders that
//   arrived damaged" the past verb sits in a relative or reported clause under an imperative, which
//   present-tense leaves alone by definition. Each past line was reviewed; REVIEW records it.
// - imperative = false → step-imperative: every line is evaluated as a procedure step.
// - hedge → weak-modal, except permission "may" and might/could/would with a thing as subject;
//   "shall" (labelled not a hedge) → weak-modal, which flags it as a weak obligation.
// - weasel-words and wordy-phrase: none of this set's lines contains a listed word or phrase.
import { readFileSync, writeFileSync } from 'node:fs';

const [input, output] = process.argv.slice(2);
if (!input || !output) {
  console.error('usage: node scripts/convert-dev-set.mjs INPUT.jsonl OUTPUT.jsonl');
  process.exit(2);
}

/** Hand review of the lines the mechanical mapping cannot decide: text → decision. */
const REVIEW = {
  'You may offer a discount to repeat customers.': { weakModal: false, note: 'permission "may" is not flagged by weak-modal' },
  'Refunds may not exceed the original payment.': { weakModal: false, note: 'permission "may" is not flagged by weak-modal' },
  "Agents may not disclose another customer's details.": { weakModal: false, note: 'permission "may" is not flagged by weak-modal' },
  'Calls could be transferred to the night team if needed.': { weakModal: false, note: 'could with a thing (calls) as subject is a possibility, not flagged' },
  'It might be necessary to restart the router.': { weakModal: false, note: 'might with "it" as subject is a possibility, not flagged' },
  'The refund might take up to ten days.': { weakModal: false, note: 'might with a thing (the refund) as subject is a possibility, not flagged' },
  'The agent might need to escalate the case.': { weakModal: true, note: 'might with a role (the agent) as subject' },
  'The customer could ask for a manager at any time.': { weakModal: true, note: 'could with a person (the customer) as subject' },
  'Agents could offer a voucher instead of a refund.': { weakModal: true, note: 'could with a role (agents) as subject' },
  'You might want to check the spam folder.': { weakModal: true, note: 'might with "you" as subject' },
  'Agents shall record every refund in the ledger.': { weakModal: true, note: '"shall" is not labelled a hedge, but weak-modal flags it as a weak obligation' },
};

const lines = readFileSync(input, 'utf8').split('\n').filter((line) => line.trim() !== '');
const out = [];
for (const line of lines) {
  const { text, labels, note } = JSON.parse(line);
  const expect = new Set();
  const notes = note ? [note] : [];
  if (labels.passive) expect.add('passive-voice');
  if (labels.future) expect.add('present-tense');
  if (labels.past) {
    if (!labels.imperative) expect.add('present-tense');
    else notes.push('past verb is in a subordinate or reported clause under the imperative: present-tense does not flag it');
  }
  if (!labels.imperative) expect.add('step-imperative');
  const review = REVIEW[text];
  const hedge = review && 'weakModal' in review ? review.weakModal : labels.hedge;
  if (hedge) expect.add('weak-modal');
  if (review) notes.push(review.note);
  const order = ['present-tense', 'passive-voice', 'step-imperative', 'weak-modal', 'weasel-words', 'wordy-phrase'];
  const entry = { text, context: 'step', expect: order.filter((id) => expect.has(id)) };
  if (notes.length > 0) entry.note = notes.join('; ');
  out.push(JSON.stringify(entry));
}
const unused = Object.keys(REVIEW).filter((text) => !lines.some((line) => JSON.parse(line).text === text));
if (unused.length > 0) {
  console.error(`REVIEW entries match no line: ${unused.join(' | ')}`);
  process.exit(1);
}
writeFileSync(output, out.join('\n') + '\n');
console.log(`wrote ${out.length} lines to ${output}`);
