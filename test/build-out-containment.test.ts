import { cpSync, existsSync, mkdtempSync, rmSync, writeFileSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { packageRoot } from '../src/paths.js';
import { sop } from './helpers/cli.js';

/** The config's build.out stays inside the repository; only the command line may build elsewhere. */
const folders: string[] = [];
afterAll(() => {
  for (const folder of folders) rmSync(folder, { recursive: true, force: true });
});

function repositoryWithOut(out: string): { parent: string; repo: string } {
  const parent = mkdtempSync(join(tmpdir(), 'sop-out-'));
  folders.push(parent);
  const repo = join(parent, 'repo');
  cpSync(join(packageRoot, 'examples', 'customer-service'), repo, { recursive: true });
  const config = readFileSync(join(repo, 'sop.config.yaml'), 'utf8').replace(/^build:\n/m, `build:\n  out: ${out}\n`);
  writeFileSync(join(repo, 'sop.config.yaml'), config);
  return { parent, repo };
}

describe('build.out in the config', () => {
  it('outside the repository is a config error with its line, and nothing is written', () => {
    const { parent, repo } = repositoryWithOut('../elsewhere');
    const run = sop(['build', '.', '--format', 'json', '--force', '--date', '2026-11-23'], { cwd: repo });
    expect(run.code).toBe(2);
    expect(run.stderr).toMatch(/sop\.config\.yaml:\d+:\d+: `build\.out` names "\.\.\/elsewhere", which is outside the repository/);
    expect(existsSync(join(parent, 'elsewhere'))).toBe(false);
  });

  it('inside the repository is used, and --out on the command line may name any folder', () => {
    const { parent, repo } = repositoryWithOut('site');
    expect(sop(['build', '.', '--format', 'json', '--force', '--date', '2026-11-23'], { cwd: repo }).code).toBe(0);
    expect(existsSync(join(repo, 'site', 'manifest.json'))).toBe(true);
    expect(sop(['build', '.', '--format', 'json', '--force', '--date', '2026-11-23', '--out', '../elsewhere'], { cwd: repo }).code).toBe(0);
    expect(existsSync(join(parent, 'elsewhere', 'manifest.json'))).toBe(true);
  });
});
