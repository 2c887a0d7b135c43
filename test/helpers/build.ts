import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join, relative } from 'node:path';
import { buildSettings } from '../../src/handbook/settings.js';
import { lint } from '../../src/lint/engine.js';
import { planEdition } from '../../src/handbook/resolve.js';
import type { DocRecord, EditionPlan, EditionSelector } from '../../src/handbook/types.js';
import { loadConfig } from '../../src/config/load.js';
import { packageRoot } from '../../src/paths.js';
import { loadRules } from '../../src/rules/registry.js';
import type { ResolvedConfig } from '../../src/types.js';

export const BASIC_FIXTURE = join(packageRoot, 'test', 'fixtures', 'build-basic');
export const BUILD_DATE = '2026-06-01';

/** Config and records of a fixture repository, read as the build reads them. */
export async function loadFixture(folder: string): Promise<{ config: ResolvedConfig; records: DocRecord[] }> {
  const config = loadConfig({ cwd: folder, rules: await loadRules() });
  const report = await lint({ cwd: folder, paths: [], config, records: true, asOf: BUILD_DATE });
  return { config, records: report.records };
}

export function plan(records: readonly DocRecord[], config: ResolvedConfig, selector: Partial<EditionSelector> = {}, compliant = true): EditionPlan {
  return planEdition(records, {
    settings: buildSettings(config),
    selector: { includeDrafts: false, ...selector },
    folder: '',
    buildDate: BUILD_DATE,
    asOf: BUILD_DATE,
    compliant,
    review: config,
  });
}

/** Every file under a folder with its bytes, keyed by relative path. */
export function readTree(root: string): Map<string, Buffer> {
  const files = new Map<string, Buffer>();
  const walk = (folder: string) => {
    for (const name of readdirSync(folder).sort()) {
      const path = join(folder, name);
      if (statSync(path).isDirectory()) walk(path);
      else files.set(relative(root, path), readFileSync(path));
    }
  };
  walk(root);
  return files;
}
