import { spawnSync } from 'node:child_process';
import { copyFileSync, mkdirSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { findChromium } from '../src/handbook/chromium.js';
import { build } from '../src/handbook/index.js';
import { CHROMIUM_ARGS } from '../src/handbook/render/pdf.js';
import { packageRoot } from '../src/paths.js';
import { BASIC_FIXTURE, BUILD_DATE, readTree } from './helpers/build.js';

/**
 * The handbook in a real browser: Debian's chromium driven by playwright-core. Without Chromium these
 * tests are skipped with a warning; in CI (CI set) a missing Chromium fails the run instead.
 */
const chromiumPath = findChromium(process.env.SOP_CHROMIUM, process.cwd());
const inCi = Boolean(process.env.CI) && process.env.CI !== 'false';
if (!chromiumPath) {
  console.warn('Skipping the browser tests: no Chromium found. Install the Debian package `chromium` (and fonts-noto-core), or set SOP_CHROMIUM to an executable.');
}

describe.runIf(!chromiumPath && inCi)('browser tests in CI', () => {
  it('need Chromium', () => {
    throw new Error('CI is set but no Chromium was found: install the Debian package `chromium` (.ci/run does), or set SOP_CHROMIUM.');
  });
});

describe.skipIf(!chromiumPath)('the handbook in Chromium', () => {
  const tmp = mkdtempSync(join(tmpdir(), 'sop-browser-'));
  const out = join(tmp, 'handbook');
  const screenshots = join(packageRoot, 'test', '.tmp');
  let browser: Browser;
  let page: Page;
  const problems: string[] = [];
  const url = (path: string) => pathToFileURL(join(out, path)).href;

  beforeAll(async () => {
    const result = await build({ cwd: BASIC_FIXTURE, paths: [], out, date: BUILD_DATE, formats: ['site', 'single', 'pdf'], chromium: chromiumPath });
    expect(result.status).toBe('built');
    const { chromium } = await import('playwright-core');
    browser = await chromium.launch({ executablePath: chromiumPath, args: CHROMIUM_ARGS });
    page = await browser.newPage({ viewport: { width: 1280, height: 900 } });
    page.on('console', (message) => {
      if (message.type() === 'error' || message.type() === 'warning') problems.push(`console ${message.type()}: ${message.text()}`);
    });
    page.on('pageerror', (error) => problems.push(`page error: ${error.message}`));
    page.on('dialog', (dialog) => {
      problems.push(`a dialog opened: ${dialog.message()}`);
      void dialog.dismiss();
    });
    page.on('request', (request) => {
      if (!request.url().startsWith('file:') && !request.url().startsWith('data:')) problems.push(`request to ${request.url()}`);
    });
  });

  afterAll(async () => {
    await browser?.close();
    rmSync(tmp, { recursive: true, force: true });
  });

  it('opens from file:// and follows the table of contents to a document', async () => {
    await page.goto(url('index.html'));
    await expect(page.title()).resolves.toBe('Customer service handbook');
    await page.locator('nav.sop-toc a', { hasText: 'Giving a refund' }).first().click();
    await page.waitForURL(/documents\/refund-steps\.html$/);
    await expect(page.locator('h1.sop-doc-title').textContent()).resolves.toBe('2.1 Giving a refund');
    await expect(page.locator('ol.sop-steps > li').count()).resolves.toBe(4);
  });

  it('finds an English word and opens the section it is in, by keyboard', async () => {
    await page.goto(url('documents/answer-calls.html'));
    await page.keyboard.press('/');
    await expect(page.evaluate(() => document.activeElement?.id)).resolves.toBe('sop-search-input');
    await page.keyboard.type('receipt');
    const options = page.locator('#sop-search-results li[role="option"]');
    await expect(options.first().locator('.sop-result-title').textContent()).resolves.toBe('2.1 Giving a refund');
    await expect(options.nth(1).locator('.sop-result-section').textContent()).resolves.toBe('Procedure');
    await page.keyboard.press('ArrowDown');
    await page.keyboard.press('ArrowDown');
    await expect(options.nth(1).getAttribute('aria-selected')).resolves.toBe('true');
    await expect(page.locator('#sop-search-input').getAttribute('aria-activedescendant')).resolves.toBe('sop-result-1');
    await page.keyboard.press('Enter');
    await page.waitForURL(/documents\/refund-steps\.html#refund-steps--procedure$/);
  });

  it('finds a Hindi word', async () => {
    await page.goto(url('index.html'));
    await page.fill('#sop-search-input', 'मुंबई');
    const options = page.locator('#sop-search-results li[role="option"]');
    await expect(options.first().locator('.sop-result-title').textContent()).resolves.toBe('3 धनवापसी नीति');
    await expect(options.first().locator('.sop-result-title').getAttribute('lang')).resolves.toBe('hi');
    await expect(options.nth(1).locator('.sop-result-section').textContent()).resolves.toBe('दायरा');
    await options.nth(1).locator('a').click();
    await page.waitForURL(/documents\/refunds-policy-hi\.html#refunds-policy-hi--/);
    await expect(page.locator('article.sop-doc').getAttribute('lang')).resolves.toBe('hi');
  });

  it('follows a cross-reference to the heading it names', async () => {
    await page.goto(url('documents/refund-steps.html'));
    const reference = page.locator('.sop-body a.sop-xref', { hasText: 'refunds policy' });
    await expect(reference.getAttribute('title')).resolves.toBe('2 Refunds');
    await reference.click();
    await page.waitForURL(/documents\/refunds-policy\.html#refunds-policy--policy$/);
    await expect(page.locator(':target').textContent()).resolves.toBe('Policy');
  });

  it('has a skip link first, and arrow keys to the next and previous documents', async () => {
    await page.goto(url('documents/refund-steps.html'));
    await page.keyboard.press('Tab');
    await expect(page.evaluate(() => document.activeElement?.className)).resolves.toBe('sop-skip-link');
    await page.keyboard.press('Enter');
    await expect(page.evaluate(() => document.activeElement?.id)).resolves.toBe('main');
    await page.keyboard.press('ArrowRight');
    await page.waitForURL(/refunds-policy-hi\.html$/);
    await page.keyboard.press('ArrowLeft');
    await page.waitForURL(/refund-steps\.html$/);
  });

  it('shows the document image, and runs none of the script a document tried to carry', async () => {
    await page.goto(url('documents/refund-steps.html'));
    const loaded = await page.locator('.sop-body img').evaluate((image: HTMLImageElement) => image.complete && image.naturalWidth > 0);
    expect(loaded).toBe(true);
    await expect(page.locator('.sop-body script, [onerror], a[href^="javascript:"]').count()).resolves.toBe(0);
  });

  it('follows the system theme, and switches on request', async () => {
    await page.emulateMedia({ colorScheme: 'dark' });
    await page.goto(url('documents/refund-steps.html'));
    const background = () => page.evaluate(() => getComputedStyle(document.documentElement).backgroundColor);
    await expect(background()).resolves.toBe('rgb(20, 24, 29)');
    await page.click('.sop-theme-toggle');
    await expect(background()).resolves.toBe('rgb(251, 250, 247)');
    await page.reload();
    await expect(background()).resolves.toBe('rgb(251, 250, 247)');
    await page.evaluate(() => localStorage.removeItem('sop-theme'));
    await page.emulateMedia({ colorScheme: 'light' });
  });

  it('takes a screenshot of a document page', async () => {
    await page.goto(url('documents/refund-steps.html'));
    mkdirSync(screenshots, { recursive: true });
    const path = join(screenshots, 'browser-refund-steps.png');
    await page.screenshot({ path });
    expect(readFileSync(path).subarray(1, 4).toString()).toBe('PNG');
  });

  it('logged no console error, made no request off the machine, opened no dialog', () => {
    expect(problems).toEqual([]);
  });

  it('prints a PDF with its contents page-numbered, running headers, and the Hindi title shaped with a Devanagari font', () => {
    const pdf = readFileSync(join(out, 'handbook.pdf'));
    const text = pdf.toString('latin1');
    const pages = Math.max(...[...text.matchAll(/\/Type \/Pages\s*\/Count (\d+)/g)].map((match) => Number(match[1])));
    // Cover, contents, the documents (a policy and its procedures share print pages, so only a policy starts a new sheet),
    // four back-matter pages, five acknowledgement sheets.
    expect(pages).toBe(14);
    expect(text).toMatch(/\/BaseFont \/[A-Z]{6}\+NotoSans(?:Devanagari|DevanagariUI)-/);
    const outline = [...text.matchAll(/\/Title\s*<FEFF([0-9A-F]+)>/gi)].map((match) => Buffer.from(match[1], 'hex').swap16().toString('utf16le'));
    expect(outline).toContain('3 धनवापसी नीति');
    const pdftotext = spawnSync('pdftotext', ['-layout', join(out, 'handbook.pdf'), '-'], { encoding: 'utf8' });
    if (pdftotext.error) {
      console.warn('pdftotext (poppler-utils) is not installed: the PDF text checks are skipped.');
      return;
    }
    expect(pdftotext.stdout).toContain('धनवापसी नीति');
    expect(pdftotext.stdout).toMatch(/2\.1\s+Giving a refund\s+5\n/);
    // A procedure prints on its policy's pages, so the running header names the policy (2 Refunds) over "2.1 Giving a refund".
    expect(pdftotext.stdout).toMatch(/Customer service handbook\s+2 Refunds · Version 2\.0\.0/);
    expect(pdftotext.stdout).toMatch(/Edition [0-9a-f]{12}\s+Page 5 of 14/);
  });

  it('prints the same PDF bytes again for the same date', async () => {
    const again = join(tmp, 'again');
    await build({ cwd: BASIC_FIXTURE, paths: [], out: again, date: BUILD_DATE, formats: ['pdf'], chromium: chromiumPath });
    expect(readTree(again).get('handbook.pdf')!.equals(readFileSync(join(out, 'handbook.pdf')))).toBe(true);
    copyFileSync(join(out, 'handbook.pdf'), join(screenshots, 'browser-handbook.pdf'));
  });
});
