import { loadLanguageChecks, loadLanguagePacks } from './registry.js';
import { primarySubtag } from './registry.js';

/**
 * The grammar rules (present-tense, passive-voice, step-imperative, weak-modal) and the languages
 * that serve them. The rule owns its id, options and messages; each language owns its analysis
 * (`languages/<tag>/pack.ts`: how a sentence is tokenised and prepared) and its check for that rule
 * (`languages/<tag>/checks/<rule-id>.ts`), typed against the rule's message ids and options. A rule
 * runs for every language that has a check for it and skips the others; adding a language is adding
 * its folder, and adding a grammar rule changes nothing here.
 */

/** A sentence as the rules hand it to a pack: its block (for tagging and quotes) and its span. */
export interface SentenceInput {
  /** Text of the prose block (paragraph, step, table cell) the sentence belongs to. */
  blockText: string;
  /** Offsets of the sentence in `blockText`. */
  start: number;
  end: number;
  /** Quoted stretches of the block (scripts staff say, UI labels), which the checks skip. */
  quotes: ReadonlyArray<readonly [number, number]>;
  /** Stretches of `blockText` that are the placeholder word for inline code or a URL, with the source each stands for, in order. */
  placeholders?: ReadonlyArray<{ readonly start: number; readonly end: number; readonly source: string }>;
}

/** A problem found by a check, with offsets in the block text and the data the rule's message needs. */
export interface GrammarFinding<MessageId extends string = string> {
  start: number;
  end: number;
  messageId: MessageId;
  data: Record<string, string>;
}

/** A language's analysis: prepares (tokenises) a sentence once, for every check of that language. */
export interface LanguagePack<Prepared = unknown> {
  /** Primary language subtag ("en"), the name of its folder. */
  readonly lang: string;
  prepare(input: SentenceInput): Prepared;
}

/** One language's check for one rule: the findings in a prepared sentence. */
export type GrammarCheck<Prepared = any, Options = any, MessageId extends string = string> = (
  sentence: Prepared,
  options: Options,
) => Array<GrammarFinding<MessageId>>;

// Loaded before any rule module is evaluated: the rules' `languages` metadata reads them.
const PACKS: readonly LanguagePack<any>[] = await loadLanguagePacks();
const CHECKS: ReadonlyMap<string, ReadonlyMap<string, GrammarCheck>> = await loadLanguageChecks();

/** The pack for a BCP 47 tag, by its primary subtag ("en-GB" → en). */
export function languagePackFor(lang: string): LanguagePack | undefined {
  const primary = primarySubtag(lang);
  return PACKS.find((pack) => pack.lang === primary);
}

/** The check a language has for a rule, if any. */
export function languageCheck<Options, MessageId extends string>(ruleId: string, lang: string): GrammarCheck<unknown, Options, MessageId> | undefined {
  return CHECKS.get(ruleId)?.get(primarySubtag(lang)) as GrammarCheck<unknown, Options, MessageId> | undefined;
}

/** Languages with a check for a rule: the `languages` of that rule. */
export function languagesWithCheck(ruleId: string): string[] {
  return [...(CHECKS.get(ruleId)?.keys() ?? [])].sort();
}
