import { existsSync, readdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import { loadConfig } from '../../src/config/load.js';
import { lint } from '../../src/lint/engine.js';
import { loadRules } from '../../src/rules/registry.js';
import type { FileResult, History } from '../../src/types.js';

/**
 * Fixture layout, per rule folder `rules/<id>/`:
 *   valid/<case>.md            must give no finding of rule <id>
 *   invalid/<case>.md          must give exactly the findings in invalid/<case>.expected
 *   invalid/<case>.fixed       with {"fix": true} in <case>.json: the text after `--fix`
 *   <case>.json                optional: {"options": {...}, "asOf": "YYYY-MM-DD", "severity": "warn"}
 * A case may also be a folder (for corpus rules): valid/<case>/ or invalid/<case>/, linted as a
 * repository (with its own sop.config.yaml if present), with `case.json` and `expected` inside.
 * Expected lines: `[file:]line:column message` (file only for folder cases), sorted as reported.
 * A folder case with a `before/` folder is a history case (for `--since` rules): `before/` holds the
 * earlier version of the files that changed, given to the rules as `context.history` (no git needed),
 * and the case is linted with `--since HEAD`.
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

/**
 * `context.history` of a `before/` case: the earlier text of each file is its copy in `before/`, when
 * that differs from the file now (as `git diff` would say). No git repository is needed.
 */
export function folderHistory(casePath: string, ref = 'HEAD'): History {
  return {
    ref,
    changedTexts(absolutePaths) {
      const texts = new Map<string, string>();
      for (const path of absolutePaths) {
        const before = join(casePath, 'before', relative(casePath, path));
        if (!existsSync(before)) continue;
        const old = readFileSync(before, 'utf8');
        if (old !== readFileSync(path, 'utf8')) texts.set(path, old.replace(/^\uFEFF/, ''));
      }
      return texts;
    },
  };
}

export async function runFixtureCase(fixture: FixtureCase): Promise<{ lines: string[]; results: FileResult[] }> {
  const rules = await loadRules();
  const hasBefore = fixture.isFolder && existsSync(join(fixture.path, 'before'));
  const cwd = fixture.isFolder ? fixture.path : join(fixture.path, '..');
  const configPath = fixture.isFolder && existsSync(join(cwd, 'sop.config.yaml')) ? join(cwd, 'sop.config.yaml') : undefined;
  const loaded = loadConfig({ cwd, configPath, rules, search: false });
  // The earlier versions in `before/` are history, not documents of the repository.
  const config = hasBefore ? { ...loaded, ignore: [...loaded.ignore, 'before/**'] } : loaded;
  const report = await lint({
    cwd,
    paths: fixture.isFolder ? ['.'] : [fixture.path],
    config,
    // A folder case is a repository of its own; a file case is linted alone.
    repositoryRoot: fixture.isFolder ? fixture.path : false,
    asOf: fixture.settings.asOf ?? '2026-06-01',
    ...(hasBefore ? { since: 'HEAD', history: folderHistory(fixture.path) } : {}),
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
