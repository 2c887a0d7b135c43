import { execFileSync } from 'node:child_process';
import { cpSync, existsSync, mkdtempSync, readdirSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { loadConfig } from '../../src/config/load.js';
import { lint } from '../../src/lint/engine.js';
import { loadRules } from '../../src/rules/registry.js';
import type { FileResult } from '../../src/types.js';

/**
 * Fixture layout, per rule folder `rules/<id>/`:
 *   valid/<case>.md            must give no finding of rule <id>
 *   invalid/<case>.md          must give exactly the findings in invalid/<case>.expected
 *   invalid/<case>.fixed       with {"fix": true} in <case>.json: the text after `--fix`
 *   <case>.json                optional: {"options": {...}, "asOf": "YYYY-MM-DD", "severity": "warn"}
 * A case may also be a folder (for corpus rules): valid/<case>/ or invalid/<case>/, linted as a
 * repository (with its own sop.config.yaml if present), with `case.json` and `expected` inside.
 * Expected lines: `[file:]line:column message` (file only for folder cases), sorted as reported.
 * A folder case with a `before/` folder is a git case (for `--since` rules): the runner commits
 * `before/`'s files in a temporary repository, lays the case's other files over them, and lints
 * with `--since HEAD`.
 * Set SOP_UPDATE_FIXTURES=1 to write missing .expected files (then review them by hand).
 */
export interface FixtureCase {
  ruleId: string;
  kind: 'valid' | 'invalid';
  name: string;
  /** File or folder of the case. */
  path: string;
  isFolder: boolean;
  settings: { options?: Record<string, unknown>; asOf?: string; severity?: 'warn' | 'error'; fix?: boolean };
  expectedPath: string;
}

const SETTINGS_FILE = 'case.json';

export function listFixtureCases(rulesDir: string): FixtureCase[] {
  const cases: FixtureCase[] = [];
  for (const ruleId of readdirSync(rulesDir).sort()) {
    for (const kind of ['valid', 'invalid'] as const) {
      const dir = join(rulesDir, ruleId, kind);
      if (!existsSync(dir)) continue;
      for (const entry of readdirSync(dir).sort()) {
        const path = join(dir, entry);
        const isFolder = statSync(path).isDirectory();
        if (!isFolder && !entry.endsWith('.md')) continue;
        const name = isFolder ? entry : entry.replace(/\.md$/, '');
        const settingsPath = isFolder ? join(path, SETTINGS_FILE) : join(dir, `${name}.json`);
        const settings = existsSync(settingsPath) ? JSON.parse(readFileSync(settingsPath, 'utf8')) : {};
        const expectedPath = isFolder ? join(path, 'expected') : join(dir, `${name}.expected`);
        cases.push({ ruleId, kind, name, path, isFolder, settings, expectedPath });
      }
    }
  }
  return cases;
}

/** Builds the temporary repository of a git case; the caller removes it. */
function gitFixture(casePath: string): string {
  const dir = mkdtempSync(join(tmpdir(), 'sop-fixture-'));
  cpSync(join(casePath, 'before'), dir, { recursive: true });
  const git = (...args: string[]) => execFileSync('git', ['-c', 'user.name=sop', '-c', 'user.email=sop@example.invalid', '-c', 'commit.gpgsign=false', ...args], { cwd: dir, stdio: 'pipe' });
  git('-c', 'init.defaultBranch=main', 'init', '-q');
  git('add', '-A');
  git('commit', '-q', '-m', 'before');
  for (const entry of readdirSync(casePath)) {
    if (entry !== 'before') cpSync(join(casePath, entry), join(dir, entry), { recursive: true });
  }
  return dir;
}

export async function runFixtureCase(fixture: FixtureCase): Promise<{ lines: string[]; results: FileResult[] }> {
  const gitDir = fixture.isFolder && existsSync(join(fixture.path, 'before')) ? gitFixture(fixture.path) : undefined;
  try {
    return await lintFixture(fixture, gitDir);
  } finally {
    if (gitDir) rmSync(gitDir, { recursive: true, force: true });
  }
}

async function lintFixture(fixture: FixtureCase, gitDir: string | undefined): Promise<{ lines: string[]; results: FileResult[] }> {
  const rules = await loadRules();
  const cwd = gitDir ?? (fixture.isFolder ? fixture.path : join(fixture.path, '..'));
  const configPath = fixture.isFolder && existsSync(join(cwd, 'sop.config.yaml')) ? join(cwd, 'sop.config.yaml') : undefined;
  const config = loadConfig({ cwd, configPath, rules, search: false });
  const report = await lint({
    cwd,
    paths: fixture.isFolder ? ['.'] : [fixture.path],
    config,
    asOf: fixture.settings.asOf ?? '2026-06-01',
    ...(gitDir ? { since: 'HEAD' } : {}),
    onlyRules: [fixture.ruleId],
    fixDryRun: fixture.settings.fix,
    ruleOverrides: { [fixture.ruleId]: { severity: fixture.settings.severity ?? 'error', options: fixture.settings.options } },
  });
  const lines = report.results.flatMap((result) =>
    result.messages
      .filter((message) => message.ruleId === fixture.ruleId)
      .map((message) => `${fixture.isFolder ? `${result.filePath}:` : ''}${message.line}:${message.column} ${message.message}`),
  );
  return { lines, results: report.results };
}

export function readExpected(fixture: FixtureCase, actual: string[]): string[] | undefined {
  if (!existsSync(fixture.expectedPath)) {
    if (process.env.SOP_UPDATE_FIXTURES) {
      writeFileSync(fixture.expectedPath, actual.join('\n') + '\n');
      return actual;
    }
    return undefined;
  }
  return readFileSync(fixture.expectedPath, 'utf8').split('\n').filter((line) => line.trim() !== '');
}
