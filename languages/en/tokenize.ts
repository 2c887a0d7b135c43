/**
 * English tokens for the grammar rules: words with their offsets, contractions split the way a
 * Penn-style tokenizer does ("won't" → wo + n't, read as will + not; "you'll" → you + 'll), and
 * each token marked when it sits inside quotation marks, so scripts staff read aloud can be skipped.
 */
export interface Token {
  /** Surface text. */
  text: string;
  /** Lower case, with contractions expanded ('ll → will, n't → not, 're → are, possessive 's → 's). */
  norm: string;
  /** Offsets in the text the sentence was cut from (the block). */
  start: number;
  end: number;
  kind: 'word' | 'number' | 'punct';
  /** Inside "…", “…”, «…» or ‘…’ (a script or a quoted UI label). */
  quoted: boolean;
  /** Starts with a capital letter. */
  capitalized: boolean;
}

// Words (with inner hyphens, apostrophes and dots: "e-mail", "don't", "e.g"), numbers with thousands
// separators ("10,000"), and single punctuation marks.
const TOKEN = /\p{N}{1,3}(?:,\p{N}{3})+(?:\.\p{N}+)?|[\p{L}\p{M}\p{N}]+(?:[-'’.][\p{L}\p{M}\p{N}]+)*['’]?|[^\s\p{L}\p{M}\p{N}]/gu;
const PRONOUN_IS = new Set(['it', 'he', 'she', 'that', 'there', 'here', 'what', 'who', 'where', 'how', 'this', 'everything', 'everyone', 'nothing', 'something']);
const SUFFIXES: Array<[RegExp, string]> = [
  [/n['’]t$/i, 'not'],
  [/['’]ll$/i, 'will'],
  [/['’]re$/i, 'are'],
  [/['’]ve$/i, 'have'],
  [/['’]m$/i, 'am'],
  [/['’]d$/i, "'d"],
  [/['’]s$/i, "'s"],
];
const NEGATED_STEMS: Record<string, string> = { wo: 'will', ca: 'can', sha: 'shall', ai: 'is' };

/** Tokens of `text.slice(start, end)` with offsets in `text`; a token inside one of `quotes` is marked `quoted`. */
export function tokenize(text: string, start = 0, end = text.length, quotes: ReadonlyArray<readonly [number, number]> = []): Token[] {
  const tokens: Token[] = [];
  const slice = text.slice(start, end);
  for (const match of slice.matchAll(TOKEN)) {
    const raw = match[0];
    const at = start + match.index!;
    if (/^[\p{L}\p{M}\p{N}]/u.test(raw)) pushWord(tokens, raw, at);
    else tokens.push(makeToken(raw, raw, at, 'punct'));
  }
  // "9 am", "6 pm": times, not the verb "am".
  for (let k = 1; k < tokens.length; k++) {
    if ((tokens[k].norm === 'am' || tokens[k].norm === 'pm') && tokens[k - 1].kind === 'number') tokens[k].norm = `${tokens[k].norm[0]}.m.`;
  }
  if (quotes.length > 0) {
    for (const token of tokens) token.quoted = quotes.some(([from, to]) => token.start >= from && token.end <= to);
  }
  return tokens;
}

function pushWord(tokens: Token[], raw: string, at: number): void {
  // A trailing apostrophe is a plural possessive ("customers'") or a closing quote: drop it from the word.
  let word = raw;
  if (/['’]$/.test(word)) word = word.slice(0, -1);
  for (const [pattern, norm] of SUFFIXES) {
    const match = pattern.exec(word);
    if (!match || match.index === 0) continue;
    const stem = word.slice(0, match.index);
    if (norm === 'not' && !/^[a-z]+$/i.test(stem)) break;
    const stemNorm = norm === 'not' ? (NEGATED_STEMS[stem.toLowerCase()] ?? stem.toLowerCase()) : stem.toLowerCase();
    let suffixNorm = norm;
    if (norm === "'s" && PRONOUN_IS.has(stem.toLowerCase())) suffixNorm = 'is';
    if (norm === "'s" && stem.toLowerCase() === 'let') suffixNorm = 'us';
    tokens.push(makeToken(stem, stemNorm, at, kindOf(stem)));
    tokens.push(makeToken(word.slice(match.index), suffixNorm, at + match.index, 'word'));
    return;
  }
  tokens.push(makeToken(word, word.toLowerCase().replace(/’/g, "'"), at, kindOf(word)));
}

function kindOf(word: string): Token['kind'] {
  return /^\p{N}/u.test(word) ? 'number' : 'word';
}

function makeToken(text: string, norm: string, start: number, kind: Token['kind']): Token {
  return { text, norm, start, end: start + text.length, kind, quoted: false, capitalized: /^\p{Lu}/u.test(text) };
}
