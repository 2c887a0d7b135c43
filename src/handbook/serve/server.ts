import { readFile } from 'node:fs/promises';
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { extname, resolve, sep } from 'node:path';
import { UsageError } from '../../errors.js';
import { LIVE_SCRIPT, LIVE_STYLE } from './client.js';

const TYPES: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.json': 'application/json; charset=utf-8',
  '.png': 'image/png',
  '.jpg': 'image/jpeg',
  '.jpeg': 'image/jpeg',
  '.gif': 'image/gif',
  '.svg': 'image/svg+xml',
  '.webp': 'image/webp',
  '.avif': 'image/avif',
};

export interface PreviewServerOptions {
  /** The folder the site is built into. */
  folder: string;
  host: string;
  port: number;
  /** The lint banner for a site page (`/documents/x.html`), as HTML; '' for none. */
  banner(page: string): string;
  /** How many rebuilds and lints there have been: a page knows which it shows. */
  generations(): Generations;
}

export interface Generations {
  build: number;
  lint: number;
}

export interface PreviewServer {
  url: string;
  /** Tells open pages what changed: `reload` pages reload, `lint` pages fetch their banner again. */
  notify(event: 'reload' | 'lint', pages: readonly string[]): void;
  close(): Promise<void>;
}

/**
 * Serves the built site with Node's http server. HTML pages get the live-reload script and their
 * lint banner as they are sent, so the files on disk are exactly what `sop build` writes.
 */
export async function startPreviewServer(options: PreviewServerOptions): Promise<PreviewServer> {
  const root = resolve(options.folder);
  const listeners = new Set<ServerResponse>();

  const server = createServer((request, response) => {
    void handle(request, response).catch(() => {
      if (!response.headersSent) response.writeHead(500, { 'content-type': 'text/plain; charset=utf-8' });
      response.end('The preview could not read this file.\n');
    });
  });

  async function handle(request: IncomingMessage, response: ServerResponse): Promise<void> {
    if (request.method !== 'GET' && request.method !== 'HEAD') {
      response.writeHead(405, { allow: 'GET, HEAD' }).end();
      return;
    }
    const url = new URL(request.url ?? '/', 'http://preview.invalid');
    if (url.pathname === '/__sop/events') return openEvents(response);
    if (url.pathname === '/__sop/live.js') return send(response, 200, TYPES['.js'], LIVE_SCRIPT);
    if (url.pathname === '/__sop/banner') return send(response, 200, TYPES['.html'], options.banner(url.searchParams.get('page') ?? ''));
    const page = sitePath(url.pathname);
    const file = page === undefined ? undefined : resolve(root, `.${page}`);
    if (page === undefined || file === undefined || !file.startsWith(root + sep)) return send(response, 404, 'text/plain; charset=utf-8', 'Not found.\n');
    let bytes: Buffer;
    try {
      bytes = await readFile(file);
    } catch {
      return send(response, 404, 'text/plain; charset=utf-8', `Not found: ${page}\n`);
    }
    const type = TYPES[extname(file).toLowerCase()] ?? 'application/octet-stream';
    if (extname(file).toLowerCase() !== '.html') return send(response, 200, type, bytes, request.method === 'HEAD');
    return send(response, 200, type, withLiveReload(bytes.toString('utf8'), options.banner(page), options.generations()), request.method === 'HEAD');
  }

  function openEvents(response: ServerResponse): void {
    response.writeHead(200, { 'content-type': 'text/event-stream', 'cache-control': 'no-store', connection: 'keep-alive' });
    // Reconnect quickly after the server restarts. A page that was sent before a rebuild or a lint
    // it has not heard of (it was loading) learns of them here.
    response.write(`retry: 500\n\nevent: hello\ndata: ${JSON.stringify(options.generations())}\n\n`);
    listeners.add(response);
    response.on('close', () => listeners.delete(response));
  }

  await new Promise<void>((done, fail) => {
    server.once('error', (error: NodeJS.ErrnoException) => {
      if (error.code === 'EADDRINUSE') fail(new UsageError(`Port ${options.port} on ${options.host} is already in use. Choose another with --port <n> (--port 0 picks a free one).`));
      else if (error.code === 'EACCES') fail(new UsageError(`Not allowed to listen on port ${options.port} of ${options.host}. Choose a port above 1023 with --port <n>.`));
      else if (error.code === 'EADDRNOTAVAIL' || error.code === 'ENOTFOUND') fail(new UsageError(`--host ${options.host}: this machine has no such address. Leave --host out to serve on 127.0.0.1.`));
      else fail(error);
    });
    server.listen(options.port, options.host, () => done());
  });
  const address = server.address() as AddressInfo;
  const host = address.family === 'IPv6' ? `[${address.address}]` : address.address;

  return {
    url: `http://${host}:${address.port}/`,
    notify(event, pages) {
      const data = `event: ${event}\ndata: ${JSON.stringify({ pages, ...options.generations() })}\n\n`;
      for (const listener of listeners) listener.write(data);
    },
    close() {
      for (const listener of listeners) listener.end();
      listeners.clear();
      return new Promise((done) => {
        server.close(() => done());
        server.closeAllConnections();
      });
    },
  };
}

/** The site file a URL path names (`/` is the cover), or undefined for a path that may not be served. */
export function sitePath(pathname: string): string | undefined {
  let path: string;
  try {
    path = decodeURIComponent(pathname);
  } catch {
    return undefined;
  }
  if (path.includes('\0') || path.includes('\\') || path.split('/').some((part) => part === '..')) return undefined;
  return path.endsWith('/') ? `${path}index.html` : path;
}

/** The page with the preview's style and script in its head and the lint banner first in its main content. */
export function withLiveReload(html: string, banner: string, generations: Generations): string {
  const head = `<style>${LIVE_STYLE}</style><script src="/__sop/live.js" defer></script>`;
  const withHead = html.includes('</head>') ? html.replace('</head>', `${head}</head>`) : `${head}${html}`;
  const main = /<main\b[^>]*>/.exec(withHead);
  const slot = `<div id="sop-serve-banner" data-build="${generations.build}" data-lint="${generations.lint}">${banner}</div>`;
  if (!main) return withHead.replace(/<body\b[^>]*>/, (tag) => `${tag}${slot}`);
  const at = main.index + main[0].length;
  return `${withHead.slice(0, at)}${slot}${withHead.slice(at)}`;
}

function send(response: ServerResponse, status: number, type: string, body: string | Buffer, headOnly = false): void {
  response.writeHead(status, { 'content-type': type, 'cache-control': 'no-store' });
  response.end(headOnly ? undefined : body);
}
