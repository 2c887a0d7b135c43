import { quotedSpansOfBlock } from '../lexical/quotations.js';
import { blockLocation, sentencesOfDocument, type ProseBlock, type Sentence } from '../text/prose.js';
import type { ResolvedConfig, RuleContext, SopDocument } from '../types.js';
import { languageCheck, languagePackFor, type GrammarFinding, type LanguagePack } from './index.js';

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
        prepared: () => (prepared ??= pack.prepare({ blockText: sentence.block.text, start: sentence.start, end: sentence.end, quotes: quotesOf(sentence.block), placeholders: sentence.block.placeholders })),
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
const MAX_CACHED_BLOCKS = 4_000;

function cachedFindings(cacheKey: string, { sentence, prepared }: PreparedSentence, compute: (prepared: unknown) => GrammarFinding[]): GrammarFinding[] {
  // Messages show what a placeholder stands for, so blocks that differ only there are not the same.
  const { text, placeholders } = sentence.block;
  const blockKey = placeholders.length === 0 ? text : `${text}\u0000${placeholders.map((p) => p.source).join('\u0000')}`;
  let perBlock = runCache.get(blockKey);
  if (!perBlock) {
    if (runCache.size >= MAX_CACHED_BLOCKS) runCache.clear();
    perBlock = new Map();
    runCache.set(blockKey, perBlock);
  }
  const key = `${cacheKey}|${sentence.block.inQuote ? 'q' : ''}${sentence.start}:${sentence.end}`;
  let findings = perBlock.get(key);
  if (!findings) {
    findings = compute(prepared());
    perBlock.set(key, findings);
  }
  return findings;
}

export interface SentenceCheck<Options> {
  /** Every option that changes the findings: the run cache is keyed by it (with the rule id and language). */
  cacheKey: string;
  /** Which sentences to check (default: all prose sentences of the body). */
  include?: (sentence: Sentence) => boolean;
  /** What the language's check is given besides the sentence. */
  options: Options;
}

/**
 * Runs a rule's grammar check over a document's sentences, with the check and the analysis of the
 * document's language, and reports what it finds. A language without a check for the rule is skipped.
 */
export function checkSentences<Options, Id extends string>(doc: SopDocument, context: RuleContext<unknown, Id>, check: SentenceCheck<Options>): void {
  const analyse = languageCheck<Options, Id>(context.ruleId, doc.lang);
  if (!analyse) return;
  const grammar = grammarSentences(doc, context.config);
  if (!grammar) return;
  const cacheKey = `${context.ruleId}|${grammar.pack.lang}|${check.cacheKey}`;
  for (const item of grammar.sentences) {
    if (check.include && !check.include(item.sentence)) continue;
    for (const finding of cachedFindings(cacheKey, item, (prepared) => analyse(prepared, check.options)) as Array<GrammarFinding<Id>>) {
      context.report({ messageId: finding.messageId, data: finding.data, at: blockLocation(item.sentence.block, finding.start, finding.end) });
    }
  }
}
