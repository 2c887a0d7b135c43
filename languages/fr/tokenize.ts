import { languageFile } from '../../src/language/registry.js';

/** A French word or punctuation mark, with offsets in the block text. */
export interface FrenchToken {
  text: string;
  /** Lower case, typographic apostrophe folded to ', NFC. */
  norm: string;
  start: number;
  end: number;
  /** Inside a quotation (a script staff say, a UI label): the checks skip it. */
  quoted: boolean;
  punct: boolean;
}

const WORD = /[\p{L}\p{M}\p{N}]+(?:['’\-‐‑][\p{L}\p{M}\p{N}]+)*|[^\s\p{L}\p{M}\p{N}]/gu;

/** Pronouns joined to an imperative by a hyphen ("acceptez-le", "remettez-lui"), or inverted after a verb ("est-il"). */
const HYPHEN_CLITICS = new Set(['le', 'la', 'les', 'lui', 'leur', 'leurs', 'moi', 'toi', 'nous', 'vous', 'en', 'y', 't', 'il', 'elle', 'ils', 'elles', 'on', 'ci', 'là']);

/** Nouns that end in a pronoun after a hyphen. */
const COMPOUNDS = new Set(['rendez-vous', 'prêt-à-porter', 'face-à-face', 'tête-à-tête']);

let elisions: ReadonlySet<string> | undefined;

function elided(): ReadonlySet<string> {
  elisions ??= new Set(languageFile<{ elisions?: string[] }>('fr', 'language')?.elisions ?? []);
  return elisions;
}

const normalise = (text: string) => text.toLowerCase().replace(/[’‘]/g, "'").replace(/[‐‑]/g, '-').normalize('NFC');

/**
 * Words of a sentence, with elisions split off ("l'identité" → "l'" "identité", "qu'il" → "qu'" "il")
 * and pronouns split off an imperative ("acceptez-le" → "acceptez" "-le"), so the checks see each word
 * with its own verb readings. Compounds stay whole ("peut-être", "rendez-vous", "e-mail").
 */
export function tokenizeFrench(blockText: string, start: number, end: number, quotes: ReadonlyArray<readonly [number, number]>): FrenchToken[] {
  const tokens: FrenchToken[] = [];
  const text = blockText.slice(start, end);
  const isQuoted = (offset: number) => quotes.some(([a, b]) => offset >= a && offset < b);
  const push = (from: number, to: number, punct: boolean) => {
    const raw = blockText.slice(from, to);
    tokens.push({ text: raw, norm: normalise(raw), start: from, end: to, quoted: isQuoted(from), punct });
  };
  for (const match of text.matchAll(WORD)) {
    const from = start + match.index!;
    const raw = match[0];
    if (!/[\p{L}\p{M}\p{N}]/u.test(raw)) {
      push(from, from + raw.length, true);
      continue;
    }
    let offset = 0;
    const lower = normalise(raw);
    const apostrophe = lower.indexOf("'");
    if (apostrophe > 0 && elided().has(lower.slice(0, apostrophe + 1))) {
      push(from, from + apostrophe + 1, false);
      offset = apostrophe + 1;
    }
    // Split trailing hyphenated pronouns: "remettez-lui" → "remettez" "-lui"; "sera-t-il" → "sera" "-t" "-il".
    const rest = lower.slice(offset);
    const parts = rest.split('-');
    let keep = parts.length;
    while (!COMPOUNDS.has(rest) && keep > 1 && HYPHEN_CLITICS.has(parts[keep - 1])) keep--;
    if (keep < parts.length) {
      const head = parts.slice(0, keep).join('-');
      push(from + offset, from + offset + head.length, false);
      let at = offset + head.length;
      for (const part of parts.slice(keep)) {
        push(from + at, from + at + part.length + 1, false);
        tokens[tokens.length - 1].norm = part;
        at += part.length + 1;
      }
    } else {
      push(from + offset, from + raw.length, false);
    }
  }
  return tokens;
}
