import { existsSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { sop } from '../helpers/cli.js';
import { lintFile } from '../../src/lint/file-pass.js';
import { loadConfig } from '../../src/config/load.js';
import { loadRules } from '../../src/rules/registry.js';
import type { Rule } from '../../src/types.js';
import { AS_OF, LONG, LONG_TIMEOUT, append, cleanRepo, parseJson, procedureText } from './kit.js';

/** F2: recursion on deep nesting must never stop the run, nor make a lint-clean document crash the build. */
describe('F2 deep nesting', () => {
  const deepShapes: Array<[name: string, text: string, long?: boolean]> = [
    ['10,000 > on one line', `${'>'.repeat(10_000)} x`],
    ['1,500 > on one line', `${'>'.repeat(1500)} Check the deep quote.`],
    ['a ladder of 150 quote lines', Array.from({ length: 150 }, (_, i) => `${'> '.repeat(i + 1)}Level ${i}.`).join('\n')],
    ['- x 10,000', `${'- '.repeat(10_000)}x`],
    ['1. x 4,000', `${'1. '.repeat(4000)}x`],
    ['> - x 5,000', `${'> - '.repeat(5000)}x`],
    ['2,000 <div>', `<div>${'<div>'.repeat(1999)}x`],
    ['20,000 <div>', `<div>${'<div>'.repeat(19_999)}x`],
    ['150 indented list levels', Array.from({ length: 150 }, (_, i) => `${'  '.repeat(i)}- level ${i}`).join('\n')],
    ['*x* 3,000 deep', `${'*'.repeat(3000)}x${'*'.repeat(3000)}`, true],
    ['*x* 10,000 deep', `${'*'.repeat(10_000)}x${'*'.repeat(10_000)}`, true],
  ];

  // One repository holds every shape (a file each), linted once: the shapes must not disturb each other either.
  let lintRun: { code: number; stderr: string; results: ReturnType<typeof parseJson> } | undefined;
  const shapeFile = (index: number) => `procedures/deep-${index}.md`;
  const lintAll = () => {
    if (lintRun) return lintRun;
    const repo = cleanRepo();
    deepShapes.forEach(([, text, long], index) => {
      if (long && !LONG) return;
      writeFileSync(join(repo, shapeFile(index)), procedureText(`deep-${index}`, `\n${text}\n`));
    });
    const run = sop(['lint', '.', '--as-of', AS_OF, '-f', 'json'], { cwd: repo });
    return (lintRun = { code: run.code, stderr: run.stderr, results: parseJson(run.stdout) });
  };

  deepShapes.forEach(([name, , long], index) => {
    it.skipIf(long && !LONG)(`${name}: a positioned parse-error for that file, the other files linted, exit 1`, () => {
      const run = lintAll();
      expect(run.stderr).not.toContain('internal error');
      expect(run.code).toBe(1);
      const deep = run.results.find((result) => result.filePath === shapeFile(index))!;
      const fatal = deep.messages.filter((m) => m.ruleId === 'parse-error' && m.fatal);
      expect(fatal).toHaveLength(1);
      expect(fatal[0].message).toMatch(/Nesting deeper than 100 levels/);
      expect(fatal[0].line).toBeGreaterThan(20); // where the nesting is, not 1:1
      const others = run.results.filter((result) => !result.filePath.startsWith('procedures/deep-'));
      expect(others.length).toBeGreaterThan(10);
      expect(others.flatMap((result) => result.messages).filter((m) => m.fatal)).toEqual([]);
    }, LONG_TIMEOUT);
  });

  it('a line of 300 `- ` alone is a thematic break, not nesting', () => {
    const repo = cleanRepo();
    append(repo, 'procedures/answering-calls.md', `\n${'- '.repeat(300)}\n`);
    const run = sop(['lint', 'procedures/answering-calls.md', '--as-of', AS_OF, '-f', 'json'], { cwd: repo });
    expect(parseJson(run.stdout)[0].messages.filter((m) => m.ruleId === 'parse-error')).toEqual([]);
  });

  it('100 levels are fine: the limit is not a cliff for real documents', () => {
    const repo = cleanRepo();
    append(repo, 'procedures/answering-calls.md', `\n${'> '.repeat(95)}Check the quote.\n`);
    const run = sop(['lint', 'procedures/answering-calls.md', '--as-of', AS_OF, '-f', 'json'], { cwd: repo });
    expect(parseJson(run.stdout)[0].messages.filter((m) => m.ruleId === 'parse-error')).toEqual([]);
  });

  it('1,500 > and 2,000 <div>: build --force leaves the file out with a warning instead of crashing', () => {
    const repo = cleanRepo();
    append(repo, 'procedures/answering-calls.md', `\n${'>'.repeat(1500)} Check the deep quote.\n`);
    append(repo, 'procedures/holds-and-transfers.md', `\n${'<div>'.repeat(2000)}x\n`);
    const refused = sop(['build', '.', '--out', '../out', '--date', AS_OF], { cwd: repo });
    expect(refused.code).toBe(1); // the lint gate: a parse-error is an error
    const forced = sop(['build', '.', '--out', '../out', '--date', AS_OF, '--force'], { cwd: repo });
    expect(forced.stderr).not.toContain('internal error');
    expect(forced.code).toBe(0);
    expect(forced.stderr).toContain('Left out of the handbook: procedures/answering-calls.md');
    expect(forced.stderr).toContain('Left out of the handbook: procedures/holds-and-transfers.md');
    expect(existsSync(join(repo, '..', 'out', 'handbook.html'))).toBe(true);
  });

  it('results are the same bytes with -j 1 and -j 3 when one file is pathological', () => {
    const repo = cleanRepo();
    append(repo, 'procedures/answering-calls.md', `\n${'>'.repeat(10_000)} x\n`);
    append(repo, 'procedures/opening-the-store.md', `\n${'Go in order to win.\n\n'.repeat(300)}`);
    const one = sop(['lint', '.', '--as-of', AS_OF, '-f', 'json', '-j', '1'], { cwd: repo });
    const three = sop(['lint', '.', '--as-of', AS_OF, '-f', 'json', '-j', '3'], { cwd: repo });
    expect(one.code).toBe(1);
    expect(three.stdout).toBe(one.stdout);
    expect(three.code).toBe(one.code);
  });

  it('anything that throws inside one file\'s pass becomes a parse-error for that file, and the others are linted', async () => {
    const rules = await loadRules();
    const repo = cleanRepo();
    const config = loadConfig({ cwd: repo, rules });
    // A rule whose very metadata throws: outside the per-rule try/catch, inside the per-file guard.
    const hostile = { ...rules.find((rule) => rule.id === 'weak-modal')!, get languages(): never { throw new RangeError('Maximum call stack size exceeded'); } } as Rule;
    const request = { cwd: repo, config, asOf: AS_OF, writeFixes: false, corpusRuleIds: [], ruleOverrides: { 'weak-modal': { severity: 'warn' as const } } };
    const bad = lintFile({ absolutePath: join(repo, 'procedures/answering-calls.md') }, [hostile], request);
    expect(bad.result.messages).toHaveLength(1);
    expect(bad.result.messages[0]).toMatchObject({ ruleId: 'parse-error', severity: 2, fatal: true, line: 1, column: 1 });
    expect(bad.result.messages[0].message).toContain('could not be linted (Maximum call stack size exceeded)');
    const good = lintFile({ absolutePath: join(repo, 'procedures/opening-the-store.md') }, rules, request);
    expect(good.result.messages.every((m) => !m.fatal)).toBe(true);
  });
});
