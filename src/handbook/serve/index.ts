import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { basename, join, resolve, sep } from 'node:path';
import { watch, type FSWatcher } from 'chokidar';
import { UsageError } from '../../errors.js';
import { lint } from '../../lint/engine.js';
import { BUILD_MARKER } from '../../source/discover.js';
import type { FileResult } from '../../types.js';
import { onInterrupt } from '../interrupt.js';
import { bannerFor, findingsByPage } from './banner.js';
import { startPreviewServer } from './server.js';
import { createSiteBuilder } from './site-builder.js';

export interface ServeOptions {
  cwd: string;
  paths: string[];
  configPath?: string;
  /** Interface to listen on; 127.0.0.1 unless the user says otherwise. */
  host: string;
  /** 0 picks a free port. */
  port: number;
  includeDrafts?: boolean;
  /** One line for the writer (stderr in the CLI). */
  log(line: string): void;
  env?: NodeJS.ProcessEnv;
}

export interface ServeHandle {
  url: string;
  /** The temporary folder the site is built into; removed by close(). */
  folder: string;
  /** Resolves once every change seen so far is rebuilt and linted (for tests and scripts). */
  settled(): Promise<void>;
  /** Stops watching and serving, and removes the temporary folder. */
  close(): Promise<void>;
}

/** Waits this long after a change for the rest of an editor's save (several events) before rebuilding. */
const SETTLE_MS = 30;
/** How long after a rebuild the lint starts: time for the browser to fetch the reloaded page. */
const LINT_DELAY_MS = 250;

/**
 * `sop serve`: builds the site into a temporary folder, serves it, and on every change rebuilds
 * what changed, reloads the pages that changed, then lints the repository again and shows its
 * findings as a banner on the page of the document they are about. The page is rebuilt and sent
 * before the lint runs, so an edit is on screen without waiting for the repository rules.
 */
export async function serve(options: ServeOptions): Promise<ServeHandle> {
  const folder = mkdtempSync(join(tmpdir(), 'sop-serve-'));
  const removeFolder = () => rmSync(folder, { recursive: true, force: true });
  // Whatever ends the process, the temporary site does not outlive it: an exit, or a signal while
  // the first build runs (the caller handles signals once serve() has returned).
  process.once('exit', removeFolder);
  const forgetInterrupt = onInterrupt(removeFolder);
  const builder = createSiteBuilder({ cwd: options.cwd, paths: options.paths, configPath: options.configPath, folder, includeDrafts: options.includeDrafts, env: options.env });

  let results: readonly FileResult[] = [];
  let pageOf: ReadonlyMap<string, string> = new Map();
  let byPage = new Map<string, FileResult[]>();
  let buildError: string | undefined;
  let compliant = true;
  let closed = false;
  // Counted so a page knows which rebuild and lint it shows (see client.ts).
  let builds = 0;
  let lints = 0;
  let watcher: FSWatcher | undefined;
  let server: Awaited<ReturnType<typeof startPreviewServer>> | undefined;

  const runLint = async () => {
    const report = await lint({ cwd: options.cwd, paths: options.paths, config: builder.current!.config, asOf: builder.current!.plan.buildDate });
    const before = new Map([...byPage].map(([page, list]) => [page, JSON.stringify(list.map((result) => result.messages))]));
    results = report.results;
    byPage = findingsByPage(results, pageOf);
    const after = new Map([...byPage].map(([page, list]) => [page, JSON.stringify(list.map((result) => result.messages))]));
    const changedPages = [...new Set([...before.keys(), ...after.keys()])].filter((page) => before.get(page) !== after.get(page));
    return { changedPages, errors: report.errorCount, warnings: report.warningCount, compliant: report.errorCount === 0 && report.crashes.length === 0 };
  };

  try {
    const first = await builder.rebuild({ reloadConfig: true, compliant });
    pageOf = first.pageOf;
    const linted = await runLint();
    if (!linted.compliant) {
      compliant = false;
      await builder.rebuild({ reloadConfig: false, compliant });
    }
    server = await startPreviewServer({ folder, host: options.host, port: options.port, banner: (page) => bannerFor(page, { byPage, buildError }), generations: () => ({ build: builds, lint: lints }) });
    options.log(`Built ${plural(first.documents, 'document')} into ${folder}${linted.errors + linted.warnings ? `; lint: ${lintCounts(linted)}, shown on their pages` : ''}.`);
    for (const warning of first.warnings) options.log(`warning: ${warning}`);
  } catch (error) {
    forgetInterrupt();
    removeFolder();
    process.removeListener('exit', removeFolder);
    throw error;
  }
  const live = server;

  // Changes seen but not yet rebuilt; a rebuild runs at a time, and picks up what arrived meanwhile.
  const pending = new Set<string>();
  let timer: NodeJS.Timeout | undefined;
  let cycle: Promise<void> = Promise.resolve();
  let running = false;

  const configFiles = () => new Set(builder.configFiles());
  const isConfigChange = (path: string, known: Set<string>) => known.has(resolve(path)) || basename(path) === '.sopignore';

  async function rebuildPending(): Promise<void> {
    while (pending.size > 0 && !closed) {
      const changed = [...pending];
      pending.clear();
      const known = configFiles();
      const reloadConfig = changed.some((path) => isConfigChange(path, known));
      const started = performance.now();
      let pages: string[];
      try {
        const result = await builder.rebuild({ reloadConfig, compliant });
        const hadError = buildError !== undefined;
        buildError = undefined;
        pageOf = result.pageOf;
        pages = hadError ? ['*'] : [...result.changed, ...result.removed].filter((path) => path.endsWith('.html'));
        options.log(`Rebuilt in ${Math.round(performance.now() - started)} ms: ${plural(pages.filter((page) => page !== '*').length, 'page')} changed (${changed.map((path) => shown(path, options.cwd)).join(', ')}).`);
        for (const warning of result.warnings) options.log(`warning: ${warning}`);
        if (reloadConfig && watcher) watcher.add(builder.configFiles());
      } catch (error) {
        buildError = error instanceof UsageError ? error.format() : error instanceof Error ? error.message : String(error);
        options.log(`Could not rebuild: ${buildError}`);
        builds++;
        live.notify('reload', ['*']);
        continue;
      }
      builds++;
      live.notify('reload', pages);
      scheduleLint();
    }
  }

  // The lint runs a moment after a rebuild, so the pages the browser reloads are sent first (a lint
  // on one thread holds the server while it runs), and never while a rebuild waits.
  let lintTimer: NodeJS.Timeout | undefined;
  let linting: Promise<void> = Promise.resolve();
  let lintRunning = false;
  let lintAgain = false;
  const scheduleLint = () => {
    clearTimeout(lintTimer);
    lintTimer = setTimeout(startLint, LINT_DELAY_MS);
  };
  function startLint(): void {
    lintTimer = undefined;
    if (closed) return;
    if (lintRunning) {
      lintAgain = true;
      return;
    }
    if (running || pending.size > 0) return scheduleLint();
    lintRunning = true;
    linting = lintOnce().finally(() => {
      lintRunning = false;
      if (lintAgain && !closed) {
        lintAgain = false;
        scheduleLint();
      }
    });
  }
  async function lintOnce(): Promise<void> {
    try {
      const linted = await runLint();
      if (closed) return;
      if (linted.changedPages.length) lints++;
      live.notify('lint', linted.changedPages);
      if (linted.changedPages.length) options.log(`Lint: ${linted.errors + linted.warnings ? lintCounts(linted) : 'no findings'}.`);
      if (linted.compliant !== compliant) {
        // The NOT COMPLIANT notice is on every page: build them again with the new state.
        compliant = linted.compliant;
        schedule('(lint)');
      }
    } catch (error) {
      buildError = error instanceof UsageError ? error.format() : error instanceof Error ? error.message : String(error);
      options.log(`Could not lint: ${buildError}`);
      builds++;
      live.notify('reload', ['*']);
    }
  }

  const schedule = (path: string) => {
    if (closed) return;
    pending.add(path);
    clearTimeout(timer);
    timer = setTimeout(() => {
      if (running) return;
      running = true;
      cycle = rebuildPending().finally(() => {
        running = false;
        if (pending.size > 0 && !closed) schedule([...pending][0]);
      });
    }, SETTLE_MS);
  };

  const targets = [...(options.paths.length ? options.paths.map((path) => resolve(options.cwd, path)) : [options.cwd]), ...builder.configFiles()];
  watcher = watch(targets, {
    ignoreInitial: true,
    // A save that truncates then writes is seen once it is whole, not as an empty document first.
    awaitWriteFinish: { stabilityThreshold: 50, pollInterval: 10 },
    ignored: (path, stats) => {
      if (path === folder || path.startsWith(folder + sep)) return true;
      const name = basename(path);
      if (name === 'node_modules' || (name.startsWith('.') && name !== '.sopignore' && !targets.includes(path))) return true;
      // A handbook built into the repository: its pages are not sources.
      return Boolean(stats?.isDirectory()) && existsSync(join(path, BUILD_MARKER));
    },
  });
  for (const event of ['add', 'change', 'unlink'] as const) watcher.on(event, schedule);
  watcher.on('error', (error) => options.log(`Watching stopped working: ${error instanceof Error ? error.message : String(error)}`));
  await new Promise<void>((done) => watcher!.once('ready', () => done()));
  forgetInterrupt();

  return {
    url: live.url,
    folder,
    async settled() {
      while (pending.size > 0 || running || lintTimer !== undefined || lintRunning) {
        await new Promise((done) => setTimeout(done, SETTLE_MS));
        await Promise.all([cycle, linting]);
      }
    },
    async close() {
      if (closed) return;
      closed = true;
      clearTimeout(timer);
      clearTimeout(lintTimer);
      await watcher?.close();
      await Promise.all([cycle, linting]);
      await live.close();
      removeFolder();
      process.removeListener('exit', removeFolder);
    },
  };
}

function lintCounts(counts: { errors: number; warnings: number }): string {
  return `${plural(counts.errors, 'error')}, ${plural(counts.warnings, 'warning')}`;
}

function plural(count: number, noun: string): string {
  return `${count} ${noun}${count === 1 ? '' : 's'}`;
}

function shown(path: string, cwd: string): string {
  const absolute = resolve(cwd, path);
  return absolute.startsWith(cwd + sep) ? absolute.slice(cwd.length + 1) : path;
}
