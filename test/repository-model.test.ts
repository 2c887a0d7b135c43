import { spawnSync } from 'node:child_process';
import { chmodSync, mkdirSync, mkdtempSync, readFileSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { build } from '../src/handbook/index.js';
import { lint } from '../src/lint/engine.js';
import type { LintReport } from '../src/lint/engine.js';

const made: string[] = [];
afterAll(() => made.forEach((dir) => rmSync(dir, { recursive: true, force: true })));

function tempFolder(prefix: string): string {
  const dir = mkdtempSync(join(tmpdir(), prefix));
  made.push(dir);
  return dir;
}

function write(root: string, path: string, text: string): void {
  mkdirSync(dirname(join(root, path)), { recursive: true });
  writeFileSync(join(root, path), text);
}

function git(cwd: string, ...args: string[]): void {
  const result = spawnSync('git', ['-c', 'user.name=Test', '-c', 'user.email=test@example.com', '-c', 'commit.gpgsign=false', '-c', 'init.defaultBranch=main', ...args], { cwd, encoding: 'utf8' });
  if (result.status !== 0) throw new Error(result.stderr);
}

function doc(fields: Record<string, string>, body: string): string {
  const front = { title: fields.id, type: 'procedure', owner: 'Support Team Lead', status: 'approved', version: '1.0.0', last_reviewed: '2026-05-01', ...fields };
  return `---\n${Object.entries(front).map(([key, value]) => `${key}: ${value}`).join('\n')}\n---\n\n## Purpose\n\nStaff handle refunds the same way.\n\n## Scope\n\nAll stores.\n\n## Procedure\n\n${body}\n`;
}

/** A repository whose documents name each other by id and link to each other, one of them broken. */
function crossLinkedRepository(): string {
  const root = tempFolder('sop-partial-');
  write(root, 'sop.config.yaml', 'lang: en\n');
  write(root, 'policies/refunds.md', doc({ id: 'refund-policy', type: 'policy' }, '1. Refund within 30 days.').replace('## Procedure', '## Policy'));
  write(root, 'procedures/refunds.md', doc({ id: 'refund-requests', implements: 'refund-policy', related: '[escalations]' }, '1. Check the receipt.\n2. See [the policy](../policies/refunds.md#policy).'));
  write(root, 'procedures/escalations.md', doc({ id: 'escalations', related: '[refund-requests, no-such-id]' }, '1. Call the manager.\n2. See [refunds](refunds.md#missing-anchor).'));
  write(root, 'procedures/duplicate.md', doc({ id: 'escalations' }, '1. Call the manager.'));
  return root;
}

/** Each file's findings, keyed by path relative to the repository. */
function findingsByFile(report: LintReport, prefix = ''): Map<string, string[]> {
  return new Map(report.results.map((result) => [result.filePath.slice(prefix.length), result.messages.map((m) => `${m.line}:${m.column} ${m.ruleId} ${m.message}`)]));
}

describe('a part of a repository', () => {
  it('gives a file, a folder, several files and a glob exactly the findings the whole run gives them', async () => {
    const root = crossLinkedRepository();
    const whole = findingsByFile(await lint({ cwd: root, paths: ['.'], asOf: '2026-06-01', jobs: 1 }));
    // The run has the cross-file findings this test is about.
    expect(whole.get('procedures/escalations.md')!.join('\n')).toMatch(/no-such-id/);
    expect(whole.get('procedures/escalations.md')!.join('\n')).toMatch(/missing-anchor/);
    expect(whole.get('procedures/duplicate.md')!.join('\n')).toMatch(/unique-id/);
    for (const paths of [['procedures/refunds.md'], ['procedures'], ['procedures/escalations.md', 'policies/refunds.md'], ['procedures/*.md'], ['**/refunds.md']]) {
      const part = findingsByFile(await lint({ cwd: root, paths, asOf: '2026-06-01', jobs: 1 }));
      expect(part.size, paths.join(' ')).toBeGreaterThan(0);
      for (const [file, findings] of part) expect(findings, `${paths.join(' ')}: ${file}`).toEqual(whole.get(file));
    }
  });

  it('expands globs itself: only the files the pattern matches, and a usage error when none does', async () => {
    const root = crossLinkedRepository();
    const report = await lint({ cwd: root, paths: ['procedures/e*.md'], asOf: '2026-06-01', jobs: 1 });
    expect(report.results.map((result) => result.filePath)).toEqual(['procedures/escalations.md']);
    const nested = await lint({ cwd: root, paths: ['**/refunds.md'], asOf: '2026-06-01', jobs: 1 });
    expect(nested.results.map((result) => result.filePath)).toEqual(['policies/refunds.md', 'procedures/refunds.md']);
    await expect(lint({ cwd: root, paths: ['drafts/*.md'], asOf: '2026-06-01' })).rejects.toThrow(/No Markdown file matches drafts\/\*\.md/);
  });

  it('reads the git repository the files are in: no config, linted from a subfolder', async () => {
    const root = crossLinkedRepository();
    rmSync(join(root, 'sop.config.yaml'));
    git(root, 'init', '-q');
    const whole = findingsByFile(await lint({ cwd: root, paths: ['.'], asOf: '2026-06-01', jobs: 1 }));
    const fromSubfolder = await lint({ cwd: join(root, 'procedures'), paths: ['escalations.md'], asOf: '2026-06-01', jobs: 1 });
    expect(fromSubfolder.results.map((result) => result.messages.map((m) => `${m.line}:${m.column} ${m.ruleId} ${m.message}`))).toEqual([
      // The same findings; other files are named from the working folder.
      whole.get('procedures/escalations.md')!.map((finding) => finding.replaceAll('procedures/', '')),
    ]);
  });

  it('keeps the shard a slice of the files asked for, with corpus rules seeing the whole repository', async () => {
    const root = crossLinkedRepository();
    const whole = findingsByFile(await lint({ cwd: root, paths: ['.'], asOf: '2026-06-01', jobs: 1 }));
    const seen = new Set<string>();
    for (const index of [1, 2]) {
      const part = findingsByFile(await lint({ cwd: root, paths: ['procedures'], asOf: '2026-06-01', jobs: 1, shard: { index, count: 2 } }));
      for (const [file, findings] of part) {
        expect(findings).toEqual(whole.get(file));
        seen.add(file);
      }
    }
    expect([...seen].sort()).toEqual(['procedures/duplicate.md', 'procedures/escalations.md', 'procedures/refunds.md']);
  });
});

describe('--since uses the repository of the linted files', () => {
  it('finds the change when run from another git repository', async () => {
    const repo = tempFolder('sop-since-repo-');
    write(repo, 'procedures/refunds.md', doc({ id: 'refund-requests' }, '1. Check the receipt.'));
    git(repo, 'init', '-q');
    git(repo, 'add', '-A');
    git(repo, 'commit', '-qm', 'v1');
    write(repo, 'procedures/refunds.md', doc({ id: 'refund-requests' }, '1. Check the receipt and the card.'));
    const elsewhere = tempFolder('sop-since-other-');
    git(elsewhere, 'init', '-q');
    git(elsewhere, 'commit', '-q', '--allow-empty', '-m', 'other');
    const report = await lint({ cwd: elsewhere, paths: [join(repo, 'procedures')], since: 'HEAD', asOf: '2026-06-01', onlyRules: ['version-bump'], jobs: 1 });
    const findings = report.results.flatMap((result) => result.messages.filter((m) => m.ruleId === 'version-bump').map((m) => m.message));
    expect(findings).toEqual([expect.stringMatching(/^Changed since HEAD, but `version` is still 1\.0\.0/)]);
  });
});

describe('build --since reads earlier documents in their own language', () => {
  it('reports one reworded step of a French procedure whose language comes from `overrides`', async () => {
    // The reproducer of the code review: the old text was parsed as English, so all steps looked added.
    const repo = tempFolder('sop-since-lang-');
    write(repo, 'sop.config.yaml', 'lang: en\noverrides:\n  - files: ["fr/**"]\n    lang: fr\n');
    const page = (step2: string, version: string) =>
      `---\nid: ouvrir-la-caisse\ntitle: Ouvrir la caisse\ntype: procedure\nowner: Responsable du magasin\nstatus: approved\nversion: ${version}\nlast_reviewed: 2026-11-01\n---\n\n## Objet\n\nLa caisse est ouverte chaque matin selon ces étapes.\n\n## Champ d'application\n\nElle s'applique aux vendeurs.\n\n## Procédure\n\n1. Comptez le fond de caisse.\n2. ${step2}\n3. Notez le montant dans le registre.\n`;
    write(repo, 'fr/ouvrir-la-caisse.md', page('Allumez le terminal.', '1.0.0'));
    git(repo, 'init', '-q');
    git(repo, 'add', '-A');
    git(repo, 'commit', '-qm', 'v1');
    write(repo, 'fr/ouvrir-la-caisse.md', page('Allumez le terminal de paiement.', '1.1.0'));
    const result = await build({ cwd: repo, paths: ['.'], out: 'hb', formats: ['json'], since: 'HEAD', includeDrafts: true, force: true, date: '2026-11-23' });
    expect(result.status).toBe('built');
    const manifest = JSON.parse(readFileSync(join(repo, 'hb', 'manifest.json'), 'utf8'));
    expect(manifest.changes.changed).toHaveLength(1);
    expect(manifest.changes.changed[0].steps).toEqual([expect.objectContaining({ kind: 'reworded', number: 2, previousText: 'Allumez le terminal.' })]);
  });
});

describe('builds that never drop a document', () => {
  const indexPage = (title: string) => `# ${title}\n\nStaff read this page first.\n`;

  it('keeps every index.md, each with an id from its path in the repository', async () => {
    const repo = tempFolder('sop-fallback-');
    write(repo, 'sop.config.yaml', 'lang: en\n');
    for (const folder of ['billing', 'support', 'support/tier-2']) write(repo, `${folder}/index.md`, indexPage(folder));
    const result = await build({ cwd: repo, paths: ['.'], out: 'hb', formats: ['json'], force: true, date: '2026-06-01' });
    expect(result.status).toBe('built');
    const manifest = JSON.parse(readFileSync(join(repo, 'hb', 'manifest.json'), 'utf8'));
    expect(manifest.documents.map((doc: { anchor: string }) => doc.anchor).sort()).toEqual(['billing-index', 'support-index', 'support-tier-2-index']);
    expect(result.status === 'built' && result.warnings).toEqual([]);
    const report = await lint({ cwd: repo, paths: ['.'], asOf: '2026-06-01', jobs: 1 });
    expect(report.results.flatMap((r) => r.messages.filter((m) => m.ruleId === 'unique-id'))).toEqual([]);
  });

  it('reports a real collision as unique-id, and --force lists what it could not place', async () => {
    const repo = tempFolder('sop-collision-');
    write(repo, 'sop.config.yaml', 'lang: en\n');
    write(repo, 'billing/index.md', indexPage('Billing'));
    write(repo, 'billing-index.md', doc({ id: 'billing-index', type: 'policy' }, '1. Bill monthly.').replace('## Procedure', '## Policy'));
    const report = await lint({ cwd: repo, paths: ['.'], asOf: '2026-06-01', jobs: 1 });
    const uniqueId = report.results.flatMap((r) => r.messages.filter((m) => m.ruleId === 'unique-id').map((m) => `${r.filePath}: ${m.message}`));
    expect(uniqueId).toEqual([
      'billing-index.md: Id "billing-index" is also used by billing/index.md. Ids must be unique: give one of them a new id and update the documents that reference it.',
      'billing/index.md: Id "billing-index" is also used by billing-index.md. Ids must be unique: give one of them a new id and update the documents that reference it.',
    ]);
    const result = await build({ cwd: repo, paths: ['.'], out: 'hb', formats: ['json'], force: true, date: '2026-06-01' });
    expect(result.status === 'built' && result.warnings).toEqual(['billing/index.md is not in the handbook: its id "billing-index" is also the id of billing-index.md.']);
  });
});

describe('the source layer reads only regular files inside the repository', () => {
  const page = doc({ id: 'refund-requests' }, '1. Check the receipt.');

  it('reports a link out of the repository, a FIFO and a link to /dev/zero without opening them', async () => {
    const outside = tempFolder('sop-outside-');
    write(outside, 'secret.md', page.replace('refund-requests', 'secret'));
    const repo = tempFolder('sop-contained-');
    write(repo, 'sop.config.yaml', 'lang: en\n');
    write(repo, 'procedures/refunds.md', page);
    write(repo, 'procedures/inside-target.md', page.replace('refund-requests', 'inside'));
    symlinkSync(join(outside, 'secret.md'), join(repo, 'procedures/secret.md'));
    symlinkSync(join(repo, 'procedures/inside-target.md'), join(repo, 'procedures/inside-link.md'));
    symlinkSync('/dev/zero', join(repo, 'procedures/zero.md'));
    spawnSync('mkfifo', [join(repo, 'procedures/pipe.md')]);
    const report = await lint({ cwd: repo, paths: ['.'], asOf: '2026-06-01', jobs: 1 });
    const parseErrors = (file: string) => report.results.find((r) => r.filePath === file)!.messages.filter((m) => m.ruleId === 'parse-error').map((m) => m.message);
    expect(parseErrors('procedures/secret.md')).toEqual([expect.stringMatching(/^The file is a link that points outside the repository \(to .*secret\.md\), so it was not read\./)]);
    expect(parseErrors('procedures/zero.md')).toEqual([expect.stringMatching(/^Not a regular file/)]);
    expect(parseErrors('procedures/pipe.md')).toEqual([expect.stringMatching(/^Not a regular file/)]);
    // A link that stays inside the repository is read as the file it points at.
    expect(parseErrors('procedures/inside-link.md')).toEqual([]);
    expect(report.errorCount).toBeGreaterThan(0);
  });

  it.skipIf(process.getuid?.() === 0)('reports a folder it cannot list as an error, not a silent skip', async () => {
    const repo = tempFolder('sop-unreadable-');
    write(repo, 'procedures/refunds.md', page);
    write(repo, 'locked/hidden.md', page.replace('refund-requests', 'hidden'));
    chmodSync(join(repo, 'locked'), 0o000);
    try {
      const report = await lint({ cwd: repo, paths: ['.'], asOf: '2026-06-01', jobs: 1 });
      const locked = report.results.find((r) => r.filePath === 'locked')!;
      expect(locked.messages).toEqual([expect.objectContaining({ ruleId: 'parse-error', severity: 2, message: expect.stringMatching(/^Cannot read the folder/) })]);
    } finally {
      chmodSync(join(repo, 'locked'), 0o755);
    }
  });
});
