import { loadLanguagePacks, primarySubtag } from './registry.js';

/**
 * Language packs for the grammar rules (present-tense, passive-voice, step-imperative,
 * weak-modal). A pack turns a sentence into findings; the rules own the messages, options and
 * reporting. A pack is `languages/<tag>/pack.ts` (its word lists in `languages/<tag>/data/`), found
 * by folder like the rules: a rule runs for every language whose pack implements its check, and skips
 * the others silently.
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
}

/** A problem found by a pack, with offsets in the block text and the data the rule's message needs. */
export interface GrammarFinding<MessageId extends string = string> {
  start: number;
  end: number;
  messageId: MessageId;
  data: Record<string, string>;
}

export type PassiveMessageId = 'passive' | 'passiveWithAgent';
export type TenseMessageId = 'future' | 'futureNoRewrite' | 'past' | 'pastNoRewrite';
export type ModalMessageId = 'obligation' | 'shall' | 'hedge';
export type StepMessageId = 'notImperative' | 'notImperativeNoRewrite';

export interface PassiveOptions {
  /** Extra participles to read as states after is/are/was/were ("is closed", "is included"). */
  statives: readonly string[];
}
export interface ModalOptions {
  /** Person and role nouns beyond the built-in list: the document's `audience` plus configured roles. */
  roles: ReadonlySet<string>;
}
export interface StepOptions {
  /** Extra verbs that may start a step (product names used as verbs, in-house jargon). */
  stepVerbs: readonly string[];
}

export interface LanguagePack<Prepared = unknown> {
  /** Primary language subtag ("en"). */
  readonly lang: string;
  /** Tokenises (and otherwise prepares) a sentence once, for every check below. */
  prepare(input: SentenceInput): Prepared;
  passiveVoice?(sentence: Prepared, options: PassiveOptions): Array<GrammarFinding<PassiveMessageId>>;
  presentTense?(sentence: Prepared): Array<GrammarFinding<TenseMessageId>>;
  weakModal?(sentence: Prepared, options: ModalOptions): Array<GrammarFinding<ModalMessageId>>;
  /** Checks the first sentence of a procedure step: undefined when it starts with an instruction. */
  stepImperative?(sentence: Prepared, options: StepOptions): GrammarFinding<StepMessageId> | undefined;
}

export type GrammarCheck = 'passiveVoice' | 'presentTense' | 'weakModal' | 'stepImperative';

// Loaded before any rule module is evaluated: the rules' `languages` metadata reads it.
const PACKS: readonly LanguagePack<any>[] = await loadLanguagePacks();

/** The pack for a BCP 47 tag, by its primary subtag ("en-GB" → en). */
export function languagePackFor(lang: string): LanguagePack | undefined {
  const primary = primarySubtag(lang);
  return PACKS.find((pack) => pack.lang === primary);
}

/** Languages whose pack implements a check: the `languages` of the rule that runs it. */
export function languagesWith(check: GrammarCheck): string[] {
  return PACKS.filter((pack) => typeof pack[check] === 'function').map((pack) => pack.lang);
}
