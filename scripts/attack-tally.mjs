#!/usr/bin/env node
// Re-runs the attack suite (test/attacks/, the reliability report's reproducers) and counts attempts,
// held and failed per group. Every test runs, the long ones and those waiting on other work too
// (SOP_LONG_ATTACKS=1, SOP_PENDING_ATTACKS=1), so the numbers are the state of this checkout.
// Usage: node scripts/attack-tally.mjs [--quick]   (--quick: without the long attacks)
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { basename, join } from 'node:path';

const quick = process.argv.includes('--quick');
const dir = mkdtempSync(join(tmpdir(), 'sop-tally-'));
const output = join(dir, 'results.json');
const env = { ...process.env, SOP_PENDING_ATTACKS: '1', ...(quick ? {} : { SOP_LONG_ATTACKS: '1' }) };
spawnSync(process.execPath, ['node_modules/vitest/vitest.mjs', 'run', 'test/attacks', '--reporter=json', `--outputFile=${output}`], { env, stdio: ['ignore', 'ignore', 'inherit'] });
const report = JSON.parse(readFileSync(output, 'utf8'));
rmSync(dir, { recursive: true, force: true });

const rows = [];
const failures = [];
for (const file of report.testResults) {
  const tests = file.assertionResults;
  const held = tests.filter((t) => t.status === 'passed').length;
  const failed = tests.filter((t) => t.status === 'failed');
  const notRun = tests.length - held - failed.length;
  rows.push([basename(file.name), held + failed.length, held, failed.length, notRun]);
  for (const test of failed) failures.push(`${basename(file.name)}: ${test.ancestorTitles.join(' > ')} > ${test.title}`);
}
const total = rows.reduce((sum, row) => row.map((value, i) => (i === 0 ? 'total' : sum[i] + value)), ['total', 0, 0, 0, 0]);
console.log('| group | attempts | held | failed | not run |\n|---|---|---|---|---|');
for (const row of [...rows, total]) console.log(`| ${row.join(' | ')} |`);
if (failures.length) console.log(`\nFailed:\n${failures.map((line) => `- ${line}`).join('\n')}`);
