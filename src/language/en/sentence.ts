import { tagText, type TermTags } from './tagger.js';
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

  /** The tagger's reading of a token (tags the whole block on first call). */
  tagsOf(token: Token): TermTags | undefined {
    return tagText(this.blockText).get(token.start);
  }

  /** Whether the sentence is a question. */
  get isQuestion(): boolean {
    const last = this.own.at(-1);
    return last?.text === '?';
  }

  /** Source text between two tokens (inclusive). */
  span(first: Token, last: Token): string {
    return this.blockText.slice(first.start, last.end);
  }
}
