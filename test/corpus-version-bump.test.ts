import { execFileSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { UsageError } from '../src/errors.js';
import { realpathSync } from 'node:fs';
import { openGitRepository } from '../src/source/git.js';
import { compareVersions, parseVersion } from '../src/repository/semver.js';
import { versionedContent } from '../src/repository/fingerprint.js';
import { lint } from '../src/lint/engine.js';

let repo: string;

function git(...args: string[]): string {
  return execFileSync('git', ['-c', 'user.name=sop', '-c', 'user.email=sop@example.invalid', '-c', 'commit.gpgsign=false', ...args], { cwd: repo, stdio: 'pipe' }).toString();
}

function write(path: string, text: string): void {
  mkdirSync(dirname(join(repo, path)), { recursive: true });
  writeFileSync(join(repo, path), text);
}

function doc(id: string, version: string, steps: string[], extra = ''): string {
  return `---\nid: ${id}\ntitle: ${id}\ntype: procedure\nowner: Support Team Lead\nstatus: draft\nversion: "${version}"\nlast_reviewed: 2026-01-01\n${extra}---\n\n# ${id}\n\n## Procedure\n\n${steps.map((step, i) => `${i + 1}. ${step}`).join('\n')}\n`;
}

async function findings(options: { since?: string; cwd?: string } = {}): Promise<string[]> {
  const cwd = options.cwd ?? repo;
  const report = await lint({ cwd, paths: ['.'], since: options.since, onlyRules: ['version-bump'], ruleOverrides: { 'version-bump': { severity: 'error' } } });
  return report.results.flatMap((result) => result.messages.filter((m) => m.ruleId === 'version-bump').map((m) => `${result.filePath}:${m.line} ${m.message}`));
}

beforeEach(() => {
  repo = mkdtempSync(join(tmpdir(), 'sop-version-bump-'));
  git('-c', 'init.defaultBranch=main', 'init', '-q');
  write('procedures/refunds.md', doc('refunds', '1.0.0', ['Greet the customer.', 'Offer a refund.']));
  write('procedures/greeting.md', doc('greeting', '1.0.0', ['Greet the customer.']));
  write('procedures/transfers.md', doc('transfers', '2.0.0', ['Stay on the line.'], 'changelog:\n  - version: "2.0.0"\n    date: 2026-01-01\n    summary: Rewritten.\n'));
  git('add', '-A');
  git('commit', '-q', '-m', 'first');
  git('tag', 'v1');
});

afterEach(() => {
  rmSync(repo, { recursive: true, force: true });
});

describe('version-bump on a real git repository', () => {
  it('does nothing without --since', async () => {
    write('procedures/refunds.md', doc('refunds', '1.0.0', ['Greet the customer.', 'Offer a refund or a replacement.']));
    expect(await findings()).toEqual([]);
  });

  it('flags an uncommitted change without a new version, and nothing else', async () => {
    write('procedures/refunds.md', doc('refunds', '1.0.0', ['Greet the customer.', 'Offer a refund or a replacement.']));
    expect(await findings({ since: 'v1' })).toEqual([
      'procedures/refunds.md:7 Changed since v1, but `version` is still 1.0.0. Raise it (1.0.1 for a correction, 1.1.0 for a change in practice) so staff can tell what changed.',
    ]);
  });

  it('flags committed changes too, compared with an older commit', async () => {
    write('procedures/greeting.md', doc('greeting', '1.0.0', ['Greet the customer by name.']));
    git('commit', '-q', '-am', 'reword');
    expect(await findings({ since: 'v1' })).toHaveLength(1);
    expect(await findings({ since: 'HEAD' })).toEqual([]);
  });

  it('accepts a higher version, and asks for a changelog entry when the document keeps a changelog', async () => {
    write('procedures/refunds.md', doc('refunds', '1.1.0', ['Greet the customer.', 'Offer a refund or a replacement.']));
    write('procedures/transfers.md', doc('transfers', '2.1.0', ['Stay on the line until the customer is connected.'], 'changelog:\n  - version: "2.0.0"\n    date: 2026-01-01\n    summary: Rewritten.\n'));
    expect(await findings({ since: 'v1' })).toEqual([
      'procedures/transfers.md:9 `changelog` has no entry for version 2.1.0. Add one at the top with the version, the date and what changed.',
    ]);
  });

  it('ignores changes of layout, key order, trailing spaces and line endings', async () => {
    const text = doc('refunds', '1.0.0', ['Greet the customer.', 'Offer a refund.'])
      .replace('title: refunds\ntype: procedure', 'type: procedure\ntitle: refunds')
      .replace('Offer a refund.', 'Offer a refund.   ')
      .replace(/\n/g, '\r\n');
    write('procedures/refunds.md', text);
    expect(await findings({ since: 'v1' })).toEqual([]);
  });

  it('follows a renamed file to its old version', async () => {
    git('mv', 'procedures/greeting.md', 'procedures/greeting-callers.md');
    write('procedures/greeting-callers.md', doc('greeting', '1.0.0', ['Greet the caller.']));
    expect(await findings({ since: 'v1' })).toEqual([
      expect.stringMatching(/^procedures\/greeting-callers\.md:7 Changed since v1, but `version` is still 1\.0\.0/),
    ]);
  });

  it('leaves new files alone', async () => {
    write('procedures/new.md', doc('new', '0.1.0', ['Do it.']));
    git('add', 'procedures/new.md');
    expect(await findings({ since: 'v1' })).toEqual([]);
  });

  it('works from a subfolder of the repository', async () => {
    write('procedures/refunds.md', doc('refunds', '1.0.0', ['Greet the customer.', 'Offer a refund or a replacement.']));
    expect(await findings({ since: 'v1', cwd: join(repo, 'procedures') })).toEqual([
      expect.stringMatching(/^refunds\.md:7 Changed since v1/),
    ]);
  });

  it('is a usage error for an unknown ref', async () => {
    await expect(findings({ since: 'no-such-branch' })).rejects.toThrow(UsageError);
    await expect(findings({ since: 'no-such-branch' })).rejects.toThrow(/git does not know the ref "no-such-branch"/);
    await expect(findings({ since: '--output=/tmp/x' })).rejects.toThrow(UsageError);
  });

  it('is a usage error outside a git repository', async () => {
    const outside = mkdtempSync(join(tmpdir(), 'sop-no-git-'));
    try {
      writeFileSync(join(outside, 'a.md'), doc('a', '1.0.0', ['Do it.']));
      await expect(findings({ since: 'main', cwd: outside })).rejects.toThrow(/needs a git repository/);
    } finally {
      rmSync(outside, { recursive: true, force: true });
    }
  });
});

describe('git access', () => {
  it('lists changes once and reads old texts in one batch, with non-ASCII names', () => {
    write('procedures/धनवापसी.md', doc('dhanvapasi', '1.0.0', ['ग्राहक का स्वागत करें।']));
    git('add', '-A');
    git('commit', '-q', '-m', 'hindi');
    write('procedures/धनवापसी.md', doc('dhanvapasi', '1.0.0', ['ग्राहक का स्वागत करें।', 'धनवापसी दें।']));
    renameSync(join(repo, 'procedures/refunds.md'), join(repo, 'procedures/refund-requests.md'));
    git('add', '-A');
    const repository = openGitRepository(repo);
    expect(repository.root).toBe(realpathSync(repo));
    const changed = repository.changedSince('HEAD');
    const at = (path: string) => join(repository.root, path);
    expect([...changed.keys()].sort()).toEqual([at('procedures/refund-requests.md'), at('procedures/धनवापसी.md')]);
    expect(changed.get(at('procedures/refund-requests.md'))).toMatchObject({ oldPath: 'procedures/refunds.md', status: 'R' });
    expect(repository.listAtRef('HEAD')).toContain('procedures/refunds.md');
    const bytes = repository.readAtRef('HEAD', ['procedures/refunds.md', 'procedures/धनवापसी.md', 'procedures/missing.md']);
    const texts = new Map([...bytes].map(([path, content]) => [path, content && Buffer.from(content).toString('utf8')]));
    expect(texts.get('procedures/refunds.md')).toContain('Offer a refund.');
    expect(texts.get('procedures/धनवापसी.md')).toContain('ग्राहक का स्वागत करें।');
    expect(texts.get('procedures/धनवापसी.md')).not.toContain('धनवापसी दें');
    expect(texts.get('procedures/missing.md')).toBeUndefined();
  });
});

describe('versions and fingerprints', () => {
  it('orders semantic versions by precedence', () => {
    const order = ['1.0.0-alpha', '1.0.0-alpha.1', '1.0.0-alpha.beta', '1.0.0-beta.2', '1.0.0-beta.11', '1.0.0-rc.1', '1.0.0', '1.0.1', '1.10.0', '2.0.0'];
    for (let i = 0; i + 1 < order.length; i++) {
      expect(compareVersions(parseVersion(order[i])!, parseVersion(order[i + 1])!), `${order[i]} < ${order[i + 1]}`).toBe(-1);
    }
    expect(compareVersions(parseVersion('1.0.0+build.5')!, parseVersion('1.0.0')!)).toBe(0);
    expect(parseVersion('1.0')).toBeUndefined();
    expect(parseVersion(1)).toBeUndefined();
  });

  it('changes with the body or a field, not with version or changelog', () => {
    const base = versionedContent(doc('a', '1.0.0', ['Do it.']));
    expect(versionedContent(doc('a', '1.2.0', ['Do it.'], 'changelog: []\n')).fingerprint).toBe(base.fingerprint);
    expect(versionedContent(doc('a', '1.0.0', ['Do it now.'])).fingerprint).not.toBe(base.fingerprint);
    expect(versionedContent(doc('a', '1.0.0', ['Do it.'], 'tags: [x]\n')).fingerprint).not.toBe(base.fingerprint);
    expect(base.version).toBe('1.0.0');
  });
});
