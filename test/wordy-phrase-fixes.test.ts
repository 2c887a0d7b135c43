import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { lint } from '../src/lint/engine.js';
import { readLanguageData } from '../src/lexical/language-data.js';
import { ruleSourceDir } from '../src/paths.js';
import type { WordyPhrase } from '../rules/wordy-phrase/rule.js';

type Entry = WordyPhrase & { $why?: string };
const entries = readLanguageData<{ phrases: Entry[] }>('en', 'wordy-phrases')!.phrases;

const FRONTMATTER = ['---', 'id: fixes', 'title: Fixes', 'type: procedure', 'owner: Customer Service Manager', 'status: draft', 'version: 1.0.0', 'last_reviewed: 2026-01-10', '---', ''];

/** With `fix`, the result holds the fixed text (`output`) and the findings left in it. */
async function lintText(text: string, fix = false) {
  // Every finding counts here: the per-rule cap (100 per file) would hide most of the generated phrases.
  const report = await lint({ cwd: '/', stdin: { text, filename: 'fixes.md' }, onlyRules: ['wordy-phrase'], fixDryRun: fix, asOf: '2026-06-01', findingsPerRule: Number.POSITIVE_INFINITY });
  return report.results[0];
}

/** A sentence with the phrase wrapped after its first word, in each container prose can be in. */
function documentOf(phrases: string[], eol: string, bom: boolean): string {
  const wrapped = (phrase: string, prefix: string) => {
    const [first, ...rest] = phrase.split(' ');
    return rest.length === 0 ? `Staff ${first} the refund.` : `Staff ${first}\n${prefix}${rest.join(' ')} the refund.`;
  };
  const lines = [...FRONTMATTER, '## Purpose', ''];
  for (const phrase of phrases) lines.push(wrapped(phrase, ''), '');
  lines.push('## Scope', '');
  for (const phrase of phrases) lines.push(`> ${wrapped(phrase, '> ')}`, '');
  lines.push('## Procedure', '');
  phrases.forEach((phrase, k) => {
    lines.push(`${k + 1}. ${wrapped(phrase, '   ')}`);
    lines.push(`   - Then ${wrapped(phrase, '     ').replace(/^Staff /, 'staff ')}`);
  });
  lines.push('', '| Role | Duty |', '|---|---|');
  for (const phrase of phrases) lines.push(`| Agent | Staff ${phrase} the refund<br>Staff ${phrase} it |`);
  const text = `${lines.join('\n')}\n`.replace(/\n/g, eol);
  return bom ? `\uFEFF${text}` : text;
}

describe('wordy-phrase fixes', () => {
  it('every entry says why its fix is safe, or why it is not fixed', () => {
    const missing = entries.filter((entry) => typeof entry.$why !== 'string' || entry.$why.length < 15).map((entry) => entry.phrase);
    expect(missing).toEqual([]);
  });

  it('every entry that is guarded or not fixed has its phrase in a fixture of the contexts it guards', () => {
    const folder = join(ruleSourceDir, 'wordy-phrase');
    const fixtures = ['valid', 'invalid']
      .flatMap((kind) => readdirSync(join(folder, kind)).filter((name) => name.endsWith('.md')).map((name) => readFileSync(join(folder, kind, name), 'utf8')))
      .join('\n')
      .toLowerCase()
      .replace(/\s+/g, ' ');
    const guarded = entries.filter((entry) => entry.fix === false || entry.onlyNext || entry.unlessNext || entry.onlyPrevious || entry.unlessPrevious);
    expect(guarded.length).toBeGreaterThan(10);
    expect(guarded.filter((entry) => !fixtures.includes(entry.phrase)).map((entry) => entry.phrase)).toEqual([]);
  });

  it('the "about" group and "whether or not" outside a question are reported with the alternatives, never fixed', async () => {
    const text = [...FRONTMATTER, '## Purpose', '', 'All invasive devices in relation to body orifices are class IIa.', 'Staff under its control, whether or not they are paid, are workforce.', ''].join('\n');
    const result = await lintText(text);
    expect(result.messages.map((m) => [m.message, m.fix])).toEqual([
      ['“in relation to” is wordy: write “about”, “on” or “for”, whichever the sentence needs.', undefined],
      ['“whether or not” is wordy: write “whether” where it asks a question, or “regardless of whether”.', undefined],
    ]);
    expect(result.output).toBeUndefined();
  });

  for (const [name, eol, bom] of [
    ['LF', '\n', false],
    ['CRLF with a BOM', '\r\n', true],
  ] as const) {
    it(`lint, fix, lint again (${name}): no fixable finding is left, wrapped or in a list, quote or table cell`, async () => {
      const phrases = [...new Set(entries.filter((entry) => entry.fix !== false && !entry.phrase.includes('@')).map((entry) => entry.phrase))];
      const text = documentOf(phrases, eol, bom);
      const first = await lintText(text);
      const fixable = first.messages.filter((m) => m.fix);
      // Every fixable phrase is found in each of the six places (paragraph, quote, step, sub-step, two in the cell).
      expect(fixable.length).toBeGreaterThanOrEqual(phrases.length * 6 * 0.9);
      const fixed = await lintText(text, true);
      expect(fixed.output).toBeDefined();
      // The run that fixes reports what it left; a fresh lint of the fixed text must agree: nothing fixable.
      expect(fixed.messages.filter((m) => m.fix)).toEqual([]);
      const again = await lintText(fixed.output!);
      expect(again.messages.filter((m) => m.fix).map((m) => `${m.line}:${m.column} ${m.message}`)).toEqual([]);
      const unfixed = (messages: typeof first.messages) => messages.filter((m) => !m.fix).map((m) => m.message).sort();
      expect(unfixed(again.messages)).toEqual(unfixed(first.messages));
      // A phrase wrapped over two lines becomes its one-line replacement; the file keeps its line endings and BOM.
      expect(fixed.output!.startsWith('\uFEFF')).toBe(bom);
      if (eol === '\r\n') expect(fixed.output!.replace(/\r\n/g, '')).not.toContain('\n');
    });
  }
});
