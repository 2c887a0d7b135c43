import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { sop } from '../helpers/cli.js';
import { capFindings, MAX_FINDINGS_PER_RULE } from '../../src/lint/finding-cap.js';
import type { Finding } from '../../src/types.js';
import { AS_OF, LONG, LONG_TIMEOUT, append, cleanRepo, parseJson, scratch } from './kit.js';
import { packageRoot } from '../../src/paths.js';

/** F4: a file with ~130,000 findings aborted the whole run (V8's argument limit on `push(...x)`). */
describe('F4 too many findings', () => {
  it('findings past 100 per rule per file become one summary finding that counts them', () => {
    const repo = cleanRepo();
    append(repo, 'procedures/answering-calls.md', `\n${'Go in order to win.\n\n'.repeat(1000)}`);
    const run = sop(['lint', '.', '--as-of', AS_OF, '-f', 'json'], { cwd: repo });
    expect(run.stderr).not.toContain('internal error');
    const file = parseJson(run.stdout).find((result) => result.filePath === 'procedures/answering-calls.md')!;
    const wordy = file.messages.filter((m) => m.ruleId === 'wordy-phrase');
    expect(wordy).toHaveLength(MAX_FINDINGS_PER_RULE + 1);
    expect(wordy.filter((m) => /more "wordy-phrase" findings in this file are not listed/.test(m.message))).toHaveLength(1);
    expect(wordy.find((m) => /not listed/.test(m.message))!.message).toMatch(/^9\d\d more/);
  });

  it('--fix still fixes every finding, listed or not', () => {
    const repo = cleanRepo();
    append(repo, 'procedures/answering-calls.md', `\n${'Go in order to win.\n\n'.repeat(400)}`);
    sop(['lint', 'procedures/answering-calls.md', '--as-of', AS_OF, '--fix'], { cwd: repo });
    expect(readFileSync(join(repo, 'procedures/answering-calls.md'), 'utf8')).not.toContain('in order to');
  });

  it('the cap keeps report order and one summary per rule', () => {
    const finding = (ruleId: string, line: number): Finding => ({ ruleId, severity: 1, message: 'm', line, column: 1, endLine: line, endColumn: 2 });
    const many = [...Array.from({ length: 250 }, (_, i) => finding('a', i + 1)), finding('b', 1)];
    const capped = capFindings(many, 100);
    expect(capped.filter((f) => f.ruleId === 'a')).toHaveLength(101);
    expect(capped.filter((f) => f.ruleId === 'b')).toHaveLength(1);
    expect(capped.find((f) => f.message.startsWith('150 more'))!.line).toBe(101);
  });

  it.skipIf(!LONG)('the report\'s 2.7 MB file of 130,000 findings: a report for every file, -j 1 and -j 4 the same', () => {
    const repo = cleanRepo();
    const base = readFileSync(join(repo, 'procedures/answering-calls.md'), 'utf8').replace('id: answering-calls', 'id: many');
    writeFileSync(join(repo, 'procedures/many.md'), base + 'Go in order to win.\n\n'.repeat(130_000));
    const one = sop(['lint', '.', '--as-of', AS_OF, '-f', 'json', '-j', '1'], { cwd: repo });
    expect(one.stderr).not.toContain('internal error');
    // Warnings only (the repository is otherwise clean), so exit 0; what matters is a whole report.
    expect(one.code).toBe(0);
    const many = (JSON.parse(one.stdout) as Array<{ filePath: string; messages: Array<{ ruleId: string; message: string }> }>).find((result) => result.filePath === 'procedures/many.md')!;
    expect(many.messages.filter((m) => m.ruleId === 'wordy-phrase')).toHaveLength(101);
    expect(many.messages.some((m) => /^\d{6} more "wordy-phrase" findings in this file are not listed/.test(m.message))).toBe(true);
    const four = sop(['lint', '.', '--as-of', AS_OF, '-f', 'json', '-j', '4'], { cwd: repo });
    expect(four.stdout).toBe(one.stdout);
  }, LONG_TIMEOUT);
});

/** F13: every unique-id finding related every other copy: 2,500 copies made a report of gigabytes. */
describe('F13 duplicate ids', () => {
  const copies = (count: number) => {
    const repo = scratch();
    writeFileSync(join(repo, 'sop.config.yaml'), readFileSync(join(packageRoot, 'examples/customer-service/sop.config.yaml')));
    const text = readFileSync(join(packageRoot, 'examples/customer-service/procedures/answering-calls.md'));
    for (let i = 0; i < count; i++) writeFileSync(join(repo, `d${i}.md`), text);
    return repo;
  };

  it('120 copies: each finding relates to the first occurrence only (the first to ten others); the report grows linearly', () => {
    const repo = copies(120);
    const run = sop(['lint', '.', '--as-of', AS_OF, '-f', 'json', '--quiet'], { cwd: repo });
    expect(run.stderr).not.toContain('internal error');
    const results = parseJson(run.stdout);
    const unique = results.flatMap((result) => result.messages.filter((m) => m.ruleId === 'unique-id').map((m) => ({ file: result.filePath, m })));
    expect(unique).toHaveLength(120);
    expect(Math.max(...unique.map(({ m }) => m.related?.length ?? 0))).toBeLessThanOrEqual(10);
    expect(unique.filter(({ m }) => (m.related?.length ?? 0) === 1).length).toBeGreaterThanOrEqual(119);
    expect(unique[1].m.message).toMatch(/and \d+ more/);
    expect(run.stdout.length).toBeLessThan(120 * 20_000);
    const sarif = sop(['lint', '.', '--as-of', AS_OF, '-f', 'sarif', '--quiet'], { cwd: repo });
    expect(sarif.stderr).not.toContain('internal error');
    expect(sarif.stdout.length).toBeLessThan(120 * 20_000);
  });

  it.skipIf(!LONG)('2,500 copies: JSON and SARIF reports are written', () => {
    const repo = copies(2500);
    for (const format of ['json', 'sarif']) {
      const run = sop(['lint', '.', '--as-of', AS_OF, '-f', format, '--quiet'], { cwd: repo });
      expect(run.stderr).not.toContain('internal error');
      expect(run.code).toBe(1);
      expect(() => JSON.parse(run.stdout)).not.toThrow();
    }
  }, LONG_TIMEOUT);
});
