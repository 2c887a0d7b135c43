import { tagText } from './tagger.js';
import { tokenize, type Token } from './tokenize.js';

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
  ) {
    this.tokens = tokenize(blockText, start, end, quotes);
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

  /** Source text between two tokens (inclusive), on one line: a soft line break inside it becomes a space. */
  span(first: Token, last: Token): string {
    return this.blockText.slice(first.start, last.end).replace(/\s+/g, ' ');
  }
}
