#!/usr/bin/env node
// Makes docs/handbook.png and docs/handbook-phone.png, the README's pictures of the handbook: builds
// examples/customer-service (its deliberate lint errors lowered to warnings in a scratch copy, so the
// page shows the handbook rather than the NOT COMPLIANT notice) and photographs the first screen of
// one procedure page in Chromium at 1280×900 and at 390×844, printing where its first step starts.
// Usage: npm run build && node scripts/handbook-screenshot.mjs [chromium-path]
import { spawnSync } from 'node:child_process';
import { cpSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { chromium } from 'playwright-core';
import { parseDocument } from 'yaml';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const executablePath = process.argv[2] ?? '/usr/bin/chromium';
const scratch = mkdtempSync(join(tmpdir(), 'sop-screenshot-'));
try {
  const repo = join(scratch, 'customer-service');
  cpSync(join(root, 'examples', 'customer-service'), repo, { recursive: true });
  const configPath = join(repo, 'sop.config.yaml');
  const config = parseDocument(readFileSync(configPath, 'utf8'));
  for (const rule of ['review-overdue', 'branch-uniformity', 'terminology', 'translation-parity']) config.setIn(['rules', rule], 'warn');
  writeFileSync(configPath, config.toString());
  const built = spawnSync(process.execPath, [join(root, 'bin', 'sop.js'), 'build', '--out', '../handbook', '--date', '2026-11-23', '--as-of', '2026-11-23'], { cwd: repo, encoding: 'utf8' });
  if (built.status !== 0) throw new Error(`sop build failed:\n${built.stdout}${built.stderr}`);
  const browser = await chromium.launch({ executablePath, args: ['--no-sandbox', '--disable-gpu'] });
  const screens = [
    { file: 'handbook.png', width: 1280, height: 900 },
    { file: 'handbook-phone.png', width: 390, height: 844 },
  ];
  for (const screen of screens) {
    const page = await browser.newPage({ viewport: { width: screen.width, height: screen.height }, deviceScaleFactor: 1 });
    await page.goto(pathToFileURL(join(scratch, 'handbook', 'documents', 'processing-a-refund.html')).href);
    const step = await page.locator('ol.sop-steps > li').first().boundingBox();
    await page.screenshot({ path: join(root, 'docs', screen.file) });
    console.log(`Wrote docs/${screen.file} (${screen.width}×${screen.height}): the first step starts ${Math.round(step.y)} px from the top`);
    await page.close();
  }
  await browser.close();
} finally {
  rmSync(scratch, { recursive: true, force: true });
}
