import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { sop } from './helpers/cli.js';
import { makeRepo, policy, procedure } from './helpers/repo.js';

const broken = '---\nid: Bad_Id\ntitle: Broken\ntype: procedure\nowner: Lead\nstatus: draft\nversion: 1.0.0\nlast_reviewed: 2026-05-01\nimplements: [customer-contact]\n---\n\n## Purpose\n\nText.\n\n## Scope\n\nText.\n\n## Procedure\n\n1. Answer the call.\n';

describe('sop lint end to end', () => {
  it('exits 0 and prints nothing for a clean repository', () => {
    const root = makeRepo({ 'policy.md': policy(), 'a.md': procedure('a') });
    const run = sop(['lint', '--as-of', '2026-06-01'], { cwd: root });
    expect(run).toMatchObject({ code: 0, stdout: '', stderr: '' });
  });

  it('exits 1 with file:line:column findings for lint errors', () => {
    const root = makeRepo({ 'policy.md': policy(), 'a.md': procedure('a'), 'docs/b.md': broken });
    const run = sop(['lint', '.', '--as-of', '2026-06-01'], { cwd: root });
    expect(run.code).toBe(1);
    expect(run.stdout).toContain('docs/b.md\n');
    expect(run.stdout).toMatch(/2:1\s+error\s+Frontmatter: `id` is not in the expected form\..*frontmatter-schema/);
    expect(run.stdout).toContain('✖ 1 problem (1 error, 0 warnings)');
  });

  it('counts warnings against --max-warnings', () => {
    const root = makeRepo({
      'policy.md': policy(),
      'sop.config.yaml': 'rules:\n  frontmatter-schema: warn\n',
      'b.md': broken,
    });
    expect(sop(['lint', '--as-of', '2026-06-01'], { cwd: root }).code).toBe(0);
    expect(sop(['lint', '--as-of', '2026-06-01', '--max-warnings', '1'], { cwd: root }).code).toBe(0);
    const over = sop(['lint', '--as-of', '2026-06-01', '--max-warnings', '0'], { cwd: root });
    expect(over.code).toBe(1);
    expect(over.stderr).toContain('1 warnings, more than --max-warnings 0');
    const quiet = sop(['lint', '--as-of', '2026-06-01', '--quiet'], { cwd: root });
    expect(quiet).toMatchObject({ code: 0, stdout: '' });
  });

  it('writes the report to --output-file and nothing to stdout', () => {
    const root = makeRepo({ 'policy.md': policy(), 'b.md': broken });
    // A folder that does not exist is created (issue 8).
    const run = sop(['lint', '--format', 'json', '--output-file', 'out/report.json', '--as-of', '2026-06-01'], { cwd: root });
    expect(run).toMatchObject({ code: 1, stdout: '' });
    expect(JSON.parse(readFileSync(join(root, 'out', 'report.json'), 'utf8'))[0].filePath).toBe('b.md');
    const ok = sop(['lint', '--format', 'json', '--output-file', 'report.json', '--as-of', '2026-06-01'], { cwd: root });
    expect(ok).toMatchObject({ code: 1, stdout: '' });
    const report = JSON.parse(readFileSync(join(root, 'report.json'), 'utf8'));
    expect(report[0].filePath).toBe('b.md');
  });

  it('lints standard input under --stdin-filename, with that path’s config overrides', () => {
    const root = makeRepo({
      'policy.md': policy(),
      'sop.config.yaml': 'overrides:\n  - files: ["legacy/**"]\n    rules:\n      frontmatter-schema: off\n',
    });
    const flagged = sop(['lint', '--stdin', '--stdin-filename', 'new/b.md', '--format', 'json', '--as-of', '2026-06-01'], { cwd: root, input: broken });
    expect(flagged.code).toBe(1);
    expect(JSON.parse(flagged.stdout)[0].filePath).toBe('new/b.md');
    const legacy = sop(['lint', '--stdin', '--stdin-filename', 'legacy/b.md', '--as-of', '2026-06-01'], { cwd: root, input: broken });
    expect(legacy.code).toBe(0);
  });

  it('gives exit code 2 and a message naming the config line for config mistakes', () => {
    const root = makeRepo({ 'sop.config.yaml': 'lang: en\nrules:\n  procedure-step: warn\n', 'a.md': procedure('a') });
    const run = sop(['lint'], { cwd: root });
    expect(run.code).toBe(2);
    expect(run.stderr).toBe('sop: sop.config.yaml:3:3: Unknown rule "procedure-step". Did you mean "procedure-steps"? Run `sop rules` to list them.\n');
  });

  it('gives exit code 2 for usage errors', () => {
    const root = makeRepo({ 'policy.md': policy(), 'a.md': procedure('a') });
    expect(sop(['lint', '--format', 'xml'], { cwd: root }).code).toBe(2);
    expect(sop(['lint', '--bogus'], { cwd: root }).code).toBe(2);
    const missing = sop(['lint', 'nope/'], { cwd: root });
    expect(missing).toMatchObject({ code: 2, stderr: 'sop: No such file or folder: nope/\n' });
    const date = sop(['lint', '--as-of', '2026-02-30'], { cwd: root });
    expect(date).toMatchObject({ code: 2, stderr: 'sop: --as-of takes a date as YYYY-MM-DD (got "2026-02-30").\n' });
    expect(sop(['lint', '--stdin', '--fix'], { cwd: root, input: '' }).code).toBe(2);
    expect(sop(['lint', '--config', 'missing.yaml'], { cwd: root }).code).toBe(2);
  });

  it('honours --no-color, NO_COLOR and FORCE_COLOR', () => {
    const root = makeRepo({ 'policy.md': policy(), 'b.md': broken });
    const ansi = /\u001b\[/;
    expect(sop(['lint'], { cwd: root, env: { FORCE_COLOR: '1' } }).stdout).toMatch(ansi);
    expect(sop(['lint', '--no-color'], { cwd: root, env: { FORCE_COLOR: '1' } }).stdout).not.toMatch(ansi);
    expect(sop(['lint'], { cwd: root, env: { FORCE_COLOR: '1', NO_COLOR: '1' } }).stdout).not.toMatch(ansi);
    expect(sop(['lint'], { cwd: root }).stdout).not.toMatch(ansi);
  });

  it('prints byte-identical reports for the same input', () => {
    const root = makeRepo({ 'policy.md': policy(), 'a.md': procedure('a'), 'b.md': broken, 'c.md': '' });
    for (const format of ['stylish', 'json', 'sarif', 'github', 'junit']) {
      const first = sop(['lint', '--format', format, '--as-of', '2026-06-01'], { cwd: root }).stdout;
      const second = sop(['lint', '--format', format, '--as-of', '2026-06-01'], { cwd: root }).stdout;
      expect(first.length).toBeGreaterThan(0);
      expect(second).toBe(first);
    }
  });

  it('gives the same report with worker threads as on one thread', () => {
    const files: Record<string, string> = { 'policy.md': policy(), 'b.md': broken, 'c.md': '' };
    for (let i = 0; i < 8; i++) files[`p${i}.md`] = procedure(`p${i}`, ['In order to help, answer the call within three rings.', 'The agent will greet the caller.']);
    files['dup.md'] = procedure('p3');
    const root = makeRepo(files);
    const one = sop(['lint', '--format', 'json', '--jobs', '1', '--as-of', '2026-06-01'], { cwd: root });
    const three = sop(['lint', '--format', 'json', '--jobs', '3', '--as-of', '2026-06-01'], { cwd: root });
    expect(one.code).toBe(1);
    expect(JSON.parse(one.stdout).some((r: { messages: Array<{ ruleId: string }> }) => r.messages.some((m) => m.ruleId === 'unique-id'))).toBe(true);
    expect(three).toEqual(one);
    expect(sop(['lint', '--jobs', '0'], { cwd: root }).code).toBe(2);
  });

  it('--print-config shows the settings a file gets after overrides', () => {
    const root = makeRepo({
      'sop.config.yaml': 'rules:\n  sentence-length: [warn, {max: 30}]\noverrides:\n  - files: ["fr/**"]\n    lang: fr\n    rules:\n      sentence-length: off\n',
    });
    const base = JSON.parse(sop(['lint', '--print-config', 'policies/a.md'], { cwd: root }).stdout);
    expect(base).toMatchObject({ file: 'policies/a.md', config: 'sop.config.yaml', lang: 'en' });
    expect(base.rules['sentence-length']).toEqual({ severity: 'warn', options: { max: 30 } });
    const french = JSON.parse(sop(['lint', '--print-config', 'fr/a.md'], { cwd: root }).stdout);
    expect(french.lang).toBe('fr');
    expect(french.rules['sentence-length'].severity).toBe('off');
  });

  it('skips node_modules, .git, .sopignore and config ignore globs', () => {
    const root = makeRepo({
      'policy.md': policy(),
      'a.md': procedure('a'),
      'node_modules/pkg/README.md': broken,
      '.git/x.md': broken,
      'drafts/old.md': broken,
      'notes/todo.md': broken,
      '.sopignore': '# not documents\ndrafts/\n',
      'sop.config.yaml': 'ignore: ["notes/**"]\n',
    });
    expect(sop(['lint', '--as-of', '2026-06-01'], { cwd: root })).toMatchObject({ code: 0, stdout: '' });
  });
});

describe('sop rules and sop explain', () => {
  it('lists every rule with default severity and description', () => {
    const run = sop(['rules'], { cwd: makeRepo({}) });
    expect(run.code).toBe(0);
    expect(run.stdout).toMatch(/^rule\s+default\s+fix\s+languages\s+description$/m);
    expect(run.stdout).toMatch(/^required-sections\s+error\s+all\s+Each document type/m);
    const json = JSON.parse(sop(['rules', '--format', 'json'], { cwd: makeRepo({}) }).stdout);
    expect(json.find((rule: { id: string }) => rule.id === 'parse-error')).toMatchObject({ defaultSeverity: 'error', scope: 'file' });
  });

  it("prints a rule's documentation, or a did-you-mean", () => {
    const run = sop(['explain', 'procedure-steps'], { cwd: makeRepo({}) });
    expect(run.code).toBe(0);
    expect(run.stdout.startsWith('# procedure-steps\n')).toBe(true);
    const unknown = sop(['explain', 'procedure-step'], { cwd: makeRepo({}) });
    expect(unknown).toMatchObject({ code: 2, stderr: 'sop: Unknown rule "procedure-step". Did you mean "procedure-steps"? Run `sop rules` to list them.\n' });
  });

  it('prints the version and help', () => {
    expect(sop(['--version'], { cwd: makeRepo({}) })).toMatchObject({ code: 0, stdout: `${JSON.parse(readFileSync(new URL('../package.json', import.meta.url), 'utf8')).version}\n` });
    const help = sop(['--help'], { cwd: makeRepo({}) });
    expect(help.code).toBe(0);
    expect(help.stdout).toContain('lint [options] [paths...]');
  });
});

describe('sop lint --fix end to end', () => {
  const wordy = procedure('a', ['In order to help, answer the call within three rings.', 'Greet the caller by name prior to the greeting script.']);

  it('--fix-dry-run prints a unified diff and writes nothing', () => {
    const root = makeRepo({ 'policy.md': policy(), 'a.md': wordy });
    const run = sop(['lint', '--fix-dry-run', '--as-of', '2026-06-01'], { cwd: root });
    expect(run.stdout).toContain('--- a/a.md\n+++ b/a.md\n');
    expect(run.stdout).toContain('-1. In order to help, answer the call within three rings.\n-2. Greet the caller by name prior to the greeting script.\n+1. To help, answer the call within three rings.\n+2. Greet the caller by name before the greeting script.\n');
    expect(readFileSync(join(root, 'a.md'), 'utf8')).toBe(wordy);
  });

  it('--fix writes the fixes, and a second run changes nothing', () => {
    const root = makeRepo({ 'policy.md': policy(), 'a.md': wordy });
    const first = sop(['lint', '--fix', '--as-of', '2026-06-01'], { cwd: root });
    expect(first.code).toBe(0);
    const fixed = readFileSync(join(root, 'a.md'), 'utf8');
    expect(fixed).toContain('1. To help, answer the call within three rings.');
    expect(fixed).toContain('2. Greet the caller by name before the greeting script.');
    const second = sop(['lint', '--fix', '--as-of', '2026-06-01'], { cwd: root });
    expect(second).toMatchObject({ code: 0, stdout: '' });
    expect(readFileSync(join(root, 'a.md'), 'utf8')).toBe(fixed);
  });
});
