import { existsSync, mkdirSync, readFileSync, readdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { sop } from '../helpers/cli.js';
import { cssString } from '../../src/handbook/render/print-rules.js';
import { AS_OF, append, cleanRepo, edit, parseJson, scratch } from './kit.js';

const PNG = Buffer.from('iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mNk+M9QDwADhgGAWjR9awAAAABJRU5ErkJggg==', 'base64');

/** Fixes made before this suite: each is checked again here so it keeps holding. */
describe('F6 CSS injection through a form feed in a title', () => {
  it('cssString escapes everything that could end the string, start a comment or close <style>', () => {
    for (const hostile of ['a\fb', 'a\vb', 'a\u0000b', 'a\u2028b', 'a\\b', 'a"b', "a'b", 'a\nb', 'a</style>b', 'a/*b', 'a}b{']) {
      const literal = cssString(hostile);
      const inner = literal.slice(1, -1);
      expect(inner).not.toMatch(/["\f\v\n\r\u0000\u2028<>{}*]|\\(?![0-9a-f]+ )/);
    }
  });

  it('a "\\f" title: lint reports the control character, and the built stylesheet keeps one @page string', () => {
    const repo = cleanRepo();
    edit(repo, 'procedures/answering-calls.md', (text) =>
      text.replace(/^title: .*$/m, 'title: "Answering calls\\f}} body{background:url(http://127.0.0.1:8765/leak)} .sop-banner-noncompliant{display:none!important} @page{{"'));
    const lintRun = sop(['lint', 'procedures/answering-calls.md', '--as-of', AS_OF, '-f', 'json'], { cwd: repo });
    expect(parseJson(lintRun.stdout)[0].messages.some((m) => m.ruleId === 'frontmatter-schema' && /control character U\+000C/.test(m.message))).toBe(true);
    const run = sop(['build', '.', '--out', '../out', '--date', AS_OF, '--force', '--format', 'single'], { cwd: repo });
    expect(run.code).toBe(0);
    const html = readFileSync(join(repo, '..', 'out', 'handbook.html'), 'utf8');
    const styles = [...html.matchAll(/<style>([\s\S]*?)<\/style>/g)].map((match) => match[1]).join('\n');
    expect(styles).toContain('@page');
    expect(styles).not.toContain('\f');
    expect(styles).not.toMatch(/\.sop-banner-noncompliant\{display:none/);
    expect(styles).not.toMatch(/url\(http:\/\/127\.0\.0\.1/);
  });
});

describe('F7 <picture><source srcset> fetched remote URLs', () => {
  it('no remote srcset survives in the site or the single file', () => {
    const repo = cleanRepo();
    writeFileSync(join(repo, 'procedures', 'logo.png'), PNG);
    append(repo, 'procedures/answering-calls.md', '\n<picture><source srcset="http://127.0.0.1:8765/pixel.png"><img src="logo.png" alt="logo"></picture>\n');
    const run = sop(['build', '.', '--out', '../out', '--date', AS_OF], { cwd: repo });
    expect(run.code).toBe(0);
    const out = join(repo, '..', 'out');
    const pages = [join(out, 'handbook.html'), ...readdirSync(join(out, 'documents')).map((name) => join(out, 'documents', name))];
    for (const page of pages) expect(readFileSync(page, 'utf8')).not.toContain('127.0.0.1:8765');
  });
});

describe('images resolve against the document folder, not the working folder', () => {
  it('`sop build repo/` from elsewhere keeps the image', () => {
    const repo = cleanRepo();
    writeFileSync(join(repo, 'procedures', 'logo.png'), PNG);
    append(repo, 'procedures/answering-calls.md', '\n![logo](logo.png)\n');
    const run = sop(['build', 'repo', '--out', 'out', '--date', AS_OF], { cwd: join(repo, '..') });
    expect(run.stderr).not.toContain('Image not found');
    expect(readdirSync(join(repo, '..', 'out', 'media')).some((name) => name.endsWith('.png'))).toBe(true);
  });
});

describe('F18 stale staging folders of killed builds', () => {
  it('the next build removes a dead process\'s staging folder beside --out', () => {
    const repo = cleanRepo();
    const parent = scratch();
    // PID 2^22 + 1 is above Linux's pid_max: no such process can be alive.
    const stale = join(parent, '.out.sop-new-4194305-0badf00d');
    mkdirSync(stale);
    writeFileSync(join(stale, '.sop-build.json'), '{"generator":"sopkit","partial":true}\n');
    const run = sop(['build', '.', '--out', join(parent, 'out'), '--date', AS_OF, '--format', 'json'], { cwd: repo });
    expect(run.code).toBe(0);
    expect(existsSync(stale)).toBe(false);
    expect(readdirSync(parent)).toEqual(['out']);
  });
});

describe('F20 SOURCE_DATE_EPOCH', () => {
  const repo = cleanRepo();
  for (const epoch of ['1e20', '99999999999999', '253402300800', '-1', 'abc', '1.5']) {
    it(`SOURCE_DATE_EPOCH=${epoch}: a usage error, never "internal error" nor a year past 9999`, () => {
      const run = sop(['build', '.', '--out', '../out', '--format', 'json'], { cwd: repo, env: { SOURCE_DATE_EPOCH: epoch } });
      expect(run.code).toBe(2);
      expect(run.stderr).toContain('SOURCE_DATE_EPOCH must be a whole number of seconds');
    });
  }
});
