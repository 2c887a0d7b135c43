#!/usr/bin/env node
// `npm run bench`: times `sop lint` against markdownlint-cli2 (its default rules) and remark-cli
// (retext-english + retext-passive + retext-intensify + retext-simplify), and `sop build` of the same
// corpus, on the same generated corpora, alternately in one run; prints a table and median ratios.
//
//   BENCH_SIZES="1000 10000"   corpus sizes (files)                       default "1000 10000"
//   BENCH_RUNS=1               timed runs per row and size (median shown)  default 1
//   BENCH_TIMEOUT=900          seconds before a run is stopped             default 900
//   BENCH_ROWS="sop cached markdownlint remark build"   rows to run        default all five
//   (`cached`: `sop lint --cache` run once untimed to fill a fresh cache, then timed on the unchanged corpus)
//   BENCH_TIMER=hook           use the resource-usage hook even where GNU time exists
//
// Corpora are written to .bench/corpus-<N> (git-ignored) by bench/gen-corpus.mjs and reused while the
// generator is unchanged. Each run is a whole process from start to exit; its report goes into a pipe
// that is read and thrown away, so formatting and printing the report counts, as it does for a user.
// CPU time and peak memory come from GNU time (/usr/bin/time -v) when present, else from a preload
// hook that records the process's own resource usage at exit.

import { spawn, spawnSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import { existsSync, mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { loadavg } from 'node:os';
import { basename, dirname, join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';

const root = dirname(dirname(fileURLToPath(import.meta.url)));

// `npm run bench -- --shapes [shape…]`: pathological one-line and one-block documents (bench/shapes.mjs).
if (process.argv.includes('--shapes')) {
  await import(pathToFileURL(join(root, 'bench', 'shapes.mjs')).href);
  process.exit(process.exitCode ?? 0);
}
const benchDir = join(root, '.bench');
const generator = join(root, 'bench', 'gen-corpus.mjs');
const rusageHook = join(root, 'bench', 'rusage-hook.mjs');
const GNU_TIME = '/usr/bin/time';

const sizes = (process.env.BENCH_SIZES ?? '1000 10000').split(/[\s,]+/).filter(Boolean).map(Number);
const runs = Number(process.env.BENCH_RUNS ?? 1);
const timeoutSeconds = Number(process.env.BENCH_TIMEOUT ?? 900);
const rowIds = (process.env.BENCH_ROWS ?? 'sop cached markdownlint remark build').split(/[\s,]+/).filter(Boolean);

for (const [name, value] of [['BENCH_RUNS', runs], ['BENCH_TIMEOUT', timeoutSeconds]]) {
  if (!Number.isInteger(value) || value < 1) fail(`${name} must be a whole number of at least 1 (got "${process.env[name]}").`);
}
if (sizes.length === 0 || sizes.some((n) => !Number.isInteger(n) || n < 1)) fail(`BENCH_SIZES must list whole numbers of files (got "${process.env.BENCH_SIZES}").`);

const ROWS = {
  sop: {
    label: 'sop lint (all default rules)',
    command: (dir) => [process.execPath, [join(root, 'bin', 'sop.js'), 'lint', dir, '--format', 'json']],
    env: {},
    // Exit code 1 means findings; 2 or more is a failure.
    ok: (code) => code === 0 || code === 1,
    // Each finding in the JSON report has one "ruleId".
    finding: /"ruleId":/g,
    requires: join(root, 'dist', 'src', 'cli.js'),
    missing: 'dist/ is missing: run `npm run build` first.',
  },
  cached: {
    label: 'sop lint --cache (re-run, unchanged)',
    command: (dir) => [process.execPath, [join(root, 'bin', 'sop.js'), 'lint', dir, '--format', 'json', '--cache', '--cache-location', join(benchDir, `cache-${basename(dir)}`)]],
    // The first run fills an empty cache; only the second is timed.
    prepare: (dir) => {
      rmSync(join(benchDir, `cache-${basename(dir)}`), { recursive: true, force: true });
      const [command, args] = ROWS.cached.command(dir);
      spawnSync(command, args, { cwd: root, stdio: 'ignore' });
    },
    env: {},
    ok: (code) => code === 0 || code === 1,
    finding: /"ruleId":/g,
    requires: join(root, 'dist', 'src', 'cli.js'),
    missing: 'dist/ is missing: run `npm run build` first.',
  },
  markdownlint: {
    label: 'markdownlint-cli2 (default rules)',
    command: (dir) => [process.execPath, [join(root, 'node_modules', 'markdownlint-cli2', 'markdownlint-cli2-bin.mjs'), `${dir}/**/*.md`]],
    env: {},
    ok: (code) => code === 0 || code === 1,
    // One line per finding on stderr: "path:12:3 error MD013/line-length …" (column optional).
    finding: /^[^\s:][^:\n]*:\d+(?::\d+)? (?:error|warning) MD\d+/gm,
    requires: join(root, 'node_modules', 'markdownlint-cli2', 'markdownlint-cli2-bin.mjs'),
    missing: 'markdownlint-cli2 is missing: run `npm install` (it is a devDependency).',
  },
  build: {
    label: 'sop build (JSON handbook, --force)',
    command: (dir) => [process.execPath, [join(root, 'bin', 'sop.js'), 'build', dir, '--format', 'json', '--force', '--date', '2026-12-01', '--out', join(benchDir, `build-${basename(dir)}`)]],
    env: {},
    ok: (code) => code === 0,
    // The build prints the lint findings it was forced past; the handbook itself is the work measured.
    finding: /^\s+\d+:\d+\s+(?:error|warning)\b/gm,
    requires: join(root, 'dist', 'src', 'cli.js'),
    missing: 'dist/ is missing: run `npm run build` first.',
  },
  remark: {
    label: 'remark-cli + retext english, passive, intensify, simplify',
    command: (dir) => [process.execPath, [join(root, 'node_modules', 'remark-cli', 'cli.js'), dir, '--rc-path', join(root, 'bench', 'remarkrc.mjs'), '--no-stdout', '--no-color']],
    // remark-cli keeps every file and its messages until the end; at 10,000 files it needs about 6 GiB.
    env: { NODE_OPTIONS: '--max-old-space-size=16384' },
    ok: (code) => code === 0 || code === 1,
    // vfile-reporter prints one line per message: "24:34-24:54  warning  Unexpected …".
    finding: /^ *\d+:\d+(?:-\d+:\d+)? +(?:warning|error)\b/gm,
    requires: join(root, 'node_modules', 'remark-cli', 'cli.js'),
    missing: 'remark-cli is missing: run `npm install` (it is a devDependency).',
  },
};

const unknownRows = rowIds.filter((id) => !(id in ROWS));
if (unknownRows.length > 0) fail(`Unknown BENCH_ROWS entries: ${unknownRows.join(', ')} (known: ${Object.keys(ROWS).join(', ')}).`);
for (const id of rowIds) if (!existsSync(ROWS[id].requires)) fail(ROWS[id].missing);

const useGnuTime = process.env.BENCH_TIMER !== 'hook' && existsSync(GNU_TIME);
const load = loadavg()[0];
console.log(`sop bench: sizes ${sizes.join(', ')} · ${runs} run(s) per row · timeout ${timeoutSeconds} s · ${useGnuTime ? 'GNU time' : 'resource-usage hook'} · Node ${process.version}`);
if (load > 0.5) console.log(`Note: the 1-minute load average is ${load.toFixed(2)}; other work on this machine inflates the times.`);

const results = [];
for (const n of sizes) {
  const { dir, bytes } = ensureCorpus(n);
  const samples = Object.fromEntries(rowIds.map((id) => [id, []]));
  for (let run = 1; run <= runs; run++) {
    // Rows alternate within each run, so drift on a shared machine affects them alike.
    for (const id of rowIds) {
      process.stdout.write(`  N=${n} run ${run}/${runs}: ${ROWS[id].label} … `);
      ROWS[id].prepare?.(dir);
      const sample = await measure(ROWS[id], dir);
      samples[id].push(sample);
      console.log(sample.status === 'ok' ? `${sample.wall.toFixed(2)} s` : sample.status);
      if (sample.status === 'failed') console.log(indent(sample.stderrTail));
    }
  }
  for (const id of rowIds) results.push(summarise(id, n, bytes, samples[id]));
}

printTable(results);
mkdirSync(benchDir, { recursive: true });
writeFileSync(join(benchDir, 'results.json'), `${JSON.stringify({ date: new Date().toISOString(), node: process.version, runs, timeoutSeconds, results }, null, 2)}\n`);
console.log(`\nRaw numbers: .bench/results.json`);

function fail(message) {
  console.error(`bench: ${message}`);
  process.exit(2);
}

function indent(text) {
  return text.split('\n').map((line) => `    ${line}`).join('\n');
}

/** Generates .bench/corpus-<n> unless the same generator already wrote it. */
function ensureCorpus(n) {
  const dir = join(benchDir, `corpus-${n}`);
  const markerPath = join(dir, '.sop-corpus');
  const genHash = createHash('sha256').update(readFileSync(generator)).digest('hex').slice(0, 16);
  if (existsSync(markerPath)) {
    const marker = JSON.parse(readFileSync(markerPath, 'utf8'));
    if (marker.n === n && marker.seed === '1' && marker.genHash === genHash) return { dir, bytes: marker.bytes };
  } else if (existsSync(dir)) {
    // Not written by the generator: never delete what the bench did not create.
    fail(`${dir} exists but was not written by bench/gen-corpus.mjs; move it away and run again.`);
  }
  console.log(`  generating ${n} files in .bench/corpus-${n} …`);
  mkdirSync(benchDir, { recursive: true });
  const { status } = spawnSync(process.execPath, [generator, dir, String(n), '1'], { stdio: ['ignore', 'ignore', 'inherit'] });
  if (status !== 0) fail(`gen-corpus failed for N=${n}.`);
  return { dir, bytes: JSON.parse(readFileSync(markerPath, 'utf8')).bytes };
}

/** Runs one row once: wall time by a monotonic clock, CPU and peak memory by GNU time or the hook. */
function measure(row, dir) {
  const [command, args] = row.command(dir);
  const usageFile = join(benchDir, `usage-${process.pid}.txt`);
  rmSync(usageFile, { force: true });
  const env = { ...process.env, ...row.env };
  let spawnCommand = command;
  let spawnArgs = args;
  if (useGnuTime) {
    spawnCommand = GNU_TIME;
    spawnArgs = ['-v', '-o', usageFile, command, ...args];
  } else {
    env.NODE_OPTIONS = `${env.NODE_OPTIONS ?? ''} --import=${pathToFileURL(rusageHook).href}`.trim();
    env.SOP_BENCH_USAGE_FILE = usageFile;
  }
  return new Promise((resolve) => {
    const started = process.hrtime.bigint();
    const child = spawn(spawnCommand, spawnArgs, { cwd: root, env, stdio: ['ignore', 'pipe', 'pipe'], detached: true });
    let reportBytes = 0;
    let stderrTail = '';
    const counters = { stdout: findingCounter(row.finding), stderr: findingCounter(row.finding) };
    child.stdout.on('data', (chunk) => {
      reportBytes += chunk.length;
      counters.stdout.add(chunk);
    });
    child.stderr.on('data', (chunk) => {
      reportBytes += chunk.length;
      counters.stderr.add(chunk);
      stderrTail = (stderrTail + chunk.toString()).slice(-2000);
    });
    let timedOut = false;
    const timer = setTimeout(() => {
      timedOut = true;
      // The child leads its own process group (detached), so GNU time and node stop together.
      try {
        process.kill(-child.pid, 'SIGKILL');
      } catch {
        child.kill('SIGKILL');
      }
    }, timeoutSeconds * 1000);
    child.on('close', (code) => {
      clearTimeout(timer);
      const wall = Number(process.hrtime.bigint() - started) / 1e9;
      const usage = readUsage(usageFile);
      rmSync(usageFile, { force: true });
      const status = timedOut ? 'did not finish' : row.ok(usage.exitCode ?? code) ? 'ok' : 'failed';
      const findings = counters.stdout.total() + counters.stderr.total();
      resolve({ status, wall, cpu: usage.cpu, peakMiB: usage.peakMiB, reportBytes, findings, stderrTail });
    });
  });
}

/** Counts report lines matching a pattern in a stream, line by line, so a chunk boundary never splits a match. */
function findingCounter(pattern) {
  let count = 0;
  let rest = '';
  const countIn = (text) => (count += text.match(pattern)?.length ?? 0);
  return {
    add(chunk) {
      const text = rest + chunk.toString();
      const cut = text.lastIndexOf('\n') + 1;
      countIn(text.slice(0, cut));
      rest = text.slice(cut);
    },
    total: () => count + (rest.match(pattern)?.length ?? 0),
  };
}

/** Reads GNU time's `-v` report or the hook's JSON. */
function readUsage(path) {
  if (!existsSync(path)) return {};
  const text = readFileSync(path, 'utf8');
  if (!useGnuTime) {
    const usage = JSON.parse(text);
    return { cpu: (usage.userCPUTime + usage.systemCPUTime) / 1e6, peakMiB: usage.maxRSS / 1024, exitCode: usage.exitCode };
  }
  const field = (name) => Number(new RegExp(`${name}: ([\\d.]+)`).exec(text)?.[1]);
  const exit = /Exit status: (\d+)/.exec(text);
  return {
    cpu: field('User time \\(seconds\\)') + field('System time \\(seconds\\)'),
    peakMiB: field('Maximum resident set size \\(kbytes\\)') / 1024,
    exitCode: exit ? Number(exit[1]) : undefined,
  };
}

function median(values) {
  const sorted = [...values].sort((a, b) => a - b);
  const mid = Math.floor(sorted.length / 2);
  return sorted.length % 2 ? sorted[mid] : (sorted[mid - 1] + sorted[mid]) / 2;
}

function summarise(id, n, bytes, samples) {
  const ok = samples.filter((s) => s.status === 'ok');
  const base = { row: ROWS[id].label, id, n, bytes, runs: samples.length, finished: ok.length };
  if (ok.length === 0) return { ...base, status: samples.some((s) => s.status === 'did not finish') ? 'did not finish' : 'failed' };
  const walls = ok.map((s) => s.wall);
  const wall = median(walls);
  return {
    ...base,
    status: 'ok',
    wall,
    wallMin: Math.min(...walls),
    wallMax: Math.max(...walls),
    cpu: median(ok.map((s) => s.cpu)),
    peakMiB: Math.max(...ok.map((s) => s.peakMiB)),
    filesPerSecond: n / wall,
    reportBytes: median(ok.map((s) => s.reportBytes)),
    findings: median(ok.map((s) => s.findings)),
  };
}

function printTable(rows) {
  const header = ['row', 'N', 'runs', 'wall s (min-max)', 'CPU s', 'peak MiB', 'files/s', 'findings', 'report'];
  const lines = rows.map((r) => {
    if (r.status !== 'ok') {
      const why = r.status === 'did not finish' ? `did not finish in ${timeoutSeconds} s` : 'failed';
      return [r.row, String(r.n), `0 of ${r.runs}`, why, '-', '-', '-', '-', '-'];
    }
    const range = r.runs > 1 ? ` (${r.wallMin.toFixed(2)}-${r.wallMax.toFixed(2)})` : '';
    return [r.row, String(r.n), String(r.runs), `${r.wall.toFixed(2)}${range}`, fmt(r.cpu), fmt(r.peakMiB, 0), r.filesPerSecond.toFixed(0), String(r.findings), humanBytes(r.reportBytes)];
  });
  const widths = header.map((h, i) => Math.max(h.length, ...lines.map((l) => l[i].length)));
  const render = (cells) => `| ${cells.map((c, i) => c.padEnd(widths[i])).join(' | ')} |`;
  console.log(`\n${render(header)}\n| ${widths.map((w) => '-'.repeat(w)).join(' | ')} |`);
  for (const line of lines) console.log(render(line));
  for (const n of sizes) {
    const sop = rows.find((r) => r.id === 'sop' && r.n === n && r.status === 'ok');
    if (!sop) continue;
    const parts = [];
    for (const [id, name] of [['markdownlint', 'markdownlint-cli2'], ['remark', 'remark-cli']]) {
      const peer = rows.find((r) => r.id === id && r.n === n);
      if (!peer) continue;
      parts.push(peer.status === 'ok' ? `${(sop.wall / peer.wall).toFixed(2)}× ${name}'s wall time (CPU ${(sop.cpu / peer.cpu).toFixed(2)}×)` : `${name} ${peer.status === 'failed' ? 'failed' : `did not finish in ${timeoutSeconds} s`}`);
    }
    const cached = rows.find((r) => r.id === 'cached' && r.n === n && r.status === 'ok');
    if (cached) parts.push(`cached re-run ${(cached.cpu / sop.cpu).toFixed(2)}× the cold CPU time`);
    const build = rows.find((r) => r.id === 'build' && r.n === n && r.status === 'ok');
    if (build) parts.push(`sop build ${(build.wall / sop.wall).toFixed(2)}× the lint`);
    console.log(`N=${n}: sop lint ${sop.wall.toFixed(2)} s${parts.length ? `: ${parts.join('; ')}` : ''}.`);
  }
}

function fmt(value, digits = 2) {
  return Number.isFinite(value) ? value.toFixed(digits) : '-';
}

function humanBytes(value) {
  if (!Number.isFinite(value)) return '-';
  if (value >= 1e6) return `${(value / 1e6).toFixed(1)} MB`;
  if (value >= 1e3) return `${(value / 1e3).toFixed(0)} kB`;
  return `${value} B`;
}
