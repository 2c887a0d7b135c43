import { readFileSync, symlinkSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { exitCodeFor } from '../src/commands/lint.js';
import { lint } from '../src/lint/engine.js';
import { defineCorpusRule, defineFileRule } from '../src/rules/define.js';
import { makeRepo, policy, procedure } from './helpers/repo.js';

/** A fixable test rule: "colour" → "color", keeping the first letter's case. */
const spelling = defineFileRule({
  id: 'test-spelling',
  description: 'Test rule that prefers "color" over "colour".',
  principle: 'clear-and-concise',
  defaultSeverity: 'off',
  fixable: true,
  languages: 'all',
  defaultOptions: {},
  messages: { prefer: 'Use "{good}" instead of "{bad}".' },
  check(doc, context) {
    for (const match of doc.text.matchAll(/\b([Cc])olour\b/g)) {
      const good = `${match[1]}olor`;
      context.report({
        messageId: 'prefer',
        data: { good, bad: match[0] },
        at: { offset: match.index, endOffset: match.index + match[0].length },
        fix: { range: [match.index, match.index + match[0].length], text: good },
      });
    }
  },
});

const crashing = defineFileRule({
  id: 'test-crash',
  description: 'Test rule that always throws.',
  principle: 'clear-and-concise',
  defaultSeverity: 'off',
  languages: 'all',
  defaultOptions: {},
  messages: {},
  check() {
    throw new Error('boom');
  },
});

const idCount = defineCorpusRule({
  id: 'test-corpus',
  description: 'Test corpus rule that reports each document id once, at line 2.',
  principle: 'clear-and-concise',
  defaultSeverity: 'off',
  languages: 'all',
  defaultOptions: {},
  messages: { seen: 'Saw {id} among {count} documents.' },
  summarize: (doc) => ({ id: String(doc.frontmatter.data.id) }),
  check(summaries, context) {
    for (const { filePath, summary } of summaries) {
      context.report({ filePath, messageId: 'seen', data: { id: summary.id, count: summaries.length }, at: { line: 2, column: 1 } });
    }
  },
});

const extraRules = [spelling, crashing, idCount];

describe('bad input never stops the run', () => {
  it('reports every kind of bad file with a position and still lints the good one', async () => {
    const root = makeRepo({
      'good.md': procedure('good'),
      'policy.md': policy(),
      'empty.md': '',
      'binary.md': new Uint8Array([0x50, 0x4b, 0x03, 0x04, 0x00, 0x00, 0x41]),
      'latin1.md': new Uint8Array([...Buffer.from('---\nid: x\n---\n\nCaf'), 0xe9, 0x0a]),
      'unclosed.md': '---\nid: x\ntitle: y\n\n## Purpose\n',
      'bad-yaml.md': '---\nid: x\ntitle: Complaints: how\n---\n\nText.\n',
      'no-frontmatter.md': '# Title\n\nText.\n',
      'huge.md': `---\nid: huge\n---\n\n${'word '.repeat(2_200_000)}\n`,
    });
    symlinkSync(join(root, 'missing-target.md'), join(root, 'dangling.md'));
    const report = await lint({ cwd: root, paths: ['.'] });
    const byFile = Object.fromEntries(report.results.map((r) => [r.filePath, r.messages.map((m) => `${m.ruleId} ${m.line}:${m.column} ${m.severity}`)]));
    expect(byFile['good.md']).toEqual([]);
    expect(byFile['policy.md']).toEqual([]);
    expect(byFile['empty.md']).toEqual(['parse-error 1:1 1']);
    expect(byFile['binary.md']).toEqual(['parse-error 1:1 2']);
    expect(byFile['latin1.md']).toEqual(['parse-error 5:4 2']);
    expect(byFile['unclosed.md']).toEqual(['parse-error 1:1 2']);
    expect(byFile['bad-yaml.md']).toEqual(['parse-error 3:8 2']);
    expect(byFile['no-frontmatter.md'][0]).toBe('parse-error 1:1 2');
    expect(byFile['huge.md']).toEqual(['parse-error 1:1 1']);
    expect(byFile['dangling.md']).toEqual(['parse-error 1:1 2']);
    expect(report.results.find((r) => r.filePath === 'dangling.md')!.messages[0].message).toMatch(/^Cannot read the file: ENOENT/);
  });
});

describe('rule crashes', () => {
  it('become a fatal finding under the rule id, the run goes on, and the exit code is 2', async () => {
    const root = makeRepo({ 'a.md': procedure('a'), 'b.md': procedure('b') });
    const report = await lint({ cwd: root, paths: ['.'], extraRules, ruleOverrides: { 'test-crash': { severity: 'warn' } } });
    expect(report.crashes.map((c) => c.filePath)).toEqual(['a.md', 'b.md']);
    expect(report.results[0].messages[0]).toMatchObject({ ruleId: 'test-crash', severity: 2, fatal: true });
    expect(report.results[0].messages[0].message).toContain('boom');
    expect(exitCodeFor(report)).toBe(2);
  });
});

describe('exit codes', () => {
  it('are 0 clean, 1 for errors or too many warnings, 2 for crashes', () => {
    expect(exitCodeFor({ crashes: [], errorCount: 0, warningCount: 3 })).toBe(0);
    expect(exitCodeFor({ crashes: [], errorCount: 0, warningCount: 3 }, 3)).toBe(0);
    expect(exitCodeFor({ crashes: [], errorCount: 0, warningCount: 4 }, 3)).toBe(1);
    expect(exitCodeFor({ crashes: [], errorCount: 1, warningCount: 0 })).toBe(1);
    expect(exitCodeFor({ crashes: [{ ruleId: 'x', filePath: 'a', error: 'e' }], errorCount: 1, warningCount: 0 })).toBe(2);
  });
});

describe('inline directives', () => {
  const body = [
    'Colour one.',
    '',
    '<!-- sop-disable-next-line test-spelling -- agreed with Legal -->',
    'Colour two.',
    '',
    'Colour three. <!-- sop-disable-line -->',
    '',
    '<!-- sop-disable test-spelling -->',
    'Colour four.',
    '',
    '<!-- sop-enable test-spelling -->',
    'Colour five.',
    '',
    '<!-- sop-disable-next-line other-rule -->',
    'Colour six.',
  ].join('\n');

  it('suppress findings on the next line, the same line, a range, and only for the named rules', async () => {
    const root = makeRepo({ 'a.md': procedure('a', undefined) + '\n' + body + '\n' });
    const report = await lint({ cwd: root, paths: ['.'], extraRules, onlyRules: ['test-spelling'], ruleOverrides: { 'test-spelling': { severity: 'warn' } } });
    const lines = report.results[0].messages.map((m) => report.results[0].messages && m.message + '@' + m.line);
    const text = readFileSync(join(root, 'a.md'), 'utf8').split('\n');
    const flagged = report.results[0].messages.map((m) => text[m.line - 1]);
    expect(flagged).toEqual(['Colour one.', 'Colour five.', 'Colour six.']);
    expect(lines).toHaveLength(3);
  });

  it('sop-disable-file silences a rule in the whole file, also for corpus rules', async () => {
    const root = makeRepo({
      'a.md': procedure('a') + '\n<!-- sop-disable-file test-spelling, test-corpus -->\n\nColour.\n',
      'b.md': procedure('b') + '\nColour.\n',
    });
    const report = await lint({
      cwd: root,
      paths: ['.'],
      extraRules,
      onlyRules: ['test-spelling', 'test-corpus'],
      ruleOverrides: { 'test-spelling': { severity: 'warn' }, 'test-corpus': { severity: 'warn' } },
    });
    expect(report.results[0].messages).toEqual([]);
    expect(report.results[1].messages.map((m) => m.message)).toEqual(['Saw b among 2 documents.', 'Use "Color" instead of "Colour".']);
  });
});

describe('--fix', () => {
  const run = (root: string, mode: 'fix' | 'fixDryRun') =>
    lint({ cwd: root, paths: ['.'], extraRules, onlyRules: ['test-spelling'], ruleOverrides: { 'test-spelling': { severity: 'warn' } }, [mode]: true });

  it('writes fixes atomically, keeps CRLF line endings and the BOM, and a second run changes nothing', async () => {
    const original = '\uFEFF' + procedure('a').replace(/\n/g, '\r\n') + '\r\nColour and colour.\r\n';
    const root = makeRepo({ 'a.md': original });
    const first = await run(root, 'fix');
    const fixed = readFileSync(join(root, 'a.md'), 'utf8');
    expect(fixed).toBe(original.replace('Colour and colour', 'Color and color'));
    expect(fixed.startsWith('\uFEFF')).toBe(true);
    expect(first.results[0].messages).toEqual([]);
    const second = await run(root, 'fix');
    expect(second.results[0].output).toBeUndefined();
    expect(readFileSync(join(root, 'a.md'), 'utf8')).toBe(fixed);
  });

  it('--fix-dry-run computes the output without writing', async () => {
    const original = procedure('a') + '\nColour.\n';
    const root = makeRepo({ 'a.md': original });
    const report = await run(root, 'fixDryRun');
    expect(report.results[0].output).toBe(original.replace('Colour.', 'Color.'));
    expect(readFileSync(join(root, 'a.md'), 'utf8')).toBe(original);
  });

  it('leaves files without fixes untouched (same bytes)', async () => {
    const root = makeRepo({ 'a.md': procedure('a') });
    writeFileSync(join(root, 'a.md'), procedure('a'));
    await run(root, 'fix');
    expect(readFileSync(join(root, 'a.md'), 'utf8')).toBe(procedure('a'));
  });
});

describe('output order', () => {
  it('is deterministic: files by path, findings by position then rule', async () => {
    const root = makeRepo({ 'b.md': procedure('b') + '\nColour colour.\n', 'a.md': procedure('a') + '\nColour.\n' });
    const options = { cwd: root, paths: ['.'], extraRules, ruleOverrides: { 'test-spelling': { severity: 'warn' as const } } };
    const first = JSON.stringify((await lint(options)).results);
    const second = JSON.stringify((await lint(options)).results);
    expect(first).toBe(second);
    expect((await lint(options)).results.map((r) => r.filePath)).toEqual(['a.md', 'b.md']);
  });
});
