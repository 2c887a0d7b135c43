#!/usr/bin/env node
// `npm run bench -- --shapes` (or `node bench/shapes.mjs`): times `sop lint` on one document whose body
// is a single pathological line or block, doubling its size, and prints the time per size and the
// growth ratio between doublings. Linear stages give a ratio near 2; a quadratic one near 4.
//
//   node bench/shapes.mjs                      every shape, 8 KB → 256 KB (6 doublings)
//   node bench/shapes.mjs dots a-dot-a         only these shapes
//   SHAPES_FROM=16384 SHAPES_TO=2097152        first and last size in bytes (doubling in between)
//   SHAPES_TIMEOUT=60                          seconds per run; a shape stops at its first timeout
//
// Each run is a whole process (`node bin/sop.js lint <dir> --format json`). Its CPU time (user +
// system, from bench/rusage-hook.mjs) is what counts, since wall time on a shared machine moves with
// the load; the "net" column subtracts the CPU time of the same document with an empty body, and the
// ratio is computed on net CPU times. Documents are written to .bench/shapes/ (git-ignored).

import { spawn } from 'node:child_process';
import { existsSync, mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';

const root = dirname(dirname(fileURLToPath(import.meta.url)));
const sop = join(root, 'bin', 'sop.js');
const workDir = join(root, '.bench', 'shapes');
const rusageHook = pathToFileURL(join(root, 'bench', 'rusage-hook.mjs')).href;

/** Each shape returns a body of about `bytes` characters. */
const SHAPES = {
  dots: { what: 'one line of full stops', body: (bytes) => '.'.repeat(bytes) },
  commas: { what: 'one line of "a, a, a, …"', body: (bytes) => 'a, '.repeat(bytes / 3) },
  'long-sentence': { what: 'one sentence of n words ("the agent checks the refund …")', body: (bytes) => `${'the agent checks the refund '.repeat(bytes / 28)}.` },
  'no-spaces': { what: 'one line of letters, no space', body: (bytes) => 'a'.repeat(bytes) },
  'a-dot-a': { what: 'one line of "a.a.a.…"', body: (bytes) => 'a.'.repeat(bytes / 2) },
  brackets: { what: 'one line of "([([…"', body: (bytes) => '(['.repeat(bytes / 2) },
  quotes: { what: 'one line of double quotes', body: (bytes) => '"'.repeat(bytes) },
  'e-g': { what: 'one line of "e.g. e.g. …"', body: (bytes) => 'e.g. '.repeat(bytes / 5) },
  'number-lines': { what: 'lines of "1. 1. 1." (a nested list per line)', body: (bytes) => '1. 1. 1.\n\n'.repeat(bytes / 10) },
  'numbered-sentences': { what: 'one paragraph of "Call extension 4. Then wait." sentences', body: (bytes) => 'Call extension 4. Then wait 1.5 minutes, etc. '.repeat(bytes / 46) },
  'will-be': { what: 'one line of "will be done "', body: (bytes) => 'it will be done '.repeat(bytes / 16) },
  'wordy-phrases': { what: 'one line of "in order to "', body: (bytes) => 'in order to '.repeat(bytes / 12) },
  'wrapped-list-item': { what: 'one list item wrapped over many lines', body: (bytes) => `- ${'the agent may check\n  '.repeat(bytes / 22)}done.` },
  blockquote: { what: 'one blockquote paragraph over many lines', body: (bytes) => `${'> the refund is checked by\n'.repeat(bytes / 27)}` },
};

const FRONTMATTER = `---
id: shape
title: Shape
type: procedure
owner: Customer Service Manager
status: draft
version: 1.0.0
last_reviewed: 2026-01-10
---

## Purpose

`;

const from = Number(process.env.SHAPES_FROM ?? 8192);
const to = Number(process.env.SHAPES_TO ?? 262144);
const timeoutSeconds = Number(process.env.SHAPES_TIMEOUT ?? 60);
const chosen = process.argv.slice(2).filter((arg) => !arg.startsWith('--'));
const unknown = chosen.filter((name) => !(name in SHAPES));
if (unknown.length > 0) fail(`unknown shape(s): ${unknown.join(', ')} (known: ${Object.keys(SHAPES).join(', ')})`);
if (!existsSync(join(root, 'dist', 'src', 'cli.js'))) fail('dist/ is missing: run `npm run build` first.');
if (!(from > 0 && to >= from)) fail('SHAPES_FROM and SHAPES_TO must be sizes in bytes with SHAPES_FROM ≤ SHAPES_TO.');

const base = await run('empty', '');
console.log(`sop shapes: ${from} → ${to} bytes, doubling · timeout ${timeoutSeconds} s · start-up (empty body) ${base.cpu.toFixed(2)} s CPU · Node ${process.version}`);
for (const name of chosen.length > 0 ? chosen : Object.keys(SHAPES)) {
  console.log(`\n${name}: ${SHAPES[name].what}`);
  console.log('      bytes    wall s     CPU s  net CPU s   ratio  findings');
  let previous;
  for (let bytes = from; bytes <= to; bytes *= 2) {
    const result = await run(name, SHAPES[name].body(bytes));
    if (result.status !== 'ok') {
      console.log(`${String(bytes).padStart(11)}  ${result.status}`);
      break;
    }
    const net = Math.max(0.01, result.cpu - base.cpu);
    const ratio = previous ? (net / previous).toFixed(2) : '';
    console.log(`${String(bytes).padStart(11)}  ${result.seconds.toFixed(2).padStart(8)}  ${result.cpu.toFixed(2).padStart(8)}  ${net.toFixed(2).padStart(9)}  ${ratio.padStart(6)}  ${String(result.findings).padStart(8)}`);
    previous = net;
  }
}
rmSync(workDir, { recursive: true, force: true });

function fail(message) {
  console.error(`shapes: ${message}`);
  process.exit(2);
}

function run(name, body) {
  const dir = join(workDir, name);
  rmSync(dir, { recursive: true, force: true });
  mkdirSync(dir, { recursive: true });
  writeFileSync(join(dir, 'shape.md'), `${FRONTMATTER}${body}\n`);
  return new Promise((resolve) => {
    const started = process.hrtime.bigint();
    const usageFile = join(workDir, `${name}.usage.json`);
    rmSync(usageFile, { force: true });
    const env = { ...process.env, SOP_BENCH_USAGE_FILE: usageFile, NODE_OPTIONS: `${process.env.NODE_OPTIONS ?? ''} --import=${rusageHook}`.trim() };
    const child = spawn(process.execPath, [sop, 'lint', dir, '--format', 'json', '--as-of', '2026-11-23'], { stdio: ['ignore', 'pipe', 'pipe'], env });
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (chunk) => (stdout += chunk));
    child.stderr.on('data', (chunk) => (stderr += chunk));
    const timer = setTimeout(() => child.kill('SIGKILL'), timeoutSeconds * 1000);
    child.on('close', (code, signal) => {
      clearTimeout(timer);
      const seconds = Number(process.hrtime.bigint() - started) / 1e9;
      if (signal) return resolve({ status: `did not finish in ${timeoutSeconds} s`, seconds });
      if (code !== 0 && code !== 1) return resolve({ status: `failed (exit ${code}): ${stderr.trim().split('\n').at(-1) ?? ''}`, seconds });
      // Exit 2 is also what a rule crash gives (the report then names the rule on stderr).
      const usage = existsSync(usageFile) ? JSON.parse(readFileSync(usageFile, 'utf8')) : undefined;
      const cpu = usage ? (usage.userCPUTime + usage.systemCPUTime) / 1e6 : seconds;
      resolve({ status: 'ok', seconds, cpu, findings: (stdout.match(/"ruleId":/g) ?? []).length });
    });
  });
}
