import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { sop } from '../helpers/cli.js';
import { AS_OF, cleanRepo, parseJson, procedureText, scratch } from './kit.js';

/** F21: standard input gets a file's size, binary and UTF-8 checks. */
describe('F21 --stdin', () => {
  const repo = cleanRepo();
  const stdin = (input: string | Buffer) =>
    sop(['lint', '--stdin', '--stdin-filename', 'procedures/x.md', '--as-of', AS_OF, '-f', 'json'], { cwd: repo, input: input as string });

  it('over maxFileSize: skipped with the same warning as a file', () => {
    const big = procedureText('big', 'Check the till.\n'.repeat(400_000)); // 6.4 MB, over the 5 MB default
    const run = stdin(big);
    const [result] = parseJson(run.stdout);
    expect(result.messages).toHaveLength(1);
    expect(result.messages[0].message).toMatch(/^File is 6\.\d MB, over the 5\.0 MB limit/);
  });

  it('NUL bytes: "looks binary", not "No frontmatter"', () => {
    const run = stdin(Buffer.concat([Buffer.from(procedureText('bin')), Buffer.from([0, 1, 2])]));
    expect(parseJson(run.stdout)[0].messages[0].message).toMatch(/looks binary/);
    expect(run.code).toBe(1);
  });

  it('invalid UTF-8: the position of the first bad byte', () => {
    const run = stdin(Buffer.concat([Buffer.from('---\nid: x\n'), Buffer.from([0xc3, 0x28])]));
    const [message] = parseJson(run.stdout)[0].messages;
    expect(message.message).toMatch(/not valid UTF-8/);
    expect([message.line, message.column]).toEqual([3, 1]);
  });

  it('ordinary text is linted as before', () => {
    const run = stdin(procedureText('fine'));
    expect(run.code).toBe(0);
  });
});

/** F11: inputs the lint reports must not crash `build --force`. */
describe('F11 build --force on inputs lint reported', () => {
  it('unclosed frontmatter (LF and CRLF) and an alias bomb: built without them or with the file, exit 0, never "internal error"', () => {
    const repo = cleanRepo();
    writeFileSync(join(repo, 'procedures/unclosed.md'), '---\nid: x\ntitle: T\n\n# T\n');
    writeFileSync(join(repo, 'procedures/unclosed-crlf.md'), '---\r\nid: y\r\ntitle: T\r\n\r\n# T\r\n');
    const aliases = ['a: &a [x,x,x,x,x,x,x,x,x]', ...'bcdefghi'.split('').map((c, i) => `${c}: &${c} [${Array(9).fill(`*${'abcdefghi'[i]}`).join(',')}]`)];
    writeFileSync(join(repo, 'procedures/bomb.md'), `---\nid: bomb\ntitle: Bomb\n${aliases.join('\n')}\n---\n\n# Bomb\n`);
    const lintRun = sop(['lint', 'procedures/bomb.md', '--as-of', AS_OF, '-f', 'json'], { cwd: repo });
    const bomb = parseJson(lintRun.stdout)[0].messages.find((m) => m.ruleId === 'parse-error')!;
    expect(bomb.message).toMatch(/Frontmatter cannot be read: Excessive alias count/);
    const run = sop(['build', '.', '--out', '../out', '--date', AS_OF, '--force'], { cwd: repo });
    expect(run.stderr).not.toContain('internal error');
    expect(run.code).toBe(0);
    expect(run.stderr).toContain('Left out of the handbook: procedures/unclosed.md');
    expect(run.stderr).toContain('Left out of the handbook: procedures/unclosed-crlf.md');
  });
});

/** F12: values that name Object.prototype's properties are data, never lookups into it. */
describe('F12 prototype-named values', () => {
  const names = ['constructor', 'toString', 'valueOf', 'hasOwnProperty', '__proto__', '__defineGetter__', 'constructor-x', 'toString_y', 'en-constructor'];
  const repo = cleanRepo();
  for (const field of ['lang', 'type', 'status', 'id', 'owner', 'audience', 'branch']) {
    it(`${field}: ${names.join(', ')}: findings, never a crash`, () => {
      const folder = scratch();
      writeFileSync(join(folder, 'sop.config.yaml'), readFileSync(join(repo, 'sop.config.yaml')));
      names.forEach((name, i) => {
        const text = procedureText(`doc-${i}`, '', field === 'audience' || field === 'branch' ? `${field}: ${JSON.stringify(name)}` : '');
        writeFileSync(join(folder, `doc-${i}.md`), field === 'audience' || field === 'branch' ? text : text.replace(new RegExp(`^${field}: .*$`, 'm'), `${field}: ${JSON.stringify(name)}`).replace(/^---\n/, field === 'lang' ? `---\nlang: ${JSON.stringify(name)}\n` : '---\n'));
      });
      const run = sop(['lint', '.', '--as-of', AS_OF, '-f', 'json'], { cwd: folder });
      expect(run.stderr).not.toMatch(/crashed|internal error/);
      expect(run.code).not.toBe(2);
      const build = sop(['build', '.', '--out', '../out', '--date', AS_OF, '--force', '--format', 'json'], { cwd: folder });
      expect(build.stderr).not.toMatch(/crashed|internal error/);
    });
  }

  it('overrides[].lang is validated like the top-level lang', () => {
    const folder = scratch();
    writeFileSync(join(folder, 'sop.config.yaml'), 'overrides:\n  - files: ["**"]\n    lang: constructor\n');
    writeFileSync(join(folder, 'doc.md'), procedureText('doc'));
    const run = sop(['lint', '.', '--as-of', AS_OF], { cwd: folder });
    expect(run.code).toBe(2);
    expect(run.stderr).toMatch(/sop\.config\.yaml:3/);
    expect(run.stderr).not.toMatch(/crashed|internal error/);
  });
});
