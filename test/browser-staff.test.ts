import { cpSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import type { Browser, Page } from 'playwright-core';
import { parse } from 'yaml';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { findChromium } from '../src/handbook/chromium.js';
import { build } from '../src/handbook/index.js';
import { CHROMIUM_ARGS } from '../src/handbook/render/pdf.js';
import { serve } from '../src/handbook/serve/index.js';
import { packageRoot } from '../src/paths.js';

/**
 * The example's handbook as staff see it, in Chromium: the steps on the first screen, search that
 * costs nothing until it is used, words instead of flags and ids; and `sop serve` reloading the
 * page a writer has open. Skipped, with the reason, when there is no Chromium.
 */
const chromiumPath = findChromium(process.env.SOP_CHROMIUM, process.cwd());
if (!chromiumPath) {
  console.warn('Skipping the staff-view browser tests: no Chromium found. Install the Debian package `chromium`, or set SOP_CHROMIUM to an executable.');
}

const SCREENS = [
  { name: 'desktop', width: 1280, height: 900 },
  { name: 'phone', width: 390, height: 844 },
] as const;

describe.skipIf(!chromiumPath)('the example handbook for staff, in Chromium', () => {
  const tmp = mkdtempSync(join(tmpdir(), 'sop-browser-staff-'));
  const repo = join(tmp, 'customer-service');
  const out = join(tmp, 'handbook');
  let browser: Browser;
  const url = (path: string) => pathToFileURL(join(out, path)).href;
  let procedurePages: string[] = [];

  beforeAll(async () => {
    cpSync(join(packageRoot, 'examples', 'customer-service'), repo, { recursive: true });
    // The example keeps two deliberate lint errors: built over them, its pages carry the one-line notice, the worst case for the first screen.
    const result = await build({ cwd: repo, paths: [], out, date: '2026-11-23', asOf: '2026-11-23', formats: ['site'], force: true });
    expect(result.status).toBe('built');
    procedurePages = readdirSync(join(out, 'documents')).filter((name) => readFileSync(join(out, 'documents', name), 'utf8').includes('data-type="procedure"'));
    const { chromium } = await import('playwright-core');
    browser = await chromium.launch({ executablePath: chromiumPath, args: CHROMIUM_ARGS });
  });

  afterAll(async () => {
    await browser?.close();
    rmSync(tmp, { recursive: true, force: true });
  });

  async function open(screen: (typeof SCREENS)[number]): Promise<Page> {
    return browser.newPage({ viewport: { width: screen.width, height: screen.height }, deviceScaleFactor: 1 });
  }

  for (const screen of SCREENS) {
    it(`shows the first step of every procedure on the first screen at ${screen.width}×${screen.height}`, async () => {
      expect(procedurePages.length).toBeGreaterThanOrEqual(6);
      const page = await open(screen);
      try {
        const positions: Record<string, number> = {};
        for (const name of procedurePages) {
          await page.goto(url(`documents/${name}`));
          const box = await page.locator('ol.sop-steps > li').first().boundingBox();
          expect(box, name).not.toBeNull();
          positions[name] = Math.round(box!.y);
          // Its first line at least is on screen, without scrolling.
          expect(box!.y + 24, `${name}: first step at ${box!.y}px of ${screen.height}`).toBeLessThanOrEqual(screen.height);
        }
        console.log(`first step, pixels from the top at ${screen.width}×${screen.height}: ${JSON.stringify(positions)}`);
      } finally {
        await page.close();
      }
    });
  }

  it('keeps the contents behind the menu button on a phone, and opens them on request', async () => {
    const page = await open(SCREENS[1]);
    try {
      await page.goto(url('documents/processing-a-refund.html'));
      await expect(page.locator('#sop-sidebar').isVisible()).resolves.toBe(false);
      await page.click('.sop-menu-button');
      await expect(page.locator('#sop-sidebar').isVisible()).resolves.toBe(true);
      await expect(page.locator('.sop-menu-button').getAttribute('aria-expanded')).resolves.toBe('true');
    } finally {
      await page.close();
    }
  });

  it('fetches no search index until the reader searches, then the parts it needs', async () => {
    const page = await open(SCREENS[0]);
    const requested: string[] = [];
    page.on('request', (request) => requested.push(request.url().slice(pathToFileURL(out).href.length)));
    try {
      await page.goto(url('documents/processing-a-refund.html'));
      await page.waitForLoadState('load');
      // Reading the page, scrolling and following the contents load nothing of the search.
      await page.mouse.wheel(0, 600);
      await page.waitForLoadState('networkidle');
      const searchFiles = () => requested.filter((path) => /\/assets\/(?:search\/|minisearch\.js|search-tokenize\.js)/.test(path));
      expect(requested).toEqual(expect.arrayContaining(['/documents/processing-a-refund.html', '/assets/handbook.css', '/assets/handbook.js']));
      expect(searchFiles()).toEqual([]);
      await page.focus('#sop-search-input');
      await page.keyboard.type('receipt');
      await page.waitForSelector('#sop-search-results li[role="option"]');
      expect(searchFiles()).toEqual(expect.arrayContaining(['/assets/minisearch.js', '/assets/search/parts.js']));
      expect(searchFiles().some((path) => /\/assets\/search\/(?!parts\.js)/.test(path))).toBe(true);
      // The matched word is highlighted in the results.
      await expect(page.locator('#sop-search-results mark').first().textContent()).resolves.toMatch(/receipt/i);
    } finally {
      await page.close();
    }
  });

  it('shows staff no command-line flag and no raw id that has a display name', async () => {
    const config = parse(readFileSync(join(repo, 'sop.config.yaml'), 'utf8')) as { names: Record<string, string> };
    const hyphenated = Object.keys(config.names).filter((id) => id.includes('-'));
    expect(hyphenated.length).toBeGreaterThan(3);
    const pages = [...readdirSync(out).filter((name) => name.endsWith('.html')), ...readdirSync(join(out, 'documents')).map((name) => `documents/${name}`)];
    const page = await open(SCREENS[0]);
    try {
      for (const path of pages) {
        await page.goto(url(path));
        // Everything a reader can see, the folded details included.
        await page.evaluate(() => document.querySelectorAll('details').forEach((details) => (details.open = true)));
        const text = await page.evaluate(() => document.body.innerText);
        expect(text, path).not.toMatch(/(?:^|[\s("'“])--[a-z][a-z-]*/m);
        for (const id of hyphenated) expect(text, `${path} shows the id ${id}`).not.toMatch(new RegExp(`(?<![\\w-])${id}(?![\\w-])`));
      }
    } finally {
      await page.close();
    }
  });

  it('shows the logo in the header at the size the stylesheet gives, and the accent colour on links', async () => {
    const page = await open(SCREENS[0]);
    try {
      await page.goto(url('documents/processing-a-refund.html'));
      const logo = await page.locator('img.sop-brand-logo').boundingBox();
      expect(logo).not.toBeNull();
      expect(logo!.height).toBe(32);
      expect(logo!.width).toBeGreaterThan(0);
      expect(logo!.width).toBeLessThanOrEqual(128);
      await expect(page.locator('img.sop-brand-logo').evaluate((image: HTMLImageElement) => image.complete && image.naturalWidth > 0)).resolves.toBe(true);
      await expect(page.evaluate(() => getComputedStyle(document.documentElement).getPropertyValue('--accent').trim())).resolves.toBe('#1f6f5c');
    } finally {
      await page.close();
    }
  });

  it('`sop serve` reloads the open page after an edit, and shows the lint finding on it', { timeout: 240_000 }, async () => {
    const lines: string[] = [];
    const served = await serve({ cwd: repo, paths: [], host: '127.0.0.1', port: 0, log: (line) => lines.push(line) });
    const page = await open(SCREENS[0]);
    try {
      await page.goto(`${served.url}documents/processing-a-refund.html`);
      const firstStep = () => page.locator('ol.sop-steps > li').first().textContent();
      const before = (await firstStep())!;
      const source = join(repo, 'procedures', 'processing-a-refund.md');
      const text = readFileSync(source, 'utf8');
      const step = /^1\. (.+)$/m.exec(text)![1];
      expect(before).toContain(step.slice(0, 20).replace(/\*\*/g, ''));
      const reloaded = page.waitForEvent('load', { timeout: 120_000 }).catch((error: Error) => {
        throw new Error(`${error.message}\nsop serve said:\n${lines.join('\n')}`);
      });
      // "client" is a word the example's glossary forbids (an error there).
      writeFileSync(source, text.replace(`1. ${step}`, `1. Greet the client. ${step}`));
      await reloaded;
      await expect(firstStep()).resolves.toContain('Greet the client.');
      await page.waitForFunction(() => /“client” is not the glossary term/.test(document.getElementById('sop-serve-banner')?.textContent ?? ''), undefined, { timeout: 120_000 });
      await expect(page.locator('#sop-serve-banner').textContent()).resolves.toMatch(/procedures\/processing-a-refund\.md.*“client” is not the glossary term/s);
    } finally {
      await page.close();
      await served.close();
    }
    expect(lines.join('\n')).toMatch(/Rebuilt in \d+ ms/);
  });
});
