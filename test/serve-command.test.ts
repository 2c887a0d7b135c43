import { spawn, type ChildProcess } from 'node:child_process';
import { cpSync, existsSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { get, type IncomingMessage } from 'node:http';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { parsePort } from '../src/commands/serve.js';
import { sitePath, withLiveReload } from '../src/handbook/serve/server.js';
import { BASIC_FIXTURE, BUILD_DATE, readTree } from './helpers/build.js';
import { sop, SOP_BIN } from './helpers/cli.js';

const made: string[] = [];
afterAll(() => made.forEach((dir) => rmSync(dir, { recursive: true, force: true })));

function fixtureCopy(): string {
  const root = mkdtempSync(join(tmpdir(), 'sop-serve-test-'));
  made.push(root);
  cpSync(BASIC_FIXTURE, join(root, 'repo'), { recursive: true });
  return join(root, 'repo');
}

interface Running {
  child: ChildProcess;
  url: string;
  folder: string;
  stderr: () => string;
  exited: Promise<number | null>;
}

/** Starts `sop serve --port 0` in `cwd` and waits for the line that gives its address. */
function startServe(cwd: string, args: string[] = []): Promise<Running> {
  const child = spawn(process.execPath, [SOP_BIN, 'serve', '--port', '0', ...args], { cwd, stdio: ['ignore', 'pipe', 'pipe'], env: { ...process.env, NO_COLOR: '1' } });
  let stdout = '';
  let stderr = '';
  const exited = new Promise<number | null>((done) => child.once('exit', (code) => done(code)));
  return new Promise((done, fail) => {
    child.stderr!.on('data', (chunk) => (stderr += chunk));
    child.stdout!.on('data', (chunk) => {
      stdout += chunk;
      const url = /Serving the handbook at (http:\/\/\S+) /.exec(stdout)?.[1];
      const folder = / into (\S+?)(?:;|\.\n)/.exec(stderr)?.[1];
      if (url && folder) done({ child, url, folder, stderr: () => stderr, exited });
    });
    void exited.then((code) => fail(new Error(`sop serve exited (${code}) before serving:\n${stdout}${stderr}`)));
  });
}

/** Asks again every 100 ms until `ready` holds; after `patience` ms fails with what the server said. */
async function until(ready: () => Promise<boolean>, say: () => string, patience = 40_000): Promise<void> {
  const started = Date.now();
  while (!(await ready())) {
    if (Date.now() - started > patience) throw new Error(`Gave up waiting; sop serve said:\n${say()}`);
    await new Promise((done) => setTimeout(done, 100));
  }
}

async function text(url: string): Promise<string> {
  const response = await fetch(url);
  expect(response.status).toBe(200);
  return response.text();
}

/** The server's events, as they arrive: resolves `next(event, page)` when an event names that page. */
function listen(url: string) {
  const seen: Array<{ event: string; pages: string[] }> = [];
  const waiting: Array<{ event: string; page: string; done: () => void }> = [];
  let buffer = '';
  let response: IncomingMessage | undefined;
  const check = () => {
    for (const wait of [...waiting]) {
      if (seen.some((item) => item.event === wait.event && (item.pages.includes(wait.page) || item.pages.includes('*')))) {
        waiting.splice(waiting.indexOf(wait), 1);
        wait.done();
      }
    }
  };
  const opened = new Promise<void>((done) => {
    get(`${url}__sop/events`, (res) => {
      response = res;
      res.setEncoding('utf8');
      res.on('data', (chunk: string) => {
        buffer += chunk;
        let end: number;
        while ((end = buffer.indexOf('\n\n')) >= 0) {
          const block = buffer.slice(0, end);
          buffer = buffer.slice(end + 2);
          const event = /^event: (.*)$/m.exec(block)?.[1];
          const data = /^data: (.*)$/m.exec(block)?.[1];
          if (event && data) seen.push({ event, pages: (JSON.parse(data) as { pages?: string[] }).pages ?? [] });
        }
        check();
      });
      done();
    });
  });
  return {
    opened,
    /** Forgets what was seen, so the next wait is for an event after this point. */
    reset: () => seen.splice(0),
    /** Waits for the event; after `patience` ms gives up with what the server said (a hang is a failure, not a time limit). */
    next: (event: string, page: string, say: () => string, patience = 40_000) =>
      new Promise<void>((done, fail) => {
        const timer = setTimeout(() => fail(new Error(`No ${event} event for ${page}; events seen: ${JSON.stringify(seen)}; sop serve said:\n${say()}`)), patience);
        waiting.push({ event, page, done: () => (clearTimeout(timer), done()) });
        check();
      }),
    close: () => response?.destroy(),
  };
}

describe('sop serve', () => {
  it('serves the site on 127.0.0.1, rebuilds and reloads a page after an edit, shows lint findings on it, and stops cleanly', { timeout: 180_000 }, async () => {
    const repo = fixtureCopy();
    const served = await startServe(repo);
    try {
      expect(served.url).toMatch(/^http:\/\/127\.0\.0\.1:\d+\/$/);
      expect(existsSync(served.folder)).toBe(true);
      const page = `${served.url}documents/refund-steps.html`;
      const before = await text(page);
      expect(before).toContain('class="sop-step">Ask for the receipt.</li>');
      // The live-reload script and the banner's slot are added as the page is sent, not written to disk.
      expect(before).toContain('<script src="/__sop/live.js" defer></script>');
      expect(before).toMatch(/<div id="sop-serve-banner" data-build="0" data-lint="0"><\/div>/);
      expect(readFileSync(join(served.folder, 'documents', 'refund-steps.html'), 'utf8')).not.toContain('__sop');
      await expect(text(`${served.url}__sop/live.js`)).resolves.toContain("new EventSource('/__sop/events')");

      const events = listen(served.url);
      await events.opened;
      const source = join(repo, 'procedures', 'refund-steps.md');
      writeFileSync(source, readFileSync(source, 'utf8').replace('1. Ask for the receipt.', '1. Ask for the printed receipt.'));
      await events.next('reload', '/documents/refund-steps.html', served.stderr);
      expect(await text(page)).toContain('class="sop-step">Ask for the printed receipt.</li>');
      // Only what changed is written again: the stylesheet keeps its bytes and the other documents their pages.
      expect(served.stderr()).toMatch(/Rebuilt in \d+ ms: \d+ pages? changed \(procedures\/refund-steps\.md\)/);

      // A word the glossary says to avoid: the lint's finding shows on this document's page only.
      events.reset();
      writeFileSync(source, readFileSync(source, 'utf8').replace('1. Ask for the printed receipt.', '1. Ask the client for the printed receipt.'));
      await events.next('lint', '/documents/refund-steps.html', served.stderr);
      const banner = await text(`${served.url}__sop/banner?page=${encodeURIComponent('/documents/refund-steps.html')}`);
      expect(banner).toContain('<code>procedures/refund-steps.md</code>');
      expect(banner).toMatch(/“client” is not the glossary term.*<code>terminology<\/code>/);
      expect(await text(page)).toContain(banner);
      await expect(text(`${served.url}__sop/banner?page=${encodeURIComponent('/documents/answer-calls.html')}`)).resolves.not.toContain('refund-steps.md');

      // A broken config keeps the last good site, and says why on every page; fixing it rebuilds.
      events.reset();
      const configPath = join(repo, 'sop.config.yaml');
      const config = readFileSync(configPath, 'utf8');
      writeFileSync(configPath, config.replace('build:\n', 'build:\n  logo: brand/missing.svg\n'));
      await until(async () => (await text(served.url)).includes('The preview could not be rebuilt'), served.stderr);
      expect(await text(served.url)).toMatch(/sop\.config\.yaml:\d+:\d+: `build\.logo` names &quot;brand\/missing\.svg&quot;, but no such file/);
      expect(await text(page)).toContain('The preview could not be rebuilt');
      writeFileSync(configPath, config);
      await until(async () => !(await text(served.url)).includes('could not be rebuilt'), served.stderr);
      events.close();
    } finally {
      served.child.kill('SIGTERM');
    }
    await expect(served.exited).resolves.toBe(0);
    expect(existsSync(served.folder)).toBe(false);
    expect(served.stderr()).toContain('SIGTERM: stopping.');
  });

  it('stops on Ctrl-C (SIGINT) and removes its temporary folder; `sop build` output has no live-reload script', async () => {
    const repo = fixtureCopy();
    const served = await startServe(repo);
    const pages = readdirSync(join(served.folder, 'documents'));
    expect(pages).toContain('refund-steps.html');
    const servedTree = readTree(served.folder);
    served.child.kill('SIGINT');
    await expect(served.exited).resolves.toBe(0);
    expect(existsSync(served.folder)).toBe(false);

    const built = sop(['build', '--out', '../out', '--format', 'site', '--date', BUILD_DATE], { cwd: repo });
    expect(built.code).toBe(0);
    const tree = readTree(join(repo, '..', 'out'));
    for (const [path, bytes] of tree) {
      if (path.endsWith('.html') || path.endsWith('.js')) expect(bytes.toString('utf8'), path).not.toMatch(/__sop|EventSource/);
    }
    // The served folder is a site like the built one: the same pages.
    expect([...servedTree.keys()].filter((path) => path.startsWith('documents/')).sort()).toEqual([...tree.keys()].filter((path) => path.startsWith('documents/')).sort());
  });

  it('says which port is taken, and refuses a port that is not a number', async () => {
    const repo = fixtureCopy();
    const first = await startServe(repo);
    try {
      const port = new URL(first.url).port;
      const second = sop(['serve', '--port', port], { cwd: repo });
      expect(second.code).toBe(2);
      expect(second.stderr).toContain(`sop: Port ${port} on 127.0.0.1 is already in use. Choose another with --port <n> (--port 0 picks a free one).`);
    } finally {
      first.child.kill('SIGTERM');
      await first.exited;
    }
    expect(() => parsePort('80a')).toThrow('--port takes a whole number from 0 to 65535 (got "80a")');
    expect(() => parsePort('70000')).toThrow(/0 to 65535/);
    expect(parsePort('0')).toBe(0);
  });
});

describe('the preview server', () => {
  it('serves only files inside the site', () => {
    expect(sitePath('/')).toBe('/index.html');
    expect(sitePath('/documents/a.html')).toBe('/documents/a.html');
    expect(sitePath('/../etc/passwd')).toBeUndefined();
    expect(sitePath('/%2e%2e/etc/passwd')).toBeUndefined();
    expect(sitePath('/a%5c..%5cb')).toBeUndefined();
    expect(sitePath('/%E0%A4%A')).toBeUndefined();
  });

  it('adds its script to the head and the banner first in the main content', () => {
    const page = '<!doctype html><html><head><title>x</title></head><body><header></header><main id="main" tabindex="-1"><article>A</article></main></body></html>';
    const served = withLiveReload(page, '<div class="sop-serve-banner">B</div>', { build: 3, lint: 2 });
    expect(served).toContain('<script src="/__sop/live.js" defer></script></head>');
    expect(served).toContain('<main id="main" tabindex="-1"><div id="sop-serve-banner" data-build="3" data-lint="2"><div class="sop-serve-banner">B</div></div><article>A</article>');
  });
});
