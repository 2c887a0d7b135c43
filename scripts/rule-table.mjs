#!/usr/bin/env node
// Rewrites the rule table in README.md from the rules' metadata (run `npm run build` first).
import { readFileSync, writeFileSync } from 'node:fs';
import { replaceRuleTable } from '../dist/src/docs/rule-table.js';
import { loadRules } from '../dist/src/rules/registry.js';

const readme = readFileSync(new URL('../README.md', import.meta.url), 'utf8');
const updated = replaceRuleTable(readme, await loadRules());
if (updated === undefined) {
  console.error('README.md has no rule table markers.');
  process.exit(2);
}
if (process.argv.includes('--write')) writeFileSync(new URL('../README.md', import.meta.url), updated);
else process.stdout.write(updated);
