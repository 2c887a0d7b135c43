import { parentPort, workerData } from 'node:worker_threads';
import { loadRules } from '../rules/registry.js';
import { lintFile, type FileInput, type FileOutcome, type FilePassRequest } from './file-pass.js';

/** A worker thread of `sop lint`: lints its share of the files and sends back what each contributes. */
interface WorkerJob {
  inputs: FileInput[];
  request: FilePassRequest;
  onlyRules?: string[];
}

const job = workerData as WorkerJob;
const all = await loadRules();
const rules = job.onlyRules ? all.filter((rule) => job.onlyRules!.includes(rule.id) || rule.id === 'parse-error') : all;
/** How often a worker tells the main thread how far it is (for the progress line of long runs). */
const PROGRESS_EVERY = 25;
const outcomes: FileOutcome[] = [];
for (const input of job.inputs) {
  outcomes.push(lintFile(input, rules, job.request));
  if (outcomes.length % PROGRESS_EVERY === 0) parentPort!.postMessage({ kind: 'progress', done: PROGRESS_EVERY });
}
parentPort!.postMessage({ kind: 'progress', done: outcomes.length % PROGRESS_EVERY });
parentPort!.postMessage({ kind: 'outcomes', outcomes });
