// Precision and recall of the prose rules on the labelled sets of test/accuracy/, in every language, through
// the same code path users hit: every line becomes a procedure step (context "step") or a paragraph under
// the Purpose heading (context "prose") of a generated document in the set's language (`lang:` in its
// frontmatter, the headings that language's sections.json accepts), the document is linted, and the rules
// that fired on each line are compared with its `expect`. Used by scripts/accuracy.mjs (`npm run accuracy`
// writes test/accuracy/RESULTS.md) and by test/accuracy.test.ts (compares and asserts; writes nothing).
// The caller hands in the engine it measures (`{ lint, loadConfig, loadRules, languageFile }`): the test
// passes the TypeScript sources, `npm run accuracy` the compiled dist/.
import { readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const packageRoot = join(dirname(fileURLToPath(import.meta.url)), '..');
export const accuracyDir = join(packageRoot, 'test', 'accuracy');
export const resultsPath = join(accuracyDir, 'RESULTS.md');

const GRAMMAR = ['present-tense', 'passive-voice', 'step-imperative', 'weak-modal', 'weasel-words', 'wordy-phrase'];
const ALL = [...GRAMMAR, 'measurable-standard'];
/** Tamil and Telugu: the checks on by default (present-tense is opt-in there: its future sets switch it on). */
const TA_TE_DEFAULT = ['passive-voice', 'step-imperative', 'weak-modal', 'weasel-words', 'wordy-phrase', 'measurable-standard'];
const TA_TE_FUTURE = { 'present-tense': { future: true } };

/**
 * The sets, the rules each one labels and the floor each rule must keep on it. The project-written sets
 * keep the floors they always had; the real-text halves carry issue 12's goal (precision 0.95, recall
 * 0.90) as `goal`, and as `floor` the lowest first score (before any fix), so no change may fall below it.
 * `cleanOnly`: rules a set has no positives for (its lines were written before the rule existed); there
 * the only figure is the false positives, which must be 0. `lang`: the language of the set's lines (default
 * en); a set in another language names the rules that language's pack checks by default, or that the set
 * switches on with `ruleOptions` (per rule id, the options an opt-in check needs, e.g. `{ future: true }`).
 * `heldOut`: a set kept for measurement only; its misses are not listed, so nobody tunes on them.
 */
export const SETS = [
  { name: 'dev', file: 'sentences-dev.jsonl', rules: GRAMMAR, cleanOnly: ['weasel-words', 'wordy-phrase'], floor: { precision: 0.9, recall: 0.85 } },
  { name: 'sop', file: 'sentences-sop.jsonl', rules: GRAMMAR, floor: { precision: 0.9, recall: 0.85 } },
  { name: 'extra', file: 'sentences-extra.jsonl', rules: GRAMMAR, cleanOnly: ['weasel-words', 'wordy-phrase'], floor: { precision: 0.9, recall: 0.85 } },
  { name: 'holdout', file: 'sentences-holdout.jsonl', rules: GRAMMAR, floor: { precision: 0.9, recall: 0.85 } },
  { name: 'real-dev', file: 'sentences-real-dev.jsonl', rules: ALL, floor: { precision: 0.4, recall: 0.6 }, goal: { precision: 0.95, recall: 0.9 } },
  { name: 'real-holdout', file: 'sentences-real-holdout.jsonl', heldOut: true, rules: ALL, floor: { precision: 0.4, recall: 0.6 }, goal: { precision: 0.95, recall: 0.9 } },
  { name: 'real-holdout2', file: 'sentences-real-holdout2.jsonl', heldOut: true, rules: ALL, floor: { precision: 0.7, recall: 0.6 }, goal: { precision: 0.95, recall: 0.9 } },
  // French (issue 10): every check of the French pack is on by default, so every rule carries the issue's floor.
  { name: 'fr-dev', lang: 'fr', file: 'sentences-dev.fr.jsonl', rules: ALL, floor: { precision: 0.9, recall: 0.8 } },
  { name: 'fr-sop', lang: 'fr', file: 'sentences-sop.fr.jsonl', rules: ALL, floor: { precision: 0.9, recall: 0.8 } },
  // Held out (written and labelled before the French rules, never tuned on): as for real-holdout, the floor is the
  // lowest first score rounded down (weak-modal recall 0.75, wordy-phrase recall 8/11, measurable-standard precision 7/8) and the
  // issue's target is the goal.
  { name: 'fr-natural', lang: 'fr', file: 'sentences-natural.fr.jsonl', heldOut: true, rules: ALL, floor: { precision: 0.87, recall: 0.72 }, goal: { precision: 0.9, recall: 0.8 } },
  // Tamil and Telugu: the shared development lines (scripts/convert-dev-set-ta-te.mjs) and the project-written
  // SOP lines of labelled-sop.*.jsonl (labelled before the rules ran on them); the opt-in future on its own files.
  { name: 'dev', lang: 'ta', file: 'sentences-dev.ta.jsonl', rules: TA_TE_DEFAULT, floor: { precision: 0.9, recall: 0.8 } },
  { name: 'sop', lang: 'ta', file: 'sentences-sop.ta.jsonl', rules: TA_TE_DEFAULT, floor: { precision: 0.9, recall: 0.8 } },
  { name: 'dev-future', lang: 'ta', file: 'sentences-dev-future.ta.jsonl', rules: ['present-tense'], ruleOptions: TA_TE_FUTURE, floor: { precision: 0.9, recall: 0.5 } },
  { name: 'sop-future', lang: 'ta', file: 'sentences-sop-future.ta.jsonl', rules: ['present-tense'], ruleOptions: TA_TE_FUTURE, floor: { precision: 0.9, recall: 0.5 } },
  { name: 'hard', lang: 'ta', file: 'sentences-hard.ta.jsonl', rules: TA_TE_DEFAULT, floor: { precision: 0.9, recall: 0.8 } },
  { name: 'hard-future', lang: 'ta', file: 'sentences-hard-future.ta.jsonl', rules: ['present-tense'], ruleOptions: TA_TE_FUTURE, floor: { precision: 0.9, recall: 0.5 } },
  { name: 'dev', lang: 'te', file: 'sentences-dev.te.jsonl', rules: TA_TE_DEFAULT, floor: { precision: 0.9, recall: 0.8 } },
  { name: 'sop', lang: 'te', file: 'sentences-sop.te.jsonl', rules: TA_TE_DEFAULT, floor: { precision: 0.9, recall: 0.8 } },
  { name: 'dev-future', lang: 'te', file: 'sentences-dev-future.te.jsonl', rules: ['present-tense'], ruleOptions: TA_TE_FUTURE, floor: { precision: 0.9, recall: 0.4 } },
  { name: 'sop-future', lang: 'te', file: 'sentences-sop-future.te.jsonl', rules: ['present-tense'], ruleOptions: TA_TE_FUTURE, floor: { precision: 0.9, recall: 0.4 } },
  { name: 'hard', lang: 'te', file: 'sentences-hard.te.jsonl', rules: TA_TE_DEFAULT, floor: { precision: 0.9, recall: 0.8 } },
  { name: 'hard-future', lang: 'te', file: 'sentences-hard-future.te.jsonl', rules: ['present-tense'], ruleOptions: TA_TE_FUTURE, floor: { precision: 0.9, recall: 0.4 } },
  // Hindi and Marathi (languages/hi, languages/mr): the shared development set's lines, converted by
  // scripts/convert-dev-set-hi-mr.mjs, and SOP sentences written and labelled for the packs before their
  // checks existed. Floors: issue 10's 0.90 precision and 0.80 recall for the default-on checks. The
  // Marathi sets switch on the opt-in optative (-आवे), which the set convention counts as a weak modal;
  // the -past sets measure the opt-in past main verb (present-tense with { past: true }). The holdout sets
  // were written after the checks and labelled before they ran; first score: all 1.00 except hi
  // step-imperative recall 0.83 and mr wordy-phrase 0/1 (a clitic -ही on the postposition, since listed).
  { name: 'dev.hi', lang: 'hi', file: 'sentences-dev.hi.jsonl', rules: ALL, floor: { precision: 0.9, recall: 0.8 } },
  { name: 'sop.hi', lang: 'hi', file: 'sentences-sop.hi.jsonl', rules: ALL, floor: { precision: 0.9, recall: 0.8 } },
  { name: 'dev-past.hi', lang: 'hi', file: 'sentences-dev-past.hi.jsonl', rules: ['present-tense'], ruleOptions: { 'present-tense': { past: true } }, floor: { precision: 0.7, recall: 0.6 } },
  { name: 'holdout.hi', lang: 'hi', file: 'sentences-holdout.hi.jsonl', heldOut: true, rules: ALL, floor: { precision: 0.9, recall: 0.8 } },
  { name: 'dev.mr', lang: 'mr', file: 'sentences-dev.mr.jsonl', rules: ALL, ruleOptions: { 'weak-modal': { optative: true } }, floor: { precision: 0.9, recall: 0.8 } },
  { name: 'sop.mr', lang: 'mr', file: 'sentences-sop.mr.jsonl', rules: ALL, ruleOptions: { 'weak-modal': { optative: true } }, floor: { precision: 0.9, recall: 0.8 } },
  { name: 'holdout.mr', lang: 'mr', file: 'sentences-holdout.mr.jsonl', heldOut: true, rules: ALL, ruleOptions: { 'weak-modal': { optative: true } }, floor: { precision: 0.9, recall: 0.8 } },
  { name: 'dev-past.mr', lang: 'mr', file: 'sentences-dev-past.mr.jsonl', rules: ['present-tense'], ruleOptions: { 'present-tense': { past: true } }, floor: { precision: 0.7, recall: 0.6 } },
];

function readSet(set) {
  return readFileSync(join(accuracyDir, set.file), 'utf8')
    .split('\n')
    .filter((line) => line.trim() !== '')
    .map((line, index) => {
      const entry = JSON.parse(line);
      if (!['step', 'prose'].includes(entry.context) || !Array.isArray(entry.expect) || entry.expect.some((id) => !set.rules.includes(id))) {
        throw new Error(`${set.file}:${index + 1}: not an accuracy entry: ${line}`);
      }
      if (/[\r\n]/.test(entry.text)) throw new Error(`${set.file}:${index + 1}: the text has a line break`);
      return entry;
    });
}

/** The first heading the language accepts for a canonical section (English names when it has none). */
function headingFor(engine, lang, section) {
  if (lang === 'en') return section;
  const names = engine.languageFile(lang, 'sections')?.sections?.[section];
  if (!Array.isArray(names) || names.length === 0) throw new Error(`languages/${lang}/sections.json names no heading for ${section}`);
  return names[0];
}

function buildDocument(engine, entries, context, lang) {
  const frontmatter = ['---', 'id: accuracy-check', 'title: Accuracy check', 'type: procedure', 'owner: Quality', 'status: draft', 'version: "1.0.0"', 'last_reviewed: 2026-01-05', `lang: ${lang}`, '---', ''];
  const lines = [...frontmatter, '# Accuracy check', '', `## ${headingFor(engine, lang, context === 'step' ? 'Procedure' : 'Purpose')}`, ''];
  const lineOf = new Map();
  entries.forEach((entry, index) => {
    if (entry.context !== context) return;
    lines.push(context === 'step' ? `1. ${entry.text}` : entry.text);
    lineOf.set(lines.length, index);
    if (context === 'prose') lines.push('');
  });
  return { text: `${lines.join('\n')}\n`, lineOf };
}

async function firedRules(engine, entries, ruleIds, rules, set) {
  const fired = entries.map(() => new Set());
  const config = engine.loadConfig({ cwd: packageRoot, rules, search: false });
  const lang = set.lang ?? 'en';
  for (const context of ['step', 'prose']) {
    const { text, lineOf } = buildDocument(engine, entries, context, lang);
    if (lineOf.size === 0) continue;
    const report = await engine.lint({
      cwd: packageRoot,
      stdin: { text, filename: `accuracy-${context}.md` },
      config,
      asOf: '2026-06-01',
      onlyRules: ruleIds,
      findingsPerRule: Infinity, // one document holds the whole set: every finding counts
      ruleOverrides: Object.fromEntries(ruleIds.map((id) => [id, { severity: 'warn', ...(set.ruleOptions?.[id] ? { options: set.ruleOptions[id] } : {}) }])),
    });
    for (const message of report.results[0].messages) {
      if (message.ruleId === 'parse-error') throw new Error(`the generated ${context} document does not parse: ${message.message}`);
      const index = lineOf.get(message.line);
      if (index === undefined) throw new Error(`${message.ruleId} reported line ${message.line}, which holds no entry: ${message.message}`);
      fired[index].add(message.ruleId);
    }
  }
  return fired;
}

const ratio = (part, whole) => (whole === 0 ? undefined : part / whole);
const show = (value) => (value === undefined ? 'n/a' : value.toFixed(2));

/** Every (rule, set) row with its counts and ratios, and the lines each rule gets wrong, measured on `engine`. */
export async function measure(engine) {
  const rules = await engine.loadRules();
  const known = new Set(rules.map((rule) => rule.id));
  const rows = [];
  const misses = [];
  for (const set of SETS) {
    const entries = readSet(set);
    const ruleIds = set.rules.filter((id) => known.has(id));
    if (ruleIds.length !== set.rules.length) throw new Error(`${set.file}: rules missing from rules/: ${set.rules.filter((id) => !known.has(id)).join(', ')}`);
    const fired = await firedRules(engine, entries, ruleIds, rules, set);
    for (const ruleId of ruleIds) {
      const row = { ruleId, set: set.name, lang: set.lang ?? 'en', lines: entries.length, tp: 0, fp: 0, fn: 0, floor: set.floor, goal: set.goal, cleanOnly: (set.cleanOnly ?? []).includes(ruleId) };
      entries.forEach((entry, index) => {
        if (ruleId === 'step-imperative' && entry.context !== 'step') return;
        const expected = entry.expect.includes(ruleId);
        const got = fired[index].has(ruleId);
        if (expected && got) row.tp++;
        else if (got) row.fp++;
        else if (expected) row.fn++;
        if (expected !== got && !set.heldOut) {
          misses.push(`- \`${ruleId}\` (${set.name}${set.lang ? `, ${set.lang}` : ''}) ${got ? 'false positive' : 'missed'}: ${entry.text}${entry.note ? ` (${entry.note})` : ''}`);
        }
      });
      row.precision = ratio(row.tp, row.tp + row.fp);
      row.recall = ratio(row.tp, row.tp + row.fn);
      rows.push(row);
    }
  }
  return { rows, misses };
}

/** The text of test/accuracy/RESULTS.md for a measurement. */
export function renderResults({ rows, misses }) {
  const table = [
    '| rule | language | set | TP | FP | FN | precision | recall |',
    '|---|---|---|---|---|---|---|---|',
    ...[...rows]
      .sort((a, b) => ALL.indexOf(a.ruleId) - ALL.indexOf(b.ruleId) || (a.lang === b.lang ? 0 : a.lang === 'en' ? -1 : b.lang === 'en' ? 1 : a.lang < b.lang ? -1 : 1))
      .map((r) => `| ${r.ruleId} | ${r.lang} | ${r.set} | ${r.tp} | ${r.fp} | ${r.fn} | ${show(r.precision)} | ${show(r.recall)} |`),
  ];
  return [
    '# Prose rule accuracy',
    '',
    'Written by `npm run accuracy` (scripts/accuracy.mjs); do not edit by hand. `test/accuracy.test.ts` measures again,',
    'fails when this file is out of date, and fails when a figure is below its set\'s floor or cannot be computed.',
    '',
    ...SETS.map((s) => `- \`${s.file}\` (${s.name}, ${s.lang ?? 'en'}): floor precision ${s.floor.precision}, recall ${s.floor.recall}${s.goal ? `; goal ${s.goal.precision} / ${s.goal.recall}` : ''}`),
    '',
    ...table,
    '',
    '## Lines the rules get wrong (every set but the held-out ones, whose misses are not read)',
    '',
    ...(misses.length > 0 ? misses : ['None.']),
    '',
  ].join('\n');
}
