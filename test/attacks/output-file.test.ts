import { existsSync, lstatSync, mkdirSync, readFileSync, statSync, symlinkSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { sop } from '../helpers/cli.js';
import { AS_OF, cleanRepo, scratch } from './kit.js';

/** F8 and issue 8: `-o` must never replace a device or a symlink, nor report a user's mistake as an internal error. */
describe('F8 -o/--output-file targets', () => {
  const repo = cleanRepo();
  const lintTo = (target: string) => sop(['lint', '.', '--as-of', AS_OF, '-f', 'json', '-o', target], { cwd: repo });

  it('a symlink: its target is replaced, the link stays a link', () => {
    const dir = scratch();
    writeFileSync(join(dir, 'real.json'), 'old');
    symlinkSync('real.json', join(dir, 'out.json'));
    const run = lintTo(join(dir, 'out.json'));
    expect(run.code).toBe(0);
    expect(lstatSync(join(dir, 'out.json')).isSymbolicLink()).toBe(true);
    expect(JSON.parse(readFileSync(join(dir, 'real.json'), 'utf8'))).toBeInstanceOf(Array);
  });

  it('/dev/null: written in place, the device node stays a device', () => {
    const run = lintTo('/dev/null');
    expect(run.code).toBe(0);
    expect(run.stderr).toBe('');
    expect(statSync('/dev/null').isCharacterDevice()).toBe(true);
    expect(existsSync('/dev/.null.tmp')).toBe(false);
  });

  it('/dev/stdout: the report reaches standard output', () => {
    const run = lintTo('/dev/stdout');
    expect(run.stderr).not.toContain('internal error');
    expect(run.code).toBe(0);
    expect(JSON.parse(run.stdout)).toBeInstanceOf(Array);
  });

  it('a folder that does not exist is created', () => {
    const target = join(scratch(), 'reports', 'deeper', 'lint.json');
    const run = lintTo(target);
    expect(run.code).toBe(0);
    expect(JSON.parse(readFileSync(target, 'utf8'))).toBeInstanceOf(Array);
  });

  it('a folder, or a path below a file: exit 2 with a message naming the target, never "internal error"', () => {
    const dir = scratch();
    mkdirSync(join(dir, 'folder'));
    writeFileSync(join(dir, 'afile'), 'x');
    for (const [target, why] of [[join(dir, 'folder'), 'it is a folder'], [join(dir, 'afile', 'sub.json'), 'a part of the path is a file']]) {
      const run = lintTo(target);
      expect(run.code).toBe(2);
      expect(run.stderr).toContain(`Cannot write the report to ${target}: ${why}`);
      expect(run.stderr).not.toContain('internal error');
    }
    expect(readFileSync(join(dir, 'afile'), 'utf8')).toBe('x');
  });

  it('build --out below a file (F20) is a usage error, not "internal error: EEXIST"', () => {
    const dir = scratch();
    writeFileSync(join(dir, 'afile'), 'x');
    const run = sop(['build', '.', '--out', join(dir, 'afile', 'sub'), '--date', AS_OF], { cwd: repo });
    expect(run.stderr).not.toContain('internal error');
    expect(run.code).toBe(2);
  });
});
