import { existsSync } from 'node:fs';
import { availableParallelism } from 'node:os';
import { fileURLToPath } from 'node:url';
import { Worker } from 'node:worker_threads';
import type { FileInput, FileOutcome, FilePassRequest } from './file-pass.js';

/** Below this many files a worker's start-up (loading the rules, ~0.3 s) costs more than it saves. */
export const MIN_FILES_PER_WORKER = 150;
const MAX_WORKERS = 4;

const workerUrl = new URL('./lint-worker.js', import.meta.url);

/** Worker threads run the compiled module; under a TypeScript test runner the engine stays on one thread. */
export function workersAvailable(): boolean {
  return existsSync(fileURLToPath(workerUrl));
}

/** How many threads to use: the `--jobs` value, else one per core (at most 4) with enough files for each. */
export function chooseJobs(requested: number | undefined, files: number): number {
  if (requested !== undefined) return Math.max(1, Math.min(requested, files || 1));
  const byFiles = Math.floor(files / MIN_FILES_PER_WORKER);
  return Math.max(1, Math.min(availableParallelism(), MAX_WORKERS, byFiles));
}

/**
 * Lints files on `jobs` worker threads. Files are dealt round-robin so each thread gets a similar mix,
 * and outcomes come back in input order, so the report is the same bytes as a single-thread run.
 */
export async function lintInWorkers(
  inputs: readonly FileInput[],
  request: FilePassRequest,
  jobs: number,
  onlyRules?: readonly string[],
  onFilesDone?: (count: number) => void,
): Promise<FileOutcome[]> {
  const shares: FileInput[][] = Array.from({ length: jobs }, () => []);
  inputs.forEach((input, index) => shares[index % jobs].push(input));
  const results = await Promise.all(
    shares.map(
      (share) =>
        new Promise<FileOutcome[]>((resolve, reject) => {
          const worker = new Worker(workerUrl, { workerData: { inputs: share, request, onlyRules } });
          let received: FileOutcome[] | undefined;
          worker.on('message', (message: { kind: 'progress'; done: number } | { kind: 'outcomes'; outcomes: FileOutcome[] }) => {
            if (message.kind === 'progress') onFilesDone?.(message.done);
            else received = message.outcomes;
          });
          worker.once('error', reject);
          worker.once('exit', (code) => {
            if (received) resolve(received);
            else reject(new Error(`a lint worker stopped with exit code ${code} before it finished`));
          });
        }),
    ),
  );
  const ordered: FileOutcome[] = new Array(inputs.length);
  results.forEach((outcomes, share) => outcomes.forEach((outcome, i) => (ordered[i * jobs + share] = outcome)));
  return ordered;
}
