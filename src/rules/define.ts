import { primarySubtag } from '../language/registry.js';
import type { CorpusRule, FileRule } from '../types.js';

/** Identity helpers that let TypeScript infer a rule's options and message ids from its object. */
export function defineFileRule<Options, MessageId extends string>(
  rule: Omit<FileRule<Options, MessageId>, 'scope'>,
): FileRule<Options, MessageId> {
  return { scope: 'file', ...rule };
}

export function defineCorpusRule<Options, MessageId extends string, Summary>(
  rule: Omit<CorpusRule<Options, MessageId, Summary>, 'scope'>,
): CorpusRule<Options, MessageId, Summary> {
  return { scope: 'corpus', ...rule };
}

/** Fills `{name}` placeholders in a message template. */
export function formatMessage(template: string, data: Record<string, string | number> = {}): string {
  return template.replace(/\{(\w+)\}/g, (whole, name: string) => (name in data ? String(data[name]) : whole));
}

/** Whether a rule runs for a document language (`en-GB` matches `en`). */
export function ruleAppliesToLang(languages: 'all' | readonly string[], lang: string): boolean {
  if (languages === 'all') return true;
  return languages.includes(primarySubtag(lang));
}
