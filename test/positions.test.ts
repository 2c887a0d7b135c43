import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { sop } from './helpers/cli.js';

/**
 * Property: for generated documents (seeded) that put flagged phrases in every container the prose
 * layer strips (wrapped list items, nested lists, blockquotes at any depth and indentation, lists in
 * quotes, table cells, tabs, escapes, references, CRLF, BOM), every finding's span sliced from the file
 * is the words its message quotes, and every fix range is the phrase the fix replaces.
 */
function random(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    state = (state * 1664525 + 1013904223) >>> 0;
    return state / 2 ** 32;
  };
}

const PHRASES = ['in order to', 'may be done', 'will notify', 'quickly', 'as soon as possible', 'is reviewed'];
const FILLER = ['staff', 'the', 'lead', 'reply', 'call', 'record', 'each', 'request', 'x &amp; y', 'a \\* b', 'AT&T'];

function sentence(next: () => number): string {
  const words: string[] = [];
  for (let i = 0; i < 6 + Math.floor(next() * 6); i++) {
    words.push(next() < 0.3 ? PHRASES[Math.floor(next() * PHRASES.length)] : FILLER[Math.floor(next() * FILLER.length)]);
  }
  return `Staff ${words.join(' ')}.`;
}

/** Hard-wraps the words of `text` every few words, each continuation line getting `prefix`. */
function wrapped(text: string, prefix: string, next: () => number): string {
  const words = text.split(' ');
  let out = '';
  words.forEach((word, index) => {
    out += index === 0 ? word : next() < 0.3 ? `\n${prefix}${word}` : ` ${word}`;
  });
  return out;
}

function documentText(seed: number): string {
  const next = random(seed);
  const parts: string[] = [];
  for (let i = 0; i < 8; i++) {
    const shape = Math.floor(next() * 6);
    const depth = 1 + Math.floor(next() * 3);
    const quote = '> '.repeat(depth);
    if (shape === 0) parts.push(`- ${wrapped(sentence(next), next() < 0.5 ? '  ' : '\t', next)}`);
    else if (shape === 1) parts.push(`- one\n  - ${wrapped(sentence(next), '    ', next)}`);
    else if (shape === 2) parts.push(`${quote}${wrapped(sentence(next), next() < 0.5 ? quote : `${quote}  `, next)}`);
    else if (shape === 3) parts.push(`> 1. ${wrapped(sentence(next), '>    ', next)}`);
    else if (shape === 4) parts.push(`| a | b |\n|---|---|\n| ${sentence(next)} | ${sentence(next)}<br>${sentence(next)} |`);
    else parts.push(wrapped(sentence(next), next() < 0.5 ? '' : '   ', next));
  }
  const text = `---\nid: doc-${seed}\ntitle: Doc\ntype: policy\nowner: Ops\nstatus: draft\nversion: 1.0.0\nlast_reviewed: 2026-11-01\n---\n\n${parts.join('\n\n')}\n`;
  const crlf = seed % 3 === 0 ? text.replace(/\n/g, '\r\n') : text;
  return seed % 4 === 0 ? `\uFEFF${crlf}` : crlf;
}

interface Finding {
  ruleId: string;
  line: number;
  column: number;
  endLine: number;
  endColumn: number;
  message: string;
  fix?: { range: [number, number]; text: string };
}

const dir = mkdtempSync(join(tmpdir(), 'sop-positions-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));
const SEEDS = Array.from({ length: 40 }, (_, i) => i + 1);
for (const seed of SEEDS) writeFileSync(join(dir, `doc-${seed}.md`), documentText(seed));

/** Prose as a reader sees it: no container prefixes at line starts, no escapes, one space. */
function reading(text: string): string {
  return text
    .replace(/\r?\n[ \t>]*/g, ' ')
    .replace(/&amp;/g, '&')
    .replace(/\\(.)/g, '$1')
    .replace(/\s+/g, ' ')
    .trim()
    .toLowerCase();
}

describe('exact positions', () => {
  const run = sop(['lint', '.', '--format', 'json', '--as-of', '2026-12-02'], { cwd: dir });
  const results = JSON.parse(run.stdout) as Array<{ filePath: string; messages: Finding[] }>;

  it('slices every quoted finding to exactly the words it quotes', () => {
    let checked = 0;
    for (const result of results) {
      const raw = readFileSync(join(dir, result.filePath), 'utf8');
      const source = raw.replace(/^\uFEFF/, '');
      const lineStarts = [0];
      for (let i = 0; i < source.length; i++) if (source[i] === '\n') lineStarts.push(i + 1);
      for (const finding of result.messages) {
        const quoted = /^[“'"]([^”'"]+)[”'"]/.exec(finding.message)?.[1];
        if (!quoted || !finding.endLine) continue;
        const span = source.slice(lineStarts[finding.line - 1] + finding.column - 1, lineStarts[finding.endLine - 1] + finding.endColumn - 1);
        expect({ at: `${result.filePath}:${finding.line}:${finding.column}`, span: reading(span) }).toEqual({ at: `${result.filePath}:${finding.line}:${finding.column}`, span: reading(quoted) });
        if (finding.fix) expect(reading(source.slice(...finding.fix.range))).toBe(reading(quoted));
        checked++;
      }
    }
    expect(checked).toBeGreaterThan(100);
  });

  it('fixes every fixable finding, wrapped or quoted, with --fix', () => {
    const fixable = results.flatMap((result) => result.messages.filter((finding) => finding.ruleId === 'wordy-phrase'));
    expect(fixable.length).toBeGreaterThan(10);
    expect(fixable.every((finding) => finding.fix)).toBe(true);
    sop(['lint', '.', '--fix', '--as-of', '2026-12-02'], { cwd: dir });
    const after = JSON.parse(sop(['lint', '.', '--format', 'json', '--as-of', '2026-12-02'], { cwd: dir }).stdout) as Array<{ messages: Finding[] }>;
    expect(after.flatMap((result) => result.messages.filter((finding) => finding.fix))).toEqual([]);
  });
});
