#!/usr/bin/env node
// Measures what a reader's browser loads for a document page of the handbook before any search:
// the page's HTML plus the stylesheets and scripts it names (images excluded), for every page in
// documents/. Prints the median and the heaviest page, and exits 1 when one is over the limit.
//
//   npm run build
//   node /work/shared/bench/gen-corpus.mjs /tmp/hb-2000 2000      # or any repository of documents
//   node scripts/page-weight.mjs /tmp/hb-2000 [--limit 100]        # builds the site (over lint errors) into a temporary folder
//   node scripts/page-weight.mjs --site <built-site-folder>        # measures a site already built
import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, readdirSync, readFileSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const args = process.argv.slice(2);
const option = (name) => {
  const at = args.indexOf(name);
  return at >= 0 ? args.splice(at, 2)[1] : undefined;
};
const limitKb = Number(option('--limit') ?? 100);
const builtSite = option('--site');
const repository = args[0];
if (!builtSite && !repository) {
  console.error('usage: node scripts/page-weight.mjs <repository> [--limit <KB>] | --site <built-site>');
  process.exit(2);
}

let scratch;
let site = builtSite ? resolve(builtSite) : undefined;
if (!site) {
  scratch = mkdtempSync(join(tmpdir(), 'sop-page-weight-'));
  site = join(scratch, 'site');
  const started = Date.now();
  const built = spawnSync(process.execPath, [join(root, 'bin', 'sop.js'), 'build', resolve(repository), '--force', '--format', 'site', '--out', site, '--date', '2026-12-02'], { encoding: 'utf8', maxBuffer: 512 * 1024 * 1024 });
  if (built.status !== 0) {
    console.error(`sop build failed (${built.status}):\n${built.stderr.slice(-2000)}`);
    process.exit(2);
  }
  console.log(`built ${repository} in ${((Date.now() - started) / 1000).toFixed(1)} s`);
}

try {
  const documents = join(site, 'documents');
  if (!existsSync(documents)) throw new Error(`${site} has no documents/ folder: is it a handbook site?`);
  const assetBytes = new Map();
  const sizeOf = (path) => {
    if (!assetBytes.has(path)) assetBytes.set(path, existsSync(path) ? statSync(path).size + importsOf(path) : 0);
    return assetBytes.get(path);
  };
  // Stylesheets a stylesheet pulls in with @import load with it.
  const importsOf = (path) => {
    if (!path.endsWith('.css')) return 0;
    const css = readFileSync(path, 'utf8');
    return [...css.matchAll(/@import\s+(?:url\()?["']?([^"')\s;]+)/g)].reduce((sum, match) => sum + sizeOf(resolve(dirname(path), match[1])), 0);
  };
  const weights = [];
  for (const name of readdirSync(documents).filter((file) => file.endsWith('.html')).sort()) {
    const path = join(documents, name);
    const html = readFileSync(path, 'utf8');
    const loaded = [
      ...[...html.matchAll(/<link\b[^>]*\brel="(?:stylesheet|preload|modulepreload)"[^>]*>/g)].map((match) => /\bhref="([^"]+)"/.exec(match[0])?.[1]),
      ...[...html.matchAll(/<script\b[^>]*\bsrc="([^"]+)"/g)].map((match) => match[1]),
    ].filter((href) => href && !/^[a-z]+:/i.test(href));
    const assets = [...new Set(loaded.map((href) => resolve(documents, href.split(/[?#]/)[0])))];
    const bytes = Buffer.byteLength(html) + assets.reduce((sum, asset) => sum + sizeOf(asset), 0);
    weights.push({ name, bytes, html: Buffer.byteLength(html), assets: assets.map((asset) => asset.slice(site.length + 1)) });
  }
  if (weights.length === 0) throw new Error(`${documents} has no pages.`);
  weights.sort((a, b) => a.bytes - b.bytes);
  const kb = (bytes) => `${(bytes / 1024).toFixed(1)} KB`;
  const median = weights[Math.floor(weights.length / 2)];
  const heaviest = weights[weights.length - 1];
  console.log(`${weights.length} document pages; the heaviest loads ${heaviest.assets.join(', ')} before any search`);
  console.log(`page weight (HTML + CSS + JS, no images): median ${kb(median.bytes)} (${median.name}), heaviest ${kb(heaviest.bytes)} (${heaviest.name}: HTML ${kb(heaviest.html)}), limit ${limitKb} KB`);
  if (heaviest.bytes > limitKb * 1024) {
    console.error(`over the limit: ${heaviest.name} weighs ${kb(heaviest.bytes)}`);
    process.exitCode = 1;
  }
} finally {
  if (scratch) rmSync(scratch, { recursive: true, force: true });
}
