import { quotedSpansOfBlock } from '../lexical/quotations.js';
import { blockLocation, sentencesOfDocument, type ProseBlock, type Sentence } from '../text/prose.js';
import type { ResolvedConfig, RuleContext, SopDocument } from '../types.js';
import { languagePackFor, type GrammarFinding, type LanguagePack } from './index.js';

/** A sentence of the document with the pack's preparation of it (tokens), made on first use and kept for the other rules. */
export interface PreparedSentence {
  sentence: Sentence;
  prepared(): unknown;
}

/** The document's sentences prepared by its language pack, or undefined when no pack exists (the rule skips). */
export function grammarSentences(doc: SopDocument, config: ResolvedConfig): { pack: LanguagePack; sentences: PreparedSentence[] } | undefined {
  const pack = languagePackFor(doc.lang);
  if (!pack) return undefined;
  const sentences = doc.memo('grammar-sentences', () => {
    // Quotes are found per block (a quoted script may hold several sentences), the same way the lexical rules find them.
    const quotes = new Map<ProseBlock, ReturnType<typeof quotedSpansOfBlock>>();
    const quotesOf = (block: ProseBlock) => {
      let spans = quotes.get(block);
      if (!spans) quotes.set(block, (spans = quotedSpansOfBlock(block, doc.lang)));
      return spans;
    };
    return sentencesOfDocument(doc, config).map((sentence): PreparedSentence => {
      let prepared: unknown;
      return {
        sentence,
        prepared: () => (prepared ??= pack.prepare({ blockText: sentence.block.text, start: sentence.start, end: sentence.end, quotes: quotesOf(sentence.block) })),
      };
    });
  });
  return { pack, sentences };
}

/**
 * Findings for one sentence, computed once per run for the same sentence in the same block:
 * documents repeat boilerplate (scripts, shared steps, branch variants), and analysis depends only on
 * the text, its quotes and the check's options. Keyed by block text, then by check and span.
 */
const runCache = new Map<string, Map<string, GrammarFinding[]>>();
const MAX_CACHED_BLOCKS = 50_000;

export function cachedFindings<Id extends string>(
  check: string,
  optionsKey: string,
  { sentence, prepared }: PreparedSentence,
  compute: (prepared: unknown) => Array<GrammarFinding<Id>>,
): Array<GrammarFinding<Id>> {
  let perBlock = runCache.get(sentence.block.text);
  if (!perBlock) {
    if (runCache.size >= MAX_CACHED_BLOCKS) runCache.clear();
    perBlock = new Map();
    runCache.set(sentence.block.text, perBlock);
  }
  const key = `${check}|${optionsKey}|${sentence.block.inQuote ? 'q' : ''}${sentence.start}:${sentence.end}`;
  let findings = perBlock.get(key);
  if (!findings) {
    findings = compute(prepared());
    perBlock.set(key, findings);
  }
  return findings as Array<GrammarFinding<Id>>;
}

export function reportFinding<Id extends string>(context: RuleContext<unknown, Id>, sentence: Sentence, finding: GrammarFinding<Id>): void {
  context.report({ messageId: finding.messageId, data: finding.data, at: blockLocation(sentence.block, finding.start, finding.end) });
}
