import { describe, expect, it } from 'vitest';
import { lint } from '../src/lint/engine.js';
import { MAX_STACKED_LIST_LINES } from '../src/document/nesting.js';

/**
 * Lines that open a list inside another on the same line ("1. 1. Step") cost the Markdown parser the
 * square of their number; past a limit the file is a parse-error, never parsed. Checked by result, not time.
 */
const FRONTMATTER = '---\nid: steps\ntitle: Steps\ntype: policy\nowner: Quality\nstatus: draft\nversion: 1.0.0\nlast_reviewed: 2026-11-01\n---\n\n';

async function messagesOf(body: string) {
  const report = await lint({ cwd: process.cwd(), stdin: { text: FRONTMATTER + body, filename: 'steps.md' }, onlyRules: ['parse-error'] });
  return report.results[0].messages;
}

describe('lines that stack list items', () => {
  it('past the limit, one parse-error at the first line over it', async () => {
    const messages = await messagesOf('1. 1. 1.\n'.repeat(MAX_STACKED_LIST_LINES + 50));
    expect(messages).toHaveLength(1);
    expect(messages[0].ruleId).toBe('parse-error');
    expect(messages[0].line).toBe(11 + MAX_STACKED_LIST_LINES);
    expect(messages[0].message).toContain('open a list inside another on the same line');
  });

  it('up to the limit, and for flat lists, thematic breaks and quotes of any length, the file is parsed', async () => {
    expect(await messagesOf('- - Step.\n'.repeat(MAX_STACKED_LIST_LINES))).toEqual([]);
    expect(await messagesOf('1. Step.\n'.repeat(5000))).toEqual([]);
    expect(await messagesOf('- - -\n\nText.\n\n'.repeat(800))).toEqual([]);
    expect(await messagesOf('> > quoted\n'.repeat(800))).toEqual([]);
  });
});
