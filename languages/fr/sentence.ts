import { tokenizeFrench, type FrenchToken } from './tokenize.js';
import { isClauseBreak } from './words.js';

/** One French sentence, tokenised once and shared by every French check. */
export class FrenchSentence {
  readonly tokens: FrenchToken[];
  /** Unquoted tokens: what the SOP itself says (quoted scripts and labels are left out). */
  readonly own: FrenchToken[];

  constructor(
    readonly blockText: string,
    readonly start: number,
    readonly end: number,
    quotes: ReadonlyArray<readonly [number, number]>,
  ) {
    this.tokens = tokenizeFrench(blockText, start, end, quotes);
    this.own = this.tokens.filter((token) => !token.quoted && !/^[«»"“”]$/.test(token.text));
  }

  /** Source text between two own tokens (inclusive), on one line. */
  span(first: FrenchToken, last: FrenchToken): string {
    return this.blockText.slice(first.start, last.end).replace(/\s+/g, ' ');
  }

  private clauseStarts?: number[];

  /** Index of the first own token of the clause holding own token `i` (after the last , ; : before it); computed once per sentence, so the checks stay linear. */
  clauseStart(i: number): number {
    if (!this.clauseStarts) {
      this.clauseStarts = [];
      let start = 0;
      this.own.forEach((token, k) => {
        if (k > 0 && isClauseBreak(this.own[k - 1])) start = k;
        this.clauseStarts!.push(start);
      });
    }
    return this.clauseStarts[i] ?? 0;
  }
}
