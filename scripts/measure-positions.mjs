#!/usr/bin/env node
// Share of prose findings whose span starts and ends at word boundaries and, sliced from the file,
// is the words the message quotes. Usage: node scripts/measure-positions.mjs <folder> [sop.js]
import { execFileSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import path from 'node:path';

const folder = process.argv[2];
const sop = process.argv[3] ?? new URL('../bin/sop.js', import.meta.url).pathname;
if (!folder) throw new Error('usage: measure-positions.mjs <folder> [sop.js]');
let output;
try {
  output = execFileSync('node', [sop, 'lint', folder, '--format', 'json', '--as-of', '2026-12-02'], { maxBuffer: 1 << 30, encoding: 'utf8', stdio: ['ignore', 'pipe', 'ignore'] });
} catch (error) {
  output = error.stdout;
}
const PROSE = new Set(['passive-voice', 'weasel-words', 'wordy-phrase', 'weak-modal', 'measurable-standard', 'present-tense', 'terminology']);
const normal = (text) => text.replace(/[*_]/g, '').replace(/\r?\n[ \t>]*/g, ' ').replace(/\s+/g, ' ').trim().toLowerCase();
let total = 0;
let exact = 0;
const wrong = [];
for (const file of JSON.parse(output)) {
  const source = readFileSync(path.resolve(file.filePath), 'utf8');
  const lineStarts = [0];
  for (let i = 0; i < source.length; i++) if (source[i] === '\n') lineStarts.push(i + 1);
  // Columns count UTF-16 units after a BOM is removed.
  const bom = source.charCodeAt(0) === 0xfeff ? 1 : 0;
  const offset = (line, column) => lineStarts[line - 1] + column - 1 + (line === 1 ? bom : 0);
  for (const finding of file.messages) {
    if (!PROSE.has(finding.ruleId) || !finding.endLine) continue;
    const quoted = /^[“'"]([^”'"]+)[”'"]/.exec(finding.message)?.[1];
    if (!quoted) continue;
    total++;
    const start = offset(finding.line, finding.column);
    const end = offset(finding.endLine, finding.endColumn);
    const span = source.slice(start, end);
    const boundary = !/\w/.test(source[start - 1] ?? ' ') || !/\w/.test(span[0] ?? ' ');
    const boundaryEnd = !/\w/.test(source[end] ?? ' ') || !/\w/.test(span.at(-1) ?? ' ');
    if (boundary && boundaryEnd && normal(span) === normal(quoted)) exact++;
    else if (wrong.length < 10) wrong.push(`${file.filePath}:${finding.line}:${finding.column} ${finding.ruleId} quoted ${JSON.stringify(quoted)} span ${JSON.stringify(span)}`);
  }
}
console.log(`${exact} of ${total} quoted findings exact (${total ? ((100 * exact) / total).toFixed(1) : '0.0'} %)`);
for (const line of wrong) console.log(`  ${line}`);
