import { spawnSync } from 'node:child_process';
import { cpSync, existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { build, buildDateOf, type BuildOptions } from '../src/handbook/index.js';
import { BUILD_MARKER } from '../src/handbook/write.js';
import { parseFormats } from '../src/commands/build.js';
import { BASIC_FIXTURE, BUILD_DATE, readTree } from './helpers/build.js';
import { sop } from './helpers/cli.js';

const made: string[] = [];
afterAll(() => made.forEach((dir) => rmSync(dir, { recursive: true, force: true })));

/** A writable copy of the basic fixture, so tests can edit documents and commit them. */
function fixtureCopy(): string {
  const root = mkdtempSync(join(tmpdir(), 'sop-build-'));
  made.push(root);
  cpSync(BASIC_FIXTURE, join(root, 'repo'), { recursive: true });
  return join(root, 'repo');
}

const run = (cwd: string, options: Partial<BuildOptions> = {}) => build({ cwd, paths: [], out: '../out', date: BUILD_DATE, formats: ['site', 'single', 'md', 'json'], ...options });
const read = (path: string) => readFileSync(path, 'utf8');

function git(cwd: string, ...args: string[]): void {
  const result = spawnSync('git', ['-c', 'user.name=Test', '-c', 'user.email=test@example.com', '-c', 'commit.gpgsign=false', ...args], { cwd, encoding: 'utf8' });
  if (result.status !== 0) throw new Error(result.stderr);
}

describe('sop build', () => {
  it('builds every format into the output folder and marks it as its own', async () => {
    const repo = fixtureCopy();
    const result = await run(repo);
    expect(result).toMatchObject({ status: 'built', compliant: true, formats: ['site', 'single', 'md', 'json'] });
    if (result.status !== 'built') return;
    expect(result.editions).toEqual([{ folder: '', branch: null, editionId: expect.stringMatching(/^[0-9a-f]{12}$/), documents: 5 }]);
    const out = join(repo, '..', 'out');
    for (const file of ['index.html', 'handbook.html', 'handbook.md', 'manifest.json', 'documents/refund-steps.html', 'assets/search/parts.js', BUILD_MARKER]) {
      expect(existsSync(join(out, file)), file).toBe(true);
    }
    // The image a document shows is copied beside the pages that show it.
    const image = read(join(out, 'documents', 'refund-steps.html')).match(/src="\.\.\/(media\/[0-9a-f]+\.png)"/)![1];
    expect(readFileSync(join(out, image))).toEqual(readFileSync(join(repo, 'procedures', 'till.png')));
    expect(JSON.parse(read(join(out, BUILD_MARKER)))).toMatchObject({ generator: 'sopkit', buildDate: BUILD_DATE, compliant: true });
  });

  it('gives the same bytes for the same input and date', async () => {
    const repo = fixtureCopy();
    await run(repo, { out: '../one', allBranches: true });
    await run(repo, { out: '../two', allBranches: true });
    const one = readTree(join(repo, '..', 'one'));
    const two = readTree(join(repo, '..', 'two'));
    expect([...one.keys()]).toEqual([...two.keys()]);
    expect(one.size).toBeGreaterThan(40);
    for (const [path, bytes] of one) expect(bytes.equals(two.get(path)!), path).toBe(true);
  });

  it('takes the build date from --date, else SOURCE_DATE_EPOCH, else today', () => {
    expect(buildDateOf('2026-01-02', { SOURCE_DATE_EPOCH: '0' })).toBe('2026-01-02');
    expect(buildDateOf(undefined, { SOURCE_DATE_EPOCH: '1780000000' })).toBe('2026-05-28');
    expect(buildDateOf(undefined, {})).toMatch(/^\d{4}-\d{2}-\d{2}$/);
    expect(() => buildDateOf(undefined, { SOURCE_DATE_EPOCH: 'yesterday' })).toThrow(/SOURCE_DATE_EPOCH/);
  });

  it('stops on lint errors and leaves the previous handbook untouched; --force builds it marked not compliant', async () => {
    const repo = fixtureCopy();
    await run(repo);
    const out = join(repo, '..', 'out');
    const before = readTree(out);
    writeFileSync(join(repo, 'procedures', 'broken.md'), '---\nid: Bad Id\ntitle: Broken\n---\n\n## Purpose\n\nText.\n');
    const stopped = await run(repo);
    expect(stopped.status).toBe('lint-failed');
    expect(stopped.lint.errorCount).toBeGreaterThan(0);
    expect(readTree(out)).toEqual(before);

    const forced = await run(repo, { force: true });
    expect(forced).toMatchObject({ status: 'built', compliant: false });
    expect(read(join(out, 'index.html'))).toContain('<strong>NOT COMPLIANT</strong>');
    expect(read(join(out, 'handbook.md'))).toContain('> **NOT COMPLIANT**');
    expect(JSON.parse(read(join(out, 'manifest.json'))).compliant).toBe(false);
  });

  it('builds one edition per branch with --all-branches, and a branch edition with --branch', async () => {
    const repo = fixtureCopy();
    const all = await run(repo, { allBranches: true });
    expect(all.status === 'built' && all.editions.map((edition) => [edition.folder, edition.documents])).toEqual([
      ['', 5],
      ['mumbai', 5],
    ]);
    const mumbai = read(join(repo, '..', 'out', 'mumbai', 'documents', 'answer-calls.html'));
    expect(mumbai).toContain('Call the Mumbai contact centre on 022 0000 0000.');
    expect(mumbai).toContain('Answering calls <span class="sop-muted">(the version for all branches; this page replaces it here)</span>');
    await expect(run(repo, { branch: 'mumbia' })).rejects.toThrow('No document names the branch "mumbia". Did you mean "mumbai"?');
    await expect(run(repo, { branch: 'mumbai', allBranches: true })).rejects.toThrow(/either --branch or --all-branches/);
  });

  it('lists what changed since a git ref, down to the steps', async () => {
    const repo = fixtureCopy();
    git(repo, 'init', '-q');
    git(repo, 'add', '.');
    git(repo, 'commit', '-qm', 'first edition');
    const path = join(repo, 'procedures', 'refund-steps.md');
    writeFileSync(
      path,
      read(path)
        .replace('version: 1.0.0', 'version: 1.1.0')
        .replace('1. Ask for the receipt.\n2. Check the purchase date.', '1. Check the purchase date.\n2. Ask for the receipt.')
        .replace('4. Give the customer the refund slip.', '4. Give the customer the refund slip at once.\n5. Thank the customer.'),
    );
    rmSync(join(repo, 'hi'), { recursive: true });
    const result = await run(repo, { since: 'HEAD' });
    expect(result.status).toBe('built');
    const changes = JSON.parse(read(join(repo, '..', 'out', 'manifest.json'))).changes;
    expect(changes.against).toBe('git HEAD');
    expect(changes.removed).toEqual([{ anchor: 'refunds-policy-hi', title: 'धनवापसी नीति', version: '2.0.0' }]);
    expect(changes.changed).toHaveLength(1);
    expect(changes.changed[0]).toMatchObject({ anchor: 'refund-steps', fromVersion: '1.0.0', toVersion: '1.1.0' });
    expect(changes.changed[0].steps).toEqual([
      { kind: 'moved', number: 2, previousNumber: 1, text: 'Ask for the receipt.' },
      { kind: 'reworded', number: 4, previousNumber: 4, text: 'Give the customer the refund slip at once.', previousText: 'Give the customer the refund slip.' },
      { kind: 'extra', number: 5, text: 'Thank the customer.' },
    ]);
    const page = read(join(repo, '..', 'out', 'changes.html'));
    expect(page).toContain('<li class="sop-step-extra"><strong>Step added 5</strong>: Thank the customer.</li>');
    await expect(run(repo, { since: 'no-such-ref' })).rejects.toThrow('`--since no-such-ref`: git does not know the ref "no-such-ref".');
  });

  it('lists what changed since the edition of a previous manifest', async () => {
    const repo = fixtureCopy();
    await run(repo, { out: '../first', formats: ['json'] });
    const path = join(repo, 'procedures', 'refund-steps.md');
    writeFileSync(path, read(path).replace('1. Ask for the receipt.', '1. Ask for the receipt or the order email.'));
    await run(repo, { previous: '../first/manifest.json' });
    const changes = JSON.parse(read(join(repo, '..', 'out', 'manifest.json'))).changes;
    expect(changes.against).toMatch(/^edition [0-9a-f]{12} of 2026-06-01$/);
    expect(changes.changed[0].steps).toEqual([{ kind: 'reworded', number: 1, previousNumber: 1, text: 'Ask for the receipt or the order email.', previousText: 'Ask for the receipt.' }]);
    await expect(run(repo, { previous: '../first/index.html' })).rejects.toThrow(/Cannot read the previous manifest/);
  });

  it('compares each branch edition with the same branch in a previous --all-branches build', async () => {
    const repo = fixtureCopy();
    await run(repo, { out: '../first', formats: ['json'], allBranches: true });
    const path = join(repo, 'branches', 'mumbai', 'answer-calls.md');
    writeFileSync(path, read(path).replace('022 0000 0000', '022 1111 1111'));
    await run(repo, { allBranches: true, previous: '../first/manifest.json' });
    const mumbai = JSON.parse(read(join(repo, '..', 'out', 'mumbai', 'manifest.json'))).changes;
    expect(mumbai.changed).toEqual([{ anchor: 'answer-calls', title: 'Answering calls (Mumbai)', fromVersion: '1.1.0', toVersion: '1.1.0', steps: [] }]);
    expect(JSON.parse(read(join(repo, '..', 'out', 'manifest.json'))).changes.changed).toEqual([]);
  });

  it('takes the output folder and formats from the config when the flags do not give them', async () => {
    const repo = fixtureCopy();
    // Inside the repository: a config may not send the build elsewhere (test/build-out-containment.test.ts).
    writeFileSync(join(repo, 'sop.config.yaml'), `${read(join(repo, 'sop.config.yaml')).replace('build:\n', 'build:\n  out: from-config\n  formats: [md]\n')}`);
    const result = await build({ cwd: repo, paths: [], date: BUILD_DATE });
    expect(result).toMatchObject({ status: 'built', formats: ['md'], out: join(repo, 'from-config') });
    expect([...readTree(join(repo, 'from-config')).keys()].filter((path) => !path.startsWith('media'))).toEqual([BUILD_MARKER, 'handbook.md']);
  });

  it('reads formats as a comma-separated list', () => {
    expect(parseFormats('pdf, site,md')).toEqual(['site', 'md', 'pdf']);
    expect(() => parseFormats('site,html')).toThrow('Unknown format "html". Use a comma-separated list of: site, single, md, json, pdf.');
    expect(() => parseFormats(' , ')).toThrow(/at least one/);
  });
});

describe('sop build on the command line', () => {
  it('exits 0 with a summary, 1 with the lint report, 2 for usage errors', () => {
    const repo = fixtureCopy();
    const ok = sop(['build', '--out', '../cli-out', '--date', BUILD_DATE], { cwd: repo });
    expect(ok.code).toBe(0);
    expect(ok.stdout).toMatch(/^Built the handbook \(site, single\) in \.\.\/cli-out\/\n {2}\.\.\/cli-out\/ {2}all branches: edition [0-9a-f]{12}, 5 documents\n/);
    expect(ok.stderr).toBe('');

    writeFileSync(join(repo, 'procedures', 'broken.md'), '---\nid: Bad Id\n---\n');
    const failed = sop(['build', '--out', '../cli-out', '--date', BUILD_DATE], { cwd: repo });
    expect(failed.code).toBe(1);
    expect(failed.stdout).toContain('procedures/broken.md');
    expect(failed.stderr).toMatch(/build stopped: \d+ lint errors?\. Fix them/);

    const notEmpty = sop(['build', '--out', 'policies', '--force'], { cwd: repo });
    expect(notEmpty.code).toBe(2);
    expect(notEmpty.stderr).toMatch(/Refusing to replace .*policies: the folder is not empty and was not made by `sop build`/);

    const badDate = sop(['build', '--date', '2026-02-30'], { cwd: repo });
    expect(badDate).toMatchObject({ code: 2, stderr: 'sop: --date takes a date as YYYY-MM-DD (got "2026-02-30").\n' });
  });

  it('names the Debian package and --chromium when no Chromium can print the PDF', () => {
    const repo = fixtureCopy();
    const result = sop(['build', '--format', 'pdf', '--chromium', './no-chromium-here'], { cwd: repo });
    expect(result.code).toBe(2);
    expect(result.stderr).toContain('--chromium ./no-chromium-here: no executable file there.');
    expect(result.stderr).toContain('Install the Debian package `chromium`');
    expect(existsSync(join(repo, 'handbook'))).toBe(false);

    const notChromium = sop(['build', '--format', 'pdf', '--chromium', '/bin/false'], { cwd: repo });
    expect(notChromium.code).toBe(2);
    expect(notChromium.stderr).toMatch(/^sop: Chromium at \/bin\/false did not start: .*pass another with --chromium <path>\.\n$/);
    expect(existsSync(join(repo, 'handbook'))).toBe(false);
  });
});
