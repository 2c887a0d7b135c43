import { describe, expect, it } from 'vitest';
import { loadConfig } from '../src/config/load.js';
import { parseDocumentText } from '../src/document/parse.js';
import { loadRules } from '../src/rules/registry.js';
import { proseBlocks, sentencesOfDocument, blockLocation } from '../src/text/prose.js';
import { sentencesOf } from '../src/text/sentences.js';
import { countWords, wordsOf } from '../src/text/words.js';

const config = loadConfig({ cwd: '/', rules: await loadRules(), search: false });

function parse(text: string) {
  const outcome = parseDocumentText({ absolutePath: '/x.md', filePath: 'x.md', text, defaultLang: 'en', maxFileSize: 1e7 });
  return outcome.document!;
}

describe('word counting', () => {
  it('keeps hyphenated and apostrophe words whole', () => {
    expect(countWords("Don't send the e-mail before 5-7 pm via the drop-down.", 'en')).toBe(10);
  });
  it('counts Devanagari words with matras, nukta and a danda after a space', () => {
    expect(countWords('ग्राहक का फ़ोन नंबर दर्ज करें ।', 'hi')).toBe(6);
    expect(countWords('ई-मेल भेजें।', 'hi')).toBe(2);
  });
  it('keeps Telugu words with ZWNJ whole', () => {
    expect(countWords('కస్టమర్‌ను పలకరించండి.', 'te')).toBe(2);
  });
  it('counts Tamil words with numerals', () => {
    expect(countWords('வாடிக்கையாளரை 60 வினாடிகளுக்குள் வரவேற்கவும்.', 'ta')).toBe(4);
  });
  it('gives offsets into the text', () => {
    expect(wordsOf('Log the call.', 'en').map((w) => [w.text, w.start, w.end])).toEqual([
      ['Log', 0, 3],
      ['the', 4, 7],
      ['call', 8, 12],
    ]);
  });
});

describe('sentence splitting', () => {
  it('keeps English abbreviations and quoted exclamations inside a sentence', () => {
    const text = 'Greet Mr. Smith by name, e.g. the SKU. Say "Thank you!" and hang up. Log it';
    expect(sentencesOf(text, 'en').map((s) => s.text)).toEqual([
      'Greet Mr. Smith by name, e.g. the SKU.',
      'Say "Thank you!" and hang up.',
      'Log it',
    ]);
  });
  it('ends Hindi sentences at the danda, with or without a space, and not after डॉ.', () => {
    const text = 'ग्राहक का स्वागत करें। डॉ. शर्मा से बात करें ।रसीद दें॥ क्या सब ठीक है?';
    expect(sentencesOf(text, 'hi').map((s) => s.text)).toEqual([
      'ग्राहक का स्वागत करें।',
      'डॉ. शर्मा से बात करें ।',
      'रसीद दें॥',
      'क्या सब ठीक है?',
    ]);
  });
  it('does not split French sentences after M. or p. ex.', () => {
    expect(sentencesOf('Saluez M. Dupont. Proposez un avoir, p. ex. un bon.', 'fr')).toHaveLength(2);
  });
});

describe('prose extraction', () => {
  const doc = parse(
    [
      '---',
      'id: a',
      'type: procedure',
      '---',
      '',
      '## Procedure',
      '',
      '1. Open `Settings > Refunds` and see https://example.com now.',
      '2. Read the [refund policy](../policies/refunds.md#limits) **carefully**.',
      '   - Sub-step text.',
      '',
      '```',
      'code will be ignored',
      '```',
      '',
      '<div>html is ignored</div>',
      '',
      '| Channel | Standard |',
      '|---|---|',
      '| Phone | Answer within 20 seconds. |',
      '',
    ].join('\n'),
  );
  const blocks = proseBlocks(doc, config);

  it('keeps prose, drops code, HTML and link targets', () => {
    const texts = blocks.map((b) => b.text);
    expect(texts).toContain('Open item and see item now.');
    expect(texts).toContain('Read the refund policy carefully.');
    expect(texts).toContain('Answer within 20 seconds.');
    expect(texts.join(' ')).not.toMatch(/code will|html is|policies\/refunds/);
  });

  it('marks the own text of procedure steps, not their sub-steps', () => {
    const step = blocks.find((b) => b.text.startsWith('Read'))!;
    expect(step.step?.number).toBe(2);
    const sub = blocks.find((b) => b.text.startsWith('Sub-step'))!;
    expect(sub.step).toBeUndefined();
    expect(sub.inListItem).toBe(true);
  });

  it('maps block offsets back to the file', () => {
    const block = blocks.find((b) => b.text.startsWith('Read'))!;
    const index = block.text.indexOf('carefully');
    const location = blockLocation(block, index, index + 'carefully'.length);
    expect(doc.text.slice(location.offset, location.endOffset)).toBe('carefully');
  });

  it('splits sentences of every block except headings', () => {
    const sentences = sentencesOfDocument(doc, config).map((s) => s.text);
    expect(sentences).not.toContain('Procedure');
    expect(sentences).toContain('Answer within 20 seconds.');
  });
});
