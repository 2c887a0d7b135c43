import { cpSync, existsSync, mkdtempSync, readdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, relative } from 'node:path';
import { describe, expect, it } from 'vitest';
import { CACHE_FILE_NAME, LintCache } from '../src/lint/cache.js';
import { lint, type LintOptions } from '../src/lint/engine.js';
import { lintFile, type FileOutcome, type FilePassRequest } from '../src/lint/file-pass.js';
import { loadConfig } from '../src/config/load.js';
import { loadRules } from '../src/rules/registry.js';
import { packageRoot } from '../src/paths.js';
import type { FileRule } from '../src/types.js';
import { sop } from './helpers/cli.js';

const example = join(packageRoot, 'examples', 'customer-service');
const AS_OF = '2026-06-01';

/** A copy of the example repository to edit, and a cache folder beside it (not inside). */
function workspace(): { repo: string; cacheDir: string } {
  const root = mkdtempSync(join(tmpdir(), 'sop-cache-'));
  const repo = join(root, 'repo');
  cpSync(example, repo, { recursive: true });
  return { repo, cacheDir: join(root, 'cache') };
}

function cachedLint(repo: string, cacheDir: string, more: Partial<LintOptions> = {}, warnings: string[] = []) {
  return lint({ cwd: repo, asOf: AS_OF, jobs: 1, cache: { location: cacheDir, onWarning: (message) => warnings.push(message) }, ...more });
}

function filesUnder(dir: string): string[] {
  return readdirSync(dir, { recursive: true, withFileTypes: true })
    .filter((entry) => entry.isFile())
    .map((entry) => relative(dir, join(entry.parentPath, entry.name)))
    .sort();
}

describe('lint --cache (engine)', () => {
  it('gives the results of a run without the cache, cold and warm, and the warm run lints nothing', async () => {
    const { repo, cacheDir } = workspace();
    const plain = await lint({ cwd: repo, asOf: AS_OF, jobs: 1 });
    const cold = await cachedLint(repo, cacheDir);
    expect(cold.cache).toEqual({ reused: 0, linted: plain.results.length });
    const warm = await cachedLint(repo, cacheDir);
    expect(warm.cache).toEqual({ reused: plain.results.length, linted: 0 });
    expect(cold.results).toEqual(plain.results);
    expect(warm.results).toEqual(plain.results);
    expect(warm.errorCount).toBe(plain.errorCount);
    expect(warm.warningCount).toBe(plain.warningCount);
    // A subfolder reads the rest of the repository for the repository rules: from the same cache.
    const part = await cachedLint(repo, cacheDir, { paths: ['branches'] });
    expect(part.cache?.linted).toBe(0);
    expect(part.results).toEqual((await lint({ cwd: repo, asOf: AS_OF, jobs: 1, paths: ['branches'] })).results);
  });

  it('an edit re-lints that file only, and repository findings about it (in cached files too) update', async () => {
    const { repo, cacheDir } = workspace();
    await cachedLint(repo, cacheDir);
    // Renaming the id breaks `related: [holds-and-transfers]` in policies/customer-contact.md, which is not edited.
    const edited = join(repo, 'procedures', 'holds-and-transfers.md');
    writeFileSync(edited, readFileSync(edited, 'utf8').replace('id: holds-and-transfers', 'id: holds-and-call-transfers'));
    const after = await cachedLint(repo, cacheDir);
    const plain = await lint({ cwd: repo, asOf: AS_OF, jobs: 1 });
    expect(after.cache).toEqual({ reused: plain.results.length - 1, linted: 1 });
    expect(after.results).toEqual(plain.results);
    const contact = after.results.find((result) => result.filePath === 'policies/customer-contact.md')!;
    expect(contact.messages.some((m) => m.ruleId === 'reference-resolves' && m.message.includes('holds-and-transfers'))).toBe(true);
  });

  it('a config change re-lints every file', async () => {
    const { repo, cacheDir } = workspace();
    const first = await cachedLint(repo, cacheDir);
    const configPath = join(repo, 'sop.config.yaml');
    writeFileSync(configPath, readFileSync(configPath, 'utf8').replace('\nrules:\n', '\nrules:\n  weak-modal: off\n'));
    const plain = await lint({ cwd: repo, asOf: AS_OF, jobs: 1 });
    const after = await cachedLint(repo, cacheDir);
    expect(after.cache).toEqual({ reused: 0, linted: first.results.length });
    expect(after.results).toEqual(plain.results);
    expect(plain.results.some((r) => r.messages.some((m) => m.ruleId === 'weak-modal'))).toBe(false);
  });

  it('another --as-of re-runs the date rules on the cached summaries without re-linting a file', async () => {
    const { repo, cacheDir } = workspace();
    await cachedLint(repo, cacheDir);
    const later = await cachedLint(repo, cacheDir, { asOf: '2030-01-01' });
    expect(later.cache?.linted).toBe(0);
    expect(later.results).toEqual((await lint({ cwd: repo, asOf: '2030-01-01', jobs: 1 })).results);
  });

  it('--fix re-lints files with something to fix, and a file it changes is linted afresh next time', async () => {
    const { repo, cacheDir } = workspace();
    const plainCopy = workspace().repo;
    await cachedLint(repo, cacheDir);
    const fixed = await cachedLint(repo, cacheDir, { fix: true });
    const plainFixed = await lint({ cwd: plainCopy, asOf: AS_OF, jobs: 1, fix: true });
    expect(fixed.results).toEqual(plainFixed.results);
    expect(readFileSync(join(repo, 'procedures', 'answering-calls.md'), 'utf8')).toBe(readFileSync(join(plainCopy, 'procedures', 'answering-calls.md'), 'utf8'));
    expect(fixed.cache!.linted).toBeGreaterThan(0);
    const after = await cachedLint(repo, cacheDir);
    expect(after.cache!.linted).toBe(fixed.cache!.linted);
    expect(after.results).toEqual((await lint({ cwd: plainCopy, asOf: AS_OF, jobs: 1 })).results);
  });

  it('a corrupt, truncated or foreign cache file is a warning and a correct report, then a fresh cache', async () => {
    const { repo, cacheDir } = workspace();
    const plain = await lint({ cwd: repo, asOf: AS_OF, jobs: 1 });
    await cachedLint(repo, cacheDir);
    const file = join(cacheDir, CACHE_FILE_NAME);
    const good = readFileSync(file);
    const flipped = Buffer.from(good);
    flipped[flipped.length - 100] ^= 0xff;
    const damaged: Array<[string, Buffer]> = [
      ['truncated', good.subarray(0, Math.floor(good.length / 2))],
      ['flipped', flipped],
      ['foreign', Buffer.from('{"version":"9.0.0","files":{}}\n')],
      ['empty', Buffer.alloc(0)],
    ];
    for (const [what, bytes] of damaged) {
      writeFileSync(file, bytes);
      const warnings: string[] = [];
      const report = await cachedLint(repo, cacheDir, {}, warnings);
      expect(warnings, what).toHaveLength(1);
      expect(warnings[0], what).toMatch(/^ignoring the cache file .*lint-cache\.bin: it (is|its)/);
      expect(report.results, what).toEqual(plain.results);
      expect(report.cache, what).toEqual({ reused: 0, linted: plain.results.length });
      const again: string[] = [];
      expect((await cachedLint(repo, cacheDir, {}, again)).cache?.linted, what).toBe(0);
      expect(again, what).toEqual([]);
    }
  });

  it('an entry whose file read the date or the ref holds for that date or ref only', async () => {
    const { repo, cacheDir } = workspace();
    const rules = await loadRules();
    const config = loadConfig({ cwd: repo, rules });
    const datedRule: FileRule = {
      ...(rules.find((rule) => rule.id === 'weak-modal') as FileRule),
      check: (_doc, context) => void context.asOf,
    };
    const request: FilePassRequest = { cwd: repo, config, asOf: AS_OF, writeFixes: false, corpusRuleIds: [] };
    const input = { absolutePath: join(repo, 'policies', 'refunds.md') };
    const outcome = lintFile(input, [datedRule], request);
    expect(outcome.reads).toEqual({ asOf: true, since: false });
    // The real rules read neither in the file pass: their results hold on any date.
    expect(lintFile(input, rules, request).reads).toEqual({ asOf: false, since: false });

    const open = () => LintCache.open({ location: cacheDir }, repo, { cwd: repo, root: repo, config, ruleIds: ['weak-modal'], corpusRuleIds: [] });
    const first = open();
    await first.through([input], request, 'report', () => [outcome]);
    first.save();
    const linted: string[] = [];
    const lintAgain = (missing: { absolutePath: string }[]): FileOutcome[] => missing.map((file) => (linted.push(file.absolutePath), outcome));
    await open().through([input], request, 'report', lintAgain);
    expect(linted).toEqual([]);
    await open().through([input], { ...request, asOf: '2027-01-01' }, 'report', lintAgain);
    expect(linted).toEqual([input.absolutePath]);
  });
});

describe('lint --cache (command line)', () => {
  it('prints the same bytes as without the cache, and writes only its file inside --cache-location', () => {
    const { repo, cacheDir } = workspace();
    const before = filesUnder(repo);
    for (const format of ['stylish', 'json']) {
      const plain = sop(['lint', '--as-of', AS_OF, '-f', format], { cwd: repo });
      for (let run = 0; run < 2; run++) {
        const cached = sop(['lint', '--as-of', AS_OF, '-f', format, '--cache', '--cache-location', cacheDir], { cwd: repo });
        expect(cached.stdout).toBe(plain.stdout);
        expect(cached.stderr).toBe(plain.stderr);
        expect(cached.code).toBe(plain.code);
      }
    }
    expect(filesUnder(repo)).toEqual(before);
    expect(filesUnder(cacheDir)).toEqual([CACHE_FILE_NAME]);
  });

  it('defaults to node_modules/.cache/sop/ in the working folder', () => {
    const { repo } = workspace();
    const run = sop(['lint', '--as-of', AS_OF, '--cache'], { cwd: repo });
    expect(run.code).toBe(1);
    expect(existsSync(join(repo, 'node_modules', '.cache', 'sop', CACHE_FILE_NAME))).toBe(true);
    const mtime = statSync(join(repo, 'node_modules', '.cache', 'sop', CACHE_FILE_NAME)).mtimeMs;
    expect(sop(['lint', '--as-of', AS_OF, '--cache'], { cwd: repo }).stdout).toBe(run.stdout);
    // Nothing changed: the cache is not rewritten.
    expect(statSync(join(repo, 'node_modules', '.cache', 'sop', CACHE_FILE_NAME)).mtimeMs).toBe(mtime);
  });

  it('warns on stderr about a damaged cache file and reports as usual', () => {
    const { repo, cacheDir } = workspace();
    const plain = sop(['lint', '--as-of', AS_OF], { cwd: repo });
    sop(['lint', '--as-of', AS_OF, '--cache', '--cache-location', cacheDir], { cwd: repo });
    writeFileSync(join(cacheDir, CACHE_FILE_NAME), 'sop lint cache\n{"format":1');
    const run = sop(['lint', '--as-of', AS_OF, '--cache', '--cache-location', cacheDir], { cwd: repo });
    expect(run.stderr).toMatch(/^sop: ignoring the cache file .*lint-cache\.bin: it is truncated\. This run lints every file and rewrites it\.\n$/);
    expect(run.stdout).toBe(plain.stdout);
    expect(run.code).toBe(plain.code);
  });

  it('refuses a --cache-location that is a file, and --cache-location without --cache', () => {
    const { repo } = workspace();
    const asFile = sop(['lint', '--cache', '--cache-location', 'sop.config.yaml'], { cwd: repo });
    expect(asFile.code).toBe(2);
    expect(asFile.stderr).toMatch(/--cache-location sop\.config\.yaml is a file; give a folder/);
    const alone = sop(['lint', '--cache-location', 'x'], { cwd: repo });
    expect(alone.code).toBe(2);
    expect(alone.stderr).toMatch(/--cache-location goes with --cache/);
  });
});
