import { cpSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { applyBaseline, coveredText, createBaseline, serializeBaseline } from '../src/lint/baseline.js';
import { packageRoot } from '../src/paths.js';
import type { FileResult, Finding } from '../src/types.js';
import { sop } from './helpers/cli.js';

const asOf = ['--as-of', '2026-06-01'];

function copyExample(): string {
  const root = mkdtempSync(join(tmpdir(), 'sop-baseline-'));
  cpSync(join(packageRoot, 'examples', 'customer-service'), root, { recursive: true });
  return root;
}

function finding(ruleId: string, line: number, column: number, endColumn: number): Finding {
  return { ruleId, severity: 1, message: `${ruleId} here`, line, column, endLine: line, endColumn };
}

function result(filePath: string, messages: Finding[]): FileResult {
  return { filePath, messages, errorCount: 0, warningCount: messages.length, fixableErrorCount: 0, fixableWarningCount: 0 };
}

describe('baseline matching', () => {
  const text = 'The form will be sent.\nThe form will be sent.\nA short line.\n';
  const twoWills = [finding('future-tense', 1, 10, 14), finding('future-tense', 2, 10, 14)];

  it('fingerprints by the covered text, or the whole line for an empty span', () => {
    expect(coveredText(text, finding('x', 1, 10, 14))).toBe('will');
    expect(coveredText(text, finding('x', 3, 1, 1))).toBe('A short line.');
  });

  it('counts repeats, so one more occurrence than the baseline knew is reported', () => {
    const baseline = createBaseline([result('a.md', twoWills)], () => text);
    expect(baseline.files['a.md']).toEqual([{ rule: 'future-tense', text: 'will', count: 2 }]);
    const three = [...twoWills, finding('future-tense', 3, 3, 8)];
    const withThird = 'The form will be sent.\nThe form will be sent.\nA will line.\n';
    const applied = applyBaseline([result('a.md', [...three.slice(0, 2), finding('future-tense', 3, 3, 7)])], baseline, () => withThird);
    expect(applied.suppressed).toBe(2);
    expect(applied.results[0].messages.map((m) => m.line)).toEqual([3]);
    expect(applied.results[0].warningCount).toBe(1);
  });

  it('does not match a different rule, file or text', () => {
    const baseline = createBaseline([result('a.md', twoWills)], () => text);
    const other = applyBaseline([result('b.md', twoWills), result('a.md', [finding('weak-modal', 1, 10, 14), finding('future-tense', 1, 5, 9)])], baseline, () => text);
    expect(other.suppressed).toBe(0);
  });

  it('serializes deterministically, whatever the order of the results', () => {
    const a = result('a.md', twoWills);
    const b = result('b.md', [finding('weak-modal', 3, 1, 6)]);
    expect(serializeBaseline(createBaseline([b, a], () => text))).toBe(serializeBaseline(createBaseline([a, b], () => text)));
  });
});

describe('sop lint --write-baseline / --baseline', () => {
  it('suppresses known findings even after lines are added above them, and reports new ones', () => {
    const root = copyExample();
    const written = sop(['lint', ...asOf, '--write-baseline', '.sop-baseline.json'], { cwd: root });
    expect(written.code).toBe(1);
    expect(written.stderr).toContain('wrote 25 findings to the baseline .sop-baseline.json');
    const first = readFileSync(join(root, '.sop-baseline.json'), 'utf8');

    const clean = sop(['lint', ...asOf, '--baseline', '.sop-baseline.json'], { cwd: root });
    expect(clean).toMatchObject({ code: 0, stdout: '' });
    expect(clean.stderr).toContain('suppressed 25 known findings');

    // Lines added above every finding of a file move them; a new weak modal is the one new finding.
    const file = join(root, 'procedures', 'handling-a-complaint.md');
    const original = readFileSync(file, 'utf8');
    const moved = original.replace(/\n## /, '\nThe team should maybe help.\n\nAn added paragraph.\n\n## ');
    writeFileSync(file, moved);
    const after = sop(['lint', ...asOf, '--baseline', '.sop-baseline.json', '-f', 'json'], { cwd: root });
    const results = JSON.parse(after.stdout) as FileResult[];
    const reported = results.flatMap((r) => r.messages.map((m) => `${r.filePath} ${m.ruleId}`));
    expect(reported.length).toBeGreaterThan(0);
    expect(reported.every((line) => line.startsWith('procedures/handling-a-complaint.md'))).toBe(true);
    expect(after.stderr).toContain('suppressed 25 known findings');

    // Fixing a finding and rewriting drops it from the baseline; the file is the same bytes each time.
    writeFileSync(file, original);
    expect(sop(['lint', ...asOf, '--write-baseline', '.sop-baseline.json'], { cwd: root }).code).toBe(1);
    expect(readFileSync(join(root, '.sop-baseline.json'), 'utf8')).toBe(first);
    const refunds = join(root, 'policies', 'refunds.md');
    const before = readFileSync(refunds, 'utf8');
    const baselineBefore = JSON.parse(first) as { files: Record<string, unknown[]> };
    expect(baselineBefore.files['policies/refunds.md']).toHaveLength(1);
    writeFileSync(refunds, before.split('\n').filter((_, index) => index !== 51).join('\n'));
    sop(['lint', ...asOf, '--write-baseline', '.sop-baseline.json'], { cwd: root });
    const rewritten = JSON.parse(readFileSync(join(root, '.sop-baseline.json'), 'utf8')) as { files: Record<string, unknown[]> };
    expect(rewritten.files['policies/refunds.md']).toBeUndefined();
  });

  it('names the file and what to do when the baseline is missing or not a baseline', () => {
    const root = copyExample();
    const missing = sop(['lint', ...asOf, '--baseline', 'nope.json'], { cwd: root });
    expect(missing.code).toBe(2);
    expect(missing.stderr).toContain('Baseline file not found: nope.json. Create it with --write-baseline nope.json.');
    writeFileSync(join(root, 'bad.json'), '{"files": 3}');
    const bad = sop(['lint', ...asOf, '--baseline', 'bad.json'], { cwd: root });
    expect(bad.code).toBe(2);
    expect(bad.stderr).toContain('bad.json is not a sop baseline');
  });
});
