import { tagText } from './tagger.js';
import { tokenize, type Token } from './tokenize.js';

/** A stretch of the block that is the placeholder word for inline code or a URL (src/text/prose.ts), with its source. */
interface Placeholder {
  readonly start: number;
  readonly end: number;
  readonly source: string;
}

/** One English sentence, tokenised once and shared by every grammar rule. */
export class EnglishSentence {
  readonly tokens: Token[];
  /** Unquoted tokens: what the SOP itself says (quoted scripts and labels are left out). */
  readonly own: Token[];

  constructor(
    readonly blockText: string,
    readonly start: number,
    readonly end: number,
    quotes: ReadonlyArray<readonly [number, number]>,
    private readonly placeholders: readonly Placeholder[] = [],
  ) {
    this.tokens = tokenize(blockText, start, end);
    markQuoted(this.tokens, quotes);
    markPlaceholders(this.tokens, placeholders);
    this.own = this.tokens.filter((token) => !token.quoted);
  }

  get text(): string {
    return this.blockText.slice(this.start, this.end);
  }

  /**
   * The tagger's reading of the sentence's opening, through own token `last`: a reader of tags for
   * those tokens. Only the opening is tagged, since the checks that need the tagger look at how a
   * sentence starts (a step's first clause); the result is kept for the run.
   */
  tagsThrough(last: number): (token: Token) => Set<string> | undefined {
    const end = this.own[Math.min(last, this.own.length - 1)]?.end ?? this.end;
    const terms = tagText(this.blockText.slice(this.start, end));
    return (token) => terms.get(token.start - this.start)?.tags;
  }

  /** Whether the sentence is a question. */
  get isQuestion(): boolean {
    const last = this.own.at(-1);
    return last?.text === '?';
  }

  /**
   * Source text between two tokens (inclusive), on one line: a soft line break inside it becomes a
   * space, and a placeholder word shows the inline code or URL it stands for, so no message quotes it.
   */
  span(first: Token, last: Token): string {
    let text = '';
    let from = first.start;
    for (let p = firstEndingAfter(this.placeholders, first.start); p < this.placeholders.length && this.placeholders[p].start < last.end; p++) {
      const placeholder = this.placeholders[p];
      if (placeholder.start < from) continue;
      text += this.blockText.slice(from, placeholder.start) + placeholder.source;
      from = placeholder.end;
    }
    return (text + this.blockText.slice(from, Math.max(from, last.end))).replace(/\s+/g, ' ');
  }
}

/**
 * Marks the tokens that sit inside one of `quotes` (in order and disjoint, as the quotation finder
 * gives them). One merge pass from the first quote that can reach the sentence, so a block with many
 * quotes and many sentences costs the sum of their lengths, not the product.
 */
function markQuoted(tokens: Token[], quotes: ReadonlyArray<readonly [number, number]>): void {
  if (tokens.length === 0 || quotes.length === 0) return;
  let q = firstEndingAfter(quotes, tokens[0].start);
  for (const token of tokens) {
    while (q < quotes.length && quotes[q][1] <= token.start) q++;
    if (q === quotes.length) return;
    token.quoted = token.start >= quotes[q][0] && token.end <= quotes[q][1];
  }
}

/** Index of the first quote whose end is after `offset` (binary search on the ordered quotes). */
function firstEndingAfter(spans: ReadonlyArray<readonly [number, number] | Placeholder>, offset: number): number {
  let low = 0;
  let high = spans.length;
  while (low < high) {
    const middle = (low + high) >> 1;
    const span = spans[middle];
    if (('end' in span ? span.end : span[1]) <= offset) low = middle + 1;
    else high = middle;
  }
  return low;
}

/**
 * A placeholder token keeps its text (the sentence keeps its shape: "Click item to save") but gets a
 * norm that is no English word, so no rewrite is ever built by inflecting it ("will `Duplicate`" →
 * "item"): the checks then name the problem without a rewrite.
 */
export const PLACEHOLDER_NORM = '<code>';

function markPlaceholders(tokens: Token[], placeholders: readonly Placeholder[]): void {
  if (tokens.length === 0 || placeholders.length === 0) return;
  let p = firstEndingAfter(placeholders, tokens[0].start);
  for (const token of tokens) {
    while (p < placeholders.length && placeholders[p].end <= token.start) p++;
    if (p === placeholders.length) return;
    if (token.start >= placeholders[p].start && token.end <= placeholders[p].end) token.norm = PLACEHOLDER_NORM;
  }
}
