import { readdirSync, readFileSync, rmSync } from 'node:fs';
import { join } from 'node:path';

/**
 * Work to undo if the process is stopped by SIGINT or SIGTERM (Ctrl-C, `timeout`, a cancelled CI
 * job): a build's staging folder, a Chromium profile. Each is removed, then the signal is raised
 * again with the handlers gone, so the process ends as a stopped process should.
 */
const undo = new Set<() => void>();
let installed = false;

const SIGNALS = ['SIGINT', 'SIGTERM', 'SIGHUP'] as const;

function onSignal(signal: NodeJS.Signals): void {
  for (const work of [...undo]) {
    try {
      work();
    } catch {
      // Best effort: the next build removes whatever is left (removeStale).
    }
  }
  undo.clear();
  for (const name of SIGNALS) process.removeListener(name, onSignal);
  installed = false;
  process.kill(process.pid, signal);
}

/** Registers `work` to run if a signal stops the process; the returned function unregisters it. */
export function onInterrupt(work: () => void): () => void {
  if (!installed) {
    for (const name of SIGNALS) process.on(name, onSignal);
    installed = true;
  }
  undo.add(work);
  return () => {
    undo.delete(work);
    if (undo.size === 0 && installed) {
      for (const name of SIGNALS) process.removeListener(name, onSignal);
      installed = false;
    }
  };
}

/** True when a process with this id is running (signal 0 checks without sending anything). */
export function processAlive(pid: number): boolean {
  if (!Number.isInteger(pid) || pid <= 0) return false;
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    // EPERM: it exists but belongs to someone else.
    return (error as NodeJS.ErrnoException).code === 'EPERM';
  }
}

/**
 * Removes what killed runs left in `folder`: entries named by `pattern` (whose first group is the
 * pid of the run that made them) whose run is gone, and which `isOurs` recognises as sop's.
 */
export function removeStale(folder: string, pattern: RegExp, isOurs: (path: string) => boolean): void {
  let names: string[];
  try {
    names = readdirSync(folder);
  } catch {
    return;
  }
  for (const name of names) {
    const match = pattern.exec(name);
    if (!match || Number(match[1]) === process.pid || processAlive(Number(match[1]))) continue;
    const path = join(folder, name);
    try {
      if (isOurs(path)) rmSync(path, { recursive: true, force: true });
    } catch {
      // Someone else's, or already gone.
    }
  }
}

/** A staging folder is sop's when its marker file says so. */
export function hasBuildMarker(folder: string, marker: string): boolean {
  try {
    return (JSON.parse(readFileSync(join(folder, marker), 'utf8')) as { generator?: unknown }).generator === 'sopkit';
  } catch {
    return false;
  }
}
