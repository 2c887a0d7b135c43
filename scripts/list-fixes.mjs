#!/usr/bin/env node
// Every change `sop lint --fix` would make in a folder, as before → after with the sentence around it,
// so each can be read and judged. Nothing is written.
//
//   node scripts/list-fixes.mjs <folder> [sop.js]          one block per fix, numbered
//   node scripts/list-fixes.mjs <folder> --tsv             file, line, rule, before, after, context after
//
// The context is the text from the previous sentence end (., !, ?, a blank line or a table bar) to the
// next one, taken from the file with the fix applied, on one line.
import { execFileSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import path from 'node:path';

const args = process.argv.slice(2);
const tsv = args.includes('--tsv');
const [folder, sopArg] = args.filter((arg) => !arg.startsWith('--'));
if (!folder) {
  console.error('usage: list-fixes.mjs <folder> [sop.js] [--tsv]');
  process.exit(2);
}
const sop = sopArg ?? new URL('../bin/sop.js', import.meta.url).pathname;
let output;
try {
  output = execFileSync('node', [sop, 'lint', folder, '--format', 'json', '--as-of', '2026-12-02'], { maxBuffer: 1 << 30, encoding: 'utf8', stdio: ['ignore', 'pipe', 'ignore'] });
} catch (error) {
  output = error.stdout;
}

const oneLine = (text) => text.replace(/\r?\n[ \t>]*(?:[-*+]|\d+[.)])?[ \t]*/g, ' ').replace(/\s+/g, ' ').trim();
const BOUNDARY = /[.!?|]\s|\n\s*\n/g;

let count = 0;
const byRule = new Map();
if (tsv) console.log(['file', 'line', 'rule', 'before', 'after', 'context'].join('\t'));
for (const file of JSON.parse(output)) {
  const fixes = file.messages.filter((finding) => finding.fix);
  if (fixes.length === 0) continue;
  let source = readFileSync(path.resolve(file.filePath), 'utf8');
  // Fix ranges count from the start of the text without its BOM, as the linter reads it.
  if (source.charCodeAt(0) === 0xfeff) source = source.slice(1);
  for (const finding of fixes) {
    const [start, end] = finding.fix.range;
    const before = source.slice(start, end);
    const after = finding.fix.text;
    const fixed = source.slice(0, start) + after + source.slice(end);
    const from = lastBoundaryBefore(fixed, start);
    const to = nextBoundaryAfter(fixed, start + after.length);
    const context = oneLine(fixed.slice(from, to));
    count++;
    byRule.set(finding.ruleId, (byRule.get(finding.ruleId) ?? 0) + 1);
    if (tsv) {
      console.log([file.filePath, finding.line, finding.ruleId, oneLine(before), after, context].join('\t'));
    } else {
      console.log(`#${count} ${file.filePath}:${finding.line}:${finding.column} ${finding.ruleId}`);
      console.log(`  “${oneLine(before)}” → “${after}”`);
      console.log(`  ${context}\n`);
    }
  }
}
if (!tsv) console.log(`${count} fixes (${[...byRule].map(([rule, n]) => `${rule} ${n}`).join(', ') || 'none'})`);

function lastBoundaryBefore(text, index) {
  let found = Math.max(0, index - 400);
  BOUNDARY.lastIndex = found;
  for (let match = BOUNDARY.exec(text); match && match.index < index; match = BOUNDARY.exec(text)) found = match.index + match[0].length;
  return found;
}

function nextBoundaryAfter(text, index) {
  BOUNDARY.lastIndex = index;
  const match = BOUNDARY.exec(text);
  return match && match.index - index < 400 ? match.index + 1 : Math.min(text.length, index + 400);
}
