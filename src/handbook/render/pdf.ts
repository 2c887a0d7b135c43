import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { UsageError } from '../../errors.js';
import { onInterrupt, removeStale } from '../interrupt.js';

/** Chromium flags for a quiet, offline, throw-away print run. */
export const CHROMIUM_ARGS = [
  '--headless',
  '--no-sandbox',
  '--disable-gpu',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
  '--no-first-run',
];

/** One headless Chromium for the whole build, with a fresh profile removed afterwards. */
export interface PdfPrinter {
  print(html: string): Promise<Uint8Array>;
  close(): Promise<void>;
}

/** playwright-core is an optional peer dependency: only `--format pdf` needs it. */
async function importPlaywright(): Promise<typeof import('playwright-core')> {
  try {
    return await import('playwright-core');
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code !== 'ERR_MODULE_NOT_FOUND') throw error;
    throw new UsageError('--format pdf needs the optional package playwright-core, which is not installed: run `npm install playwright-core` where sopkit is installed (no browser download; it drives the Chromium you install).');
  }
}

export async function launchPrinter(executablePath: string): Promise<PdfPrinter> {
  const { chromium } = await importPlaywright();
  // Profiles of builds killed while printing; the pid in the name says whose each one is.
  removeStale(tmpdir(), /^sop-chromium-(\d+)-[A-Za-z0-9]{6}$/, () => true);
  const profile = mkdtempSync(join(tmpdir(), `sop-chromium-${process.pid}-`));
  const forget = onInterrupt(() => rmSync(profile, { recursive: true, force: true }));
  try {
    const context = await chromium.launchPersistentContext(profile, { executablePath, headless: true, args: CHROMIUM_ARGS, offline: true });
    return {
      async print(html: string) {
        const page = await context.newPage();
        try {
          // The single file is self-contained; any request would be a leak, so none is let out.
          await page.route('**/*', (route) => (route.request().url().startsWith('data:') ? route.continue() : route.abort()));
          await page.setContent(html, { waitUntil: 'load' });
          await page.emulateMedia({ media: 'print' });
          const pdf = await page.pdf({ preferCSSPageSize: true, printBackground: true, outline: true, tagged: true });
          return new Uint8Array(pdf);
        } finally {
          await page.close();
        }
      },
      async close() {
        await context.close();
        rmSync(profile, { recursive: true, force: true });
        forget();
      },
    };
  } catch (error) {
    rmSync(profile, { recursive: true, force: true });
    forget();
    throw new UsageError(`Chromium at ${executablePath} did not start: ${(error as Error).message.split('\n')[0]}. Check that it runs (\`${executablePath} --version\`), or pass another with --chromium <path>.`);
  }
}

/**
 * Page of each named destination (the targets of the handbook's internal links), read from the PDF
 * Chromium wrote: `/Dests` maps names to page objects; the page tree (nested `/Pages` nodes with
 * `/Kids`, walked from the catalog's `/Pages`) gives the pages' order. Chromium writes these
 * dictionaries uncompressed; anything unexpected gives an empty map, and the contents then have no
 * page numbers rather than wrong ones.
 */
export function destinationPages(pdf: Uint8Array): Map<string, number> {
  const text = Buffer.from(pdf).toString('latin1');
  const pages = new Map<string, number>();
  const objects = new Map<string, string>();
  const starts = [...text.matchAll(/(?:^|\n)(\d+) 0 obj\b/g)];
  starts.forEach((match, index) => {
    const end = index + 1 < starts.length ? starts[index + 1].index : text.length;
    const body = text.slice(match.index + match[0].length, end);
    // Only the dictionary matters; a stream's bytes never do.
    const stop = body.search(/\bstream\r?\n|\bendobj\b/);
    objects.set(match[1], stop >= 0 ? body.slice(0, stop) : body);
  });
  const root = /\/Type\s*\/Catalog[^]*?\/Pages\s+(\d+)\s+0\s+R/.exec(text)?.[1];
  if (!root) return pages;
  const order = new Map<string, number>();
  const walk = (id: string, depth: number) => {
    const node = objects.get(id);
    if (!node || depth > 32) return;
    const kids = /\/Kids\s*\[([^\]]*)\]/.exec(node);
    if (/\/Type\s*\/Pages\b/.test(node) && kids) {
      for (const kid of kids[1].matchAll(/(\d+)\s+\d+\s+R/g)) walk(kid[1], depth + 1);
    } else if (/\/Type\s*\/Page\b/.test(node)) {
      order.set(id, order.size + 1);
    }
  };
  walk(root, 0);
  const destsRef = /\/Dests\s+(\d+)\s+0\s+R/.exec(text)?.[1];
  const dests = destsRef ? objects.get(destsRef) : /\/Dests\s*(<<[^]*?>>)/.exec(text)?.[1];
  if (!dests) return pages;
  for (const match of dests.matchAll(/\/([^\s/[\]<>()]+)\s*\[\s*(\d+)\s+\d+\s+R/g)) {
    const page = order.get(match[2]);
    if (page !== undefined) pages.set(decodeName(match[1]), page);
  }
  return pages;
}

/** PDF names escape bytes as `#xx`. */
function decodeName(name: string): string {
  const bytes = Buffer.from(name.replace(/#([0-9a-fA-F]{2})/g, (_, hex: string) => String.fromCharCode(parseInt(hex, 16))), 'latin1');
  return bytes.toString('utf8');
}

/**
 * Makes Chromium's PDF reproducible, changing only bytes of the same length so the cross-reference
 * offsets stay valid: the time of printing becomes the build date, and the DOM node numbers that
 * tagged tables carry as structure ids (`/ID (node00000124)`, different on every run) are numbered
 * in order of appearance. Two builds of one date are then byte-identical.
 */
export function normalisePdf(pdf: Uint8Array, buildDate: string): Uint8Array {
  const text = Buffer.from(pdf).toString('latin1');
  const stamp = `D:${buildDate.replace(/-/g, '')}000000+00'00'`;
  const renumbered = new Map<string, string>();
  const normalised = text
    .replace(/\/(CreationDate|ModDate) \((D:[^)]*)\)/g, (whole, key: string, value: string) => (value.length === stamp.length ? `/${key} (${stamp})` : whole))
    .replace(/\(node(\d+)\)/g, (whole, digits: string) => {
      let next = renumbered.get(digits);
      if (next === undefined) {
        next = String(renumbered.size + 1).padStart(digits.length, '0');
        if (next.length !== digits.length) return whole;
        renumbered.set(digits, next);
      }
      return `(node${next})`;
    });
  return new Uint8Array(Buffer.from(normalised, 'latin1'));
}
