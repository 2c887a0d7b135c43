import { describe, expect, it } from 'vitest';
import { loadConfig } from '../src/config/load.js';
import { parseDocumentText } from '../src/document/parse.js';
import { isInside, quotedSpans } from '../src/lexical/quotations.js';
import { loadRules } from '../src/rules/registry.js';
import { proseBlocks, sentencesOfDocument, blockLocation, PLACEHOLDER } from '../src/text/prose.js';
import { sentencesOf } from '../src/text/sentences.js';
import { EnglishSentence } from '../languages/en/sentence.js';

const config = loadConfig({ cwd: '/', rules: await loadRules(), search: false });

function parse(body: string) {
  const text = ['---', 'id: a', 'type: procedure', '---', '', body, ''].join('\n');
  return parseDocumentText({ absolutePath: '/x.md', filePath: 'x.md', text, defaultLang: 'en', maxFileSize: 1e7 }).document!;
}

const split = (text: string) => sentencesOf(text, 'en').map((s) => s.text);

describe('English sentence ends the parser misses or invents', () => {
  it('ends a sentence at "etc." before a capital, not inside a clause', () => {
    expect(split('Bring pens, paper, markers, etc. Then write the weekly report.')).toEqual(['Bring pens, paper, markers, etc.', 'Then write the weekly report.']);
    expect(split('Keep forms etc. in the drawer. Then lock it.')).toEqual(['Keep forms etc. in the drawer.', 'Then lock it.']);
  });

  it('ends a sentence at a number after a word, of any length', () => {
    expect(split('Call the desk at extension 4. Then write a note.')).toEqual(['Call the desk at extension 4.', 'Then write a note.']);
    expect(split('Call extension 42. Then write. Read section 4. It explains.')).toEqual(['Call extension 42.', 'Then write.', 'Read section 4.', 'It explains.']);
  });

  it('does not split inside "1.5", "v2.3", after "No." before a number, or after a list number', () => {
    expect(split('Install version 1.5 today. Then check that v2.3 works.')).toEqual(['Install version 1.5 today.', 'Then check that v2.3 works.']);
    expect(split('See form No. 4 for details. Then sign it.')).toEqual(['See form No. 4 for details.', 'Then sign it.']);
    expect(split('See Fig. 2 and p. 12. Then sign it.')).toEqual(['See Fig. 2 and p. 12.', 'Then sign it.']);
    expect(split('Steps: 1. Open the app. 2. Close it.')).toEqual(['Steps: 1. Open the app.', '2. Close it.']);
    expect(split('Use e.g. Outlook for mail. Ask Mr. Smith.')).toEqual(['Use e.g. Outlook for mail.', 'Ask Mr. Smith.']);
  });

  it('gives offsets that slice to each sentence', () => {
    const text = 'Bring pens, etc. Then call extension 4. Then wait.';
    for (const span of sentencesOf(text, 'en')) expect(text.slice(span.start, span.end)).toBe(span.text);
  });

  it('stays right on a long run of such sentences (each end found once)', () => {
    const text = 'Call extension 4. Then wait 1.5 minutes, etc. '.repeat(2000);
    const sentences = sentencesOf(text, 'en');
    expect(sentences).toHaveLength(4000);
    expect(new Set(sentences.map((s) => s.text))).toEqual(new Set(['Call extension 4.', 'Then wait 1.5 minutes, etc.']));
  });
});

describe('<br> in a table cell', () => {
  const doc = parse('| Step | What to see |\n|---|---|\n| 1 | Check the following:<br>- the receipt is signed<br>- the card is checked |');
  const cell = proseBlocks(doc, config).find((block) => block.text.startsWith('Check the'))!;

  it('ends a sentence, and the bullet after it is not a word', () => {
    const sentences = sentencesOfDocument(doc, config).filter((s) => s.block === cell).map((s) => s.text);
    expect(sentences).toEqual(['Check the following:', 'the receipt is signed', 'the card is checked']);
  });

  it('keeps exact positions after the bullet', () => {
    const at = cell.text.indexOf('the card');
    const location = blockLocation(cell, at, at + 'the card'.length);
    expect(doc.text.slice(location.offset, location.endOffset)).toBe('the card');
  });
});

describe('the placeholder word never reaches a message', () => {
  const doc = parse('You will `Duplicate` the `Template` at https://example.com/x now.');
  const block = proseBlocks(doc, config)[0];

  it('records what each placeholder stands for', () => {
    expect(block.placeholders.map((p) => [block.text.slice(p.start, p.end), p.source])).toEqual([
      [PLACEHOLDER, '`Duplicate`'],
      [PLACEHOLDER, '`Template`'],
      [PLACEHOLDER, 'https://example.com/x'],
    ]);
  });

  it('spans quote the source, and no rewrite is built from a placeholder', () => {
    const sentence = new EnglishSentence(block.text, 0, block.text.length, [], block.placeholders);
    const [first, last] = [sentence.tokens[0], sentence.tokens.at(-1)!];
    expect(sentence.span(first, last)).toBe('You will `Duplicate` the `Template` at https://example.com/x now.');
    expect(sentence.tokens.filter((t) => t.text === PLACEHOLDER).map((t) => t.norm)).toEqual(['<code>', '<code>', '<code>']);
  });
});

describe('quotations on long shapes', () => {
  it('pairs a long run of straight quotes and finds none in a run of unmatched openers', () => {
    expect(quotedSpans('"'.repeat(200_000))).toHaveLength(100_000);
    expect(quotedSpans('“'.repeat(200_000))).toEqual([]);
    expect(quotedSpans(" 'a".repeat(100_000))).toEqual([]);
  });

  it('finds an offset inside one of many spans', () => {
    const spans = quotedSpans('"a" b '.repeat(50_000));
    expect(spans).toHaveLength(50_000);
    expect(isInside(spans, 6 * 40_000 + 1)).toBe(true);
    expect(isInside(spans, 6 * 40_000 + 4)).toBe(false);
    expect(isInside([], 3)).toBe(false);
  });

  it('marks quoted tokens in a sentence of many quotes', () => {
    const text = 'say "yes" now '.repeat(20_000);
    const spans = quotedSpans(text);
    const sentence = new EnglishSentence(text, 0, text.length, spans);
    expect(sentence.own.filter((t) => t.norm === 'yes')).toEqual([]);
    expect(sentence.own.filter((t) => t.norm === 'say')).toHaveLength(20_000);
  });
});

describe('every rule on long one-line shapes', () => {
  const FRONTMATTER = '---\nid: shape\ntitle: Shape\ntype: procedure\nowner: Customer Service Manager\nstatus: draft\nversion: 1.0.0\nlast_reviewed: 2026-01-10\n---\n\n## Purpose\n\n';
  for (const [name, body] of [
    ['a.a.a…', 'a.'.repeat(50_000)],
    ['([([…', '(['.repeat(20_000)],
    ['dots', '.'.repeat(50_000)],
    ['e.g. e.g. …', 'e.g. '.repeat(4_000)],
  ] as const) {
    it(`${name}: no rule crashes, no parse error`, async () => {
      const { lint } = await import('../src/lint/engine.js');
      const report = await lint({ cwd: '/', stdin: { text: `${FRONTMATTER}${body}\n`, filename: 'shape.md' }, asOf: '2026-06-01' });
      expect(report.crashes.map((crash) => `${crash.ruleId}: ${crash.error.split('\n')[0]}`)).toEqual([]);
      expect(report.results[0].messages.filter((m) => m.ruleId === 'parse-error')).toEqual([]);
    });
  }
});

describe('long blocks are parsed in chunks', () => {
  it('finds the same sentences in a long block as in its sentences one by one', () => {
    const pieces = [
      'Greet Mr. Smith by name, e.g. the caller in the queue.',
      'Say "Thank you!" and hang up.',
      'Bring pens, paper, markers, etc.',
      'Then call the desk at extension 4.',
      'Check the refund, the receipt and the card against the order in the system before you close the ticket.',
    ];
    const sentences = Array.from({ length: 400 }, (_, k) => pieces[k % pieces.length]);
    const text = sentences.join(' ');
    expect(text.length).toBeGreaterThan(20_000);
    const spans = sentencesOf(text, 'en');
    expect(spans.map((s) => s.text)).toEqual(sentences);
    for (const span of spans) expect(text.slice(span.start, span.end)).toBe(span.text);
  });

  it('keeps one long sentence whole across the cuts', () => {
    const text = `${'the agent checks the refund and '.repeat(2_000)}closes the ticket.`;
    expect(sentencesOf(text, 'en')).toEqual([{ text, start: 0, end: text.length }]);
    const abbreviations = `Use ${'e.g. '.repeat(5_000)}the form.`;
    expect(sentencesOf(abbreviations, 'en')).toHaveLength(1);
  });
});
