import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { lint } from '../src/lint/engine.js';
import { parseShard, shardFiles } from '../src/lint/shard.js';
import { packageRoot } from '../src/paths.js';
import type { FileResult } from '../src/types.js';
import { sop } from './helpers/cli.js';

const example = join(packageRoot, 'examples', 'customer-service');

describe('--shard', () => {
  it('parses i/n and refuses anything else with what to write', () => {
    expect(parseShard('2/3')).toEqual({ index: 2, count: 3 });
    for (const bad of ['0/3', '4/3', '1', 'a/b', '1/0']) expect(() => parseShard(bad)).toThrow(/--shard takes <i>\/<n>/);
  });

  it('deals the sorted files into disjoint slices that cover every file, whatever the input order', () => {
    const files = ['/r/e.md', '/r/a.md', '/r/d.md', '/r/b.md', '/r/c.md'];
    const slices = [1, 2].map((index) => shardFiles(files, { index, count: 2 }));
    expect([...slices[0]]).toEqual(['/r/a.md', '/r/c.md', '/r/e.md']);
    expect([...slices[1]]).toEqual(['/r/b.md', '/r/d.md']);
    expect([...shardFiles([...files].reverse(), { index: 1, count: 2 })]).toEqual([...slices[0]]);
  });

  it("the shards' reports together are the whole run's, repository findings included", async () => {
    const whole = await lint({ cwd: example, asOf: '2026-06-01', jobs: 1 });
    const parts: FileResult[] = [];
    for (let index = 1; index <= 3; index++) {
      const part = await lint({ cwd: example, asOf: '2026-06-01', jobs: 1, shard: { index, count: 3 } });
      expect(part.results.length).toBeLessThan(whole.results.length);
      parts.push(...part.results);
    }
    parts.sort((a, b) => (a.filePath < b.filePath ? -1 : 1));
    expect(parts).toEqual(whole.results);
    // A repository rule (branch-uniformity compares branches) still reports from inside its shard.
    expect(parts.some((r) => r.messages.some((m) => m.ruleId === 'branch-uniformity'))).toBe(true);
  });

  it('from the command line, the JSON shards concatenate to the whole JSON report', () => {
    const whole = JSON.parse(sop(['lint', '--as-of', '2026-06-01', '-f', 'json'], { cwd: example }).stdout) as FileResult[];
    const parts = [1, 2].flatMap((index) => JSON.parse(sop(['lint', '--as-of', '2026-06-01', '-f', 'json', '--shard', `${index}/2`], { cwd: example }).stdout) as FileResult[]);
    parts.sort((a, b) => (a.filePath < b.filePath ? -1 : 1));
    expect(parts).toEqual(whole);
  });
});
