import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { importModuleDefault, ruleModuleDir, ruleSourceDir } from '../paths.js';
import type { Rule } from '../types.js';

let loaded: Promise<Rule[]> | undefined;

/**
 * Loads every rule from `rules/<id>/rule.(js|ts)`, sorted by id. Folders are the registry, so adding
 * a rule never means editing a shared list; a test checks that each folder's id matches its module.
 */
export function loadRules(): Promise<Rule[]> {
  loaded ??= (async () => {
    const ids = readdirSync(ruleModuleDir, { withFileTypes: true })
      .filter((entry) => entry.isDirectory())
      .map((entry) => entry.name)
      .sort();
    const rules: Rule[] = [];
    for (const id of ids) {
      const rule = await importModuleDefault<Rule>(join(ruleModuleDir, id), 'rule');
      if (!rule) continue;
      if (rule.id !== id) throw new Error(`rules/${id}: the module's id is "${rule.id}"`);
      rules.push(rule);
    }
    return rules;
  })();
  return loaded;
}

export function ruleDocsPath(id: string): string {
  return join(ruleSourceDir, id, 'docs.md');
}

export function readRuleDocs(id: string): string | undefined {
  const path = ruleDocsPath(id);
  return existsSync(path) ? readFileSync(path, 'utf8') : undefined;
}

/**
 * Link to a rule's documentation (SARIF `helpUri`), from the config's `docs.ruleUrl` template such as
 * `https://intranet.example/sop/rules/{rule}.html`. sop has no website of its own to link to, so without
 * a template there is no link; the SARIF log carries the docs' text instead.
 */
export function ruleHelpUri(id: string, template: string | undefined): string | undefined {
  return template ? template.replaceAll('{rule}', encodeURIComponent(id)) : undefined;
}
