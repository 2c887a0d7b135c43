import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { loadConfig } from '../src/config/load.js';
import { writeFileAtomic } from '../src/fs/atomic-write.js';
import { lint } from '../src/lint/engine.js';
import { packageRoot } from '../src/paths.js';
import { loadRules } from '../src/rules/registry.js';

/**
 * Precision and recall of the grammar rules on labelled SOP sentences, through the same code path
 * users hit: every line becomes a procedure step (context "step") or a paragraph under "## Purpose"
 * (context "prose") of a generated document, the document is linted, and the rules that fired on the
 * line are compared with the line's `expect`. The sets:
 * - sentences-dev.jsonl: the shared development set the rules were designed on, converted by
 *   scripts/convert-dev-set.mjs;
 * - sentences-sop.jsonl: written independently of the rules (see test/accuracy/README.md);
 * - sentences-extra.jsonl: other domains (banks, hotels, airlines, pharmacies, helpdesks), written
 *   after the rules and scored once before any change;
 * - sentences-holdout.jsonl: written blind (its author saw neither the rules nor the other sets) in
 *   ten other service domains; its first score is the README's estimate for unseen SOP text.
 * The table is printed and written to test/accuracy/RESULTS.md.
 */
interface Labelled {
  text: string;
  context: 'step' | 'prose';
  expect: string[];
  note?: string;
}

const GRAMMAR_RULES = ['present-tense', 'passive-voice', 'step-imperative', 'weak-modal', 'weasel-words', 'wordy-phrase'];
const MIN_PRECISION = 0.9;
const MIN_RECALL = 0.85;
const SETS = ['sentences-dev.jsonl', 'sentences-sop.jsonl', 'sentences-extra.jsonl', 'sentences-holdout.jsonl'];
const accuracyDir = join(packageRoot, 'test', 'accuracy');

const rules = await loadRules();
const available = GRAMMAR_RULES.filter((id) => rules.some((rule) => rule.id === id));
const missing = GRAMMAR_RULES.filter((id) => !available.includes(id));

function readSet(name: string): Labelled[] {
  return readFileSync(join(accuracyDir, name), 'utf8')
    .split('\n')
    .filter((line) => line.trim() !== '')
    .map((line, index) => {
      const entry = JSON.parse(line) as Labelled;
      if (!['step', 'prose'].includes(entry.context) || !Array.isArray(entry.expect) || entry.expect.some((id) => !GRAMMAR_RULES.includes(id))) {
        throw new Error(`${name}:${index + 1}: not an accuracy entry: ${line}`);
      }
      return entry;
    });
}

const FRONTMATTER = ['---', 'id: accuracy-check', 'title: Accuracy check', 'type: procedure', 'owner: Quality', 'status: draft', 'version: "1.0.0"', 'last_reviewed: 2026-01-05', '---', ''];

/** One document per context: the lines as steps of a procedure, or as paragraphs of a Purpose section. Returns the text and each entry's line number. */
function buildDocument(entries: Labelled[], context: Labelled['context']): { text: string; lineOf: Map<number, number> } {
  const lines = [...FRONTMATTER, '# Accuracy check', '', context === 'step' ? '## Procedure' : '## Purpose', ''];
  const lineOf = new Map<number, number>();
  entries.forEach((entry, index) => {
    if (entry.context !== context) return;
    if (/[\r\n]/.test(entry.text)) throw new Error(`line ${index + 1} has a line break`);
    if (context === 'step') {
      lines.push(`1. ${entry.text}`);
      lineOf.set(lines.length, index);
    } else {
      lines.push(entry.text);
      lineOf.set(lines.length, index);
      lines.push('');
    }
  });
  return { text: `${lines.join('\n')}\n`, lineOf };
}

/** Rule ids that fired on each entry of a set. */
async function firedRules(entries: Labelled[]): Promise<Array<Set<string>>> {
  const fired = entries.map(() => new Set<string>());
  const config = loadConfig({ cwd: packageRoot, rules, search: false });
  for (const context of ['step', 'prose'] as const) {
    const { text, lineOf } = buildDocument(entries, context);
    if (lineOf.size === 0) continue;
    const report = await lint({
      cwd: packageRoot,
      stdin: { text, filename: `accuracy-${context}.md` },
      config,
      asOf: '2026-06-01',
      onlyRules: available,
      ruleOverrides: Object.fromEntries(available.map((id) => [id, { severity: 'warn' as const }])),
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

interface Score {
  tp: number;
  fp: number;
  fn: number;
  misses: string[];
}

function score(entries: Labelled[], fired: Array<Set<string>>, ruleId: string): Score {
  const result: Score = { tp: 0, fp: 0, fn: 0, misses: [] };
  entries.forEach((entry, index) => {
    if (ruleId === 'step-imperative' && entry.context !== 'step') return;
    const expected = entry.expect.includes(ruleId);
    const got = fired[index].has(ruleId);
    if (expected && got) result.tp++;
    else if (got) {
      result.fp++;
      result.misses.push(`false positive: ${entry.text}${entry.note ? ` (${entry.note})` : ''}`);
    } else if (expected) {
      result.fn++;
      result.misses.push(`missed: ${entry.text}${entry.note ? ` (${entry.note})` : ''}`);
    }
  });
  return result;
}

const ratio = (part: number, whole: number): number | undefined => (whole === 0 ? undefined : part / whole);
const show = (value: number | undefined): string => (value === undefined ? 'n/a' : value.toFixed(2));

const sets = SETS.filter((name) => existsSync(join(accuracyDir, name))).map((name) => ({ name, entries: readSet(name) }));
const results = await Promise.all(sets.map(async (set) => ({ ...set, fired: await firedRules(set.entries) })));

const rows: Array<{ ruleId: string; set: string; tp: number; fp: number; fn: number; precision?: number; recall?: number }> = [];
const missLines: string[] = [];
for (const ruleId of available) {
  const total = { tp: 0, fp: 0, fn: 0 };
  for (const set of results) {
    const s = score(set.entries, set.fired, ruleId);
    rows.push({ ruleId, set: set.name, tp: s.tp, fp: s.fp, fn: s.fn, precision: ratio(s.tp, s.tp + s.fp), recall: ratio(s.tp, s.tp + s.fn) });
    total.tp += s.tp;
    total.fp += s.fp;
    total.fn += s.fn;
    for (const miss of s.misses) missLines.push(`- \`${ruleId}\` (${set.name.replace(/^sentences-|\.jsonl$/g, '')}) ${miss}`);
  }
  rows.push({ ruleId, set: 'all', ...total, precision: ratio(total.tp, total.tp + total.fp), recall: ratio(total.tp, total.tp + total.fn) });
}

const table = [
  '| rule | set | TP | FP | FN | precision | recall |',
  '|---|---|---|---|---|---|---|',
  ...rows.map((r) => `| ${r.ruleId} | ${r.set.replace(/^sentences-|\.jsonl$/g, '')} | ${r.tp} | ${r.fp} | ${r.fn} | ${show(r.precision)} | ${show(r.recall)} |`),
].join('\n');

console.log(`\nGrammar rule accuracy (fails below precision ${MIN_PRECISION} or recall ${MIN_RECALL}):\n${table}\n`);
for (const id of missing) console.log(`accuracy: rule "${id}" does not exist yet; its row is skipped until rules/${id}/ is added.`);

const results_md = [
  '# Grammar rule accuracy',
  '',
  'Written by `test/accuracy.test.ts` (`npx vitest run test/accuracy.test.ts`); do not edit by hand.',
  `Each line of ${sets.map((s) => `\`${s.name}\` (${s.entries.length} lines)`).join(' and ')} is linted as a procedure step or a Purpose paragraph;`,
  `the test fails when a rule's precision drops below ${MIN_PRECISION} or its recall below ${MIN_RECALL} on any set.`,
  '',
  table,
  '',
  ...(missing.length > 0 ? [`Not measured yet (no rule folder): ${missing.map((id) => `\`${id}\``).join(', ')}.`, ''] : []),
  '## Lines the rules get wrong',
  '',
  ...(missLines.length > 0 ? missLines : ['None.']),
  '',
].join('\n');
const resultsPath = join(accuracyDir, 'RESULTS.md');
if (!existsSync(resultsPath) || readFileSync(resultsPath, 'utf8') !== results_md) writeFileAtomic(resultsPath, results_md);

describe('grammar rule accuracy', () => {
  it('has labelled sets to measure', () => {
    expect(sets.map((s) => s.name)).toContain('sentences-dev.jsonl');
    expect(sets.every((s) => s.entries.length > 0)).toBe(true);
  });

  for (const row of rows.filter((r) => r.set !== 'all')) {
    it(`${row.ruleId} on ${row.set}: precision ≥ ${MIN_PRECISION}, recall ≥ ${MIN_RECALL}`, () => {
      if (row.precision !== undefined) expect(row.precision, `precision of ${row.ruleId}`).toBeGreaterThanOrEqual(MIN_PRECISION);
      if (row.recall !== undefined) expect(row.recall, `recall of ${row.ruleId}`).toBeGreaterThanOrEqual(MIN_RECALL);
    });
  }
});
