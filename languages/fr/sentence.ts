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

  /** Index of the first own token of the clause holding own token `i` (after the last , ; : before it). */
  clauseStart(i: number): number {
    let k = i;
    while (k > 0 && !isClauseBreak(this.own[k - 1])) k--;
    return k;
  }
}
