import { existsSync, mkdirSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { BUILD_MARKER, checkOutputFolder, openHandbook, writeHandbook } from '../src/handbook/write.js';
import { UsageError } from '../src/errors.js';
import { makeRepo } from './helpers/repo.js';

const marker = { generator: 'sopkit' };
const leftovers = (parent: string) => readdirSync(parent).filter((name) => name.includes('.sop-'));

describe('write: the output folder is swapped in whole, and only when it is ours', () => {
  it('writes every file and the marker into a new folder', () => {
    const root = makeRepo({});
    writeHandbook(join(root, 'hb'), [{ path: 'index.html', content: 'new' }, { path: 'documents/a.html', content: 'a' }], marker, []);
    expect(readFileSync(join(root, 'hb', 'index.html'), 'utf8')).toBe('new');
    expect(readFileSync(join(root, 'hb', 'documents', 'a.html'), 'utf8')).toBe('a');
    expect(JSON.parse(readFileSync(join(root, 'hb', BUILD_MARKER), 'utf8'))).toEqual(marker);
    expect(leftovers(root)).toEqual([]);
  });

  it('replaces a folder an earlier build made, dropping files the new build does not have', () => {
    const root = makeRepo({ 'hb/.sop-build.json': '{}', 'hb/index.html': 'old', 'hb/stale.html': 'stale' });
    writeHandbook(join(root, 'hb'), [{ path: 'index.html', content: 'new' }], marker, []);
    expect(readdirSync(join(root, 'hb')).sort()).toEqual([BUILD_MARKER, 'index.html']);
    expect(readFileSync(join(root, 'hb', 'index.html'), 'utf8')).toBe('new');
    expect(leftovers(root)).toEqual([]);
  });

  it('builds into an empty folder', () => {
    const root = makeRepo({});
    mkdirSync(join(root, 'hb'));
    writeHandbook(join(root, 'hb'), [{ path: 'index.html', content: 'x' }], marker, []);
    expect(existsSync(join(root, 'hb', BUILD_MARKER))).toBe(true);
  });

  it('refuses a non-empty folder without the marker, and leaves it as it was', () => {
    const root = makeRepo({ 'notes/todo.txt': 'mine' });
    expect(() => writeHandbook(join(root, 'notes'), [{ path: 'index.html', content: 'x' }], marker, [])).toThrow(UsageError);
    expect(() => checkOutputFolder(join(root, 'notes'), [])).toThrow(/not made by `sop build` \(it has no \.sop-build\.json\)/);
    expect(readdirSync(join(root, 'notes'))).toEqual(['todo.txt']);
    expect(leftovers(root)).toEqual([]);
  });

  it('refuses a file, and a folder that holds the documents being built', () => {
    const root = makeRepo({ 'file.txt': 'x', 'docs/.sop-build.json': '{}', 'docs/policies/a.md': '# A' });
    expect(() => checkOutputFolder(join(root, 'file.txt'), [])).toThrow(/it is a file/);
    expect(() => checkOutputFolder(join(root, 'docs'), [join(root, 'docs', 'policies')])).toThrow(/contains the documents being built/);
    expect(() => checkOutputFolder(root, [root])).toThrow(/contains the documents being built/);
  });

  it('leaves the previous handbook untouched when writing fails', () => {
    const root = makeRepo({ 'hb/.sop-build.json': '{}', 'hb/index.html': 'old' });
    const failing = [{ path: 'index.html', content: 'new' }, { path: 'documents', content: 'a file where a folder must go' }, { path: 'documents/a.html', content: 'a' }];
    expect(() => writeHandbook(join(root, 'hb'), failing, marker, [])).toThrow();
    expect(readFileSync(join(root, 'hb', 'index.html'), 'utf8')).toBe('old');
    expect(readdirSync(join(root, 'hb')).sort()).toEqual([BUILD_MARKER, 'index.html']);
    expect(leftovers(root)).toEqual([]);
  });

  it('marks the staging folder from the start, so a build killed half-way is never linted as documents', () => {
    const root = makeRepo({});
    const writer = openHandbook(join(root, 'hb'), []);
    writer.add([{ path: 'handbook.md', content: '# Handbook' }]);
    const [staging] = leftovers(root);
    expect(staging).toMatch(/^\.hb\.sop-new-/);
    expect(readdirSync(join(root, staging)).sort()).toEqual([BUILD_MARKER, 'handbook.md']);
    writer.abort();
    expect(readdirSync(root)).toEqual([]);
  });

  it('never writes outside the output folder', () => {
    const root = makeRepo({});
    for (const path of ['../escape.html', '/tmp/absolute.html', 'a/../../escape.html', '']) {
      expect(() => writeHandbook(join(root, 'hb'), [{ path, content: 'x' }], marker, [])).toThrow(/escapes the handbook folder/);
    }
    expect(readdirSync(root)).toEqual([]);
  });
});
