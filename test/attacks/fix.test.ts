import { execFileSync, spawnSync } from 'node:child_process';
import { appendFileSync, chmodSync, lstatSync, mkdirSync, readFileSync, readdirSync, renameSync, symlinkSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { sop, SOP_BIN } from '../helpers/cli.js';
import { lint } from '../../src/lint/engine.js';
import { defineFileRule } from '../../src/rules/define.js';
import { AS_OF, cleanRepo, isRoot, procedureText, scratch } from './kit.js';

const WORDY = 'Go there in order to win the day.\n';

function fixableRepo(): string {
  const repo = scratch();
  writeFileSync(join(repo, 'sop.config.yaml'), 'lang: en\n');
  writeFileSync(join(repo, 'doc.md'), procedureText('doc', WORDY));
  return repo;
}

/** F9, F10 and issue 8: `--fix` never loses an edit, never writes what it must not, and never stops the run. */
describe('F9 --fix and edits made during the run', () => {
  it('a file changed after it was read is not overwritten: a warning says to run again', async () => {
    const repo = fixableRepo();
    const path = join(repo, 'doc.md');
    // A rule that saves an edit to the file while the run is linting it, as an editor or git checkout would.
    const editor = defineFileRule({
      id: 'test-editor-saves',
      description: 'Appends a line to the file while it is being linted.',
      principle: 'accountable-metadata',
      defaultSeverity: 'warn',
      languages: 'all',
      defaultOptions: {},
      optionsSchema: { type: 'object' },
      messages: { saved: 'saved' },
      check: () => appendFileSync(path, 'USER EDIT\n'),
    });
    const report = await lint({ cwd: repo, paths: ['.'], asOf: AS_OF, fix: true, extraRules: [editor], ruleOverrides: { 'test-editor-saves': { severity: 'warn' } } });
    const text = readFileSync(path, 'utf8');
    expect(text).toContain('USER EDIT');
    expect(text).toContain('in order to');
    expect(report.warnings).toEqual(['doc.md: the file changed during the run, so the fixes were not written; run --fix again.']);
  });

  it('an unchanged file is fixed, and no temporary file is left beside it', async () => {
    const repo = fixableRepo();
    const report = await lint({ cwd: repo, paths: ['.'], asOf: AS_OF, fix: true });
    expect(report.warnings).toEqual([]);
    expect(readFileSync(join(repo, 'doc.md'), 'utf8')).toContain('Go there to win the day.');
    expect(readdirSync(repo).filter((name) => name.endsWith('.tmp'))).toEqual([]);
  });
});

describe('F10 --fix, permissions and links', () => {
  it('a read-only document is not rewritten (even by root), with a warning', () => {
    const repo = fixableRepo();
    chmodSync(join(repo, 'doc.md'), 0o444);
    const run = sop(['lint', '.', '--fix', '--as-of', AS_OF], { cwd: repo });
    expect(run.stderr).toContain('sop: doc.md: the file is read-only, so the fixes were not written.');
    expect(readFileSync(join(repo, 'doc.md'), 'utf8')).toContain('in order to');
    expect(lstatSync(join(repo, 'doc.md')).mode & 0o777).toBe(0o444);
  });

  it('a symlinked document is fixed through to its target inside the repository; the link stays', () => {
    const repo = fixableRepo();
    mkdirSync(join(repo, 'shared'));
    renameSync(join(repo, 'doc.md'), join(repo, 'shared', 'doc.md'));
    mkdirSync(join(repo, 'procedures'));
    symlinkSync('../shared/doc.md', join(repo, 'procedures', 'doc.md'));
    sop(['lint', 'procedures', '--fix', '--as-of', AS_OF], { cwd: repo });
    expect(lstatSync(join(repo, 'procedures', 'doc.md')).isSymbolicLink()).toBe(true);
    expect(readFileSync(join(repo, 'shared', 'doc.md'), 'utf8')).toContain('Go there to win the day.');
  });

  it.skipIf(process.platform === 'win32')('an unwritable folder: that file is skipped with a warning, the others are fixed, the report is written', () => {
    const repo = cleanRepo();
    writeFileSync(join(repo, 'procedures', 'wordy.md'), procedureText('wordy', WORDY));
    mkdirSync(join(repo, 'locked'));
    writeFileSync(join(repo, 'locked', 'locked.md'), procedureText('locked', WORDY));
    chmodSync(join(repo, 'locked'), 0o555);
    const args = [SOP_BIN, 'lint', '.', '--fix', '--as-of', AS_OF, '-f', 'json'];
    // Root writes anywhere: run as nobody, who then owns everything but the locked folder's write bit.
    if (isRoot) execFileSync('chown', ['-R', 'nobody', join(repo, '..')]);
    const run = isRoot
      ? spawnSync('runuser', ['-u', 'nobody', '--', process.execPath, ...args], { cwd: repo, encoding: 'utf8' })
      : spawnSync(process.execPath, args, { cwd: repo, encoding: 'utf8' });
    const { stdout, stderr } = run;
    expect(run.status).toBe(0);
    expect(stderr).toContain("sop: locked/locked.md: the fixes could not be written (EACCES); check the folder's permissions.");
    chmodSync(join(repo, 'locked'), 0o755);
    expect(stderr).not.toContain('internal error');
    expect(JSON.parse(stdout)).toBeInstanceOf(Array);
    expect(readFileSync(join(repo, 'locked', 'locked.md'), 'utf8')).toContain('in order to');
    expect(readFileSync(join(repo, 'procedures', 'wordy.md'), 'utf8')).not.toContain('in order to');
  });
});

describe('issue 8: --fix with --fix-dry-run', () => {
  it('is a usage error (exit 2) and writes nothing', () => {
    const repo = fixableRepo();
    const before = readFileSync(join(repo, 'doc.md'), 'utf8');
    const run = sop(['lint', '.', '--fix', '--fix-dry-run', '--as-of', AS_OF], { cwd: repo });
    expect(run.code).toBe(2);
    expect(run.stderr).toContain('Give either --fix (write the fixes) or --fix-dry-run (show them), not both.');
    expect(readFileSync(join(repo, 'doc.md'), 'utf8')).toBe(before);
  });
});
