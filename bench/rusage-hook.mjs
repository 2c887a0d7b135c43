// Preloaded with `node --import` by bench/run.mjs when GNU time is missing: records the process's
// own CPU time and peak resident memory at exit, for the bench table.
import { writeFileSync } from 'node:fs';

const target = process.env.SOP_BENCH_USAGE_FILE;
if (target) {
  process.on('exit', (code) => {
    writeFileSync(target, JSON.stringify({ ...process.resourceUsage(), exitCode: code }));
  });
}
