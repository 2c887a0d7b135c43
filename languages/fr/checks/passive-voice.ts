import type { GrammarCheck, GrammarFinding } from '../../../src/language/index.js';
import type { PassiveCheckOptions, PassiveMessageId } from '../../../rules/passive-voice/rule.js';
import { formOf } from '../lexicon.js';
import { findPassives, type PassiveMatch } from '../passive.js';
import type { FrenchSentence } from '../sentence.js';
import { frenchWords, hasReading } from '../words.js';

const PLURAL_DETERMINERS = new Set(['les', 'des', 'ces', 'mes', 'tes', 'ses', 'nos', 'vos', 'leurs', 'plusieurs', 'quelques', 'certains', 'certaines', 'aux', 'deux', 'trois', 'quatre', 'cinq', 'tous', 'toutes']);

/** French passives: être + participle, with the active rewrite when the agent follows with "par" and être is a finite present. */
const passiveVoice: GrammarCheck<FrenchSentence, PassiveCheckOptions, PassiveMessageId> = (sentence, options) => {
  const tokens = sentence.own;
  const statives = new Set(options.statives.map((word) => word.toLowerCase()));
  return findPassives(sentence, statives).map((match): GrammarFinding<PassiveMessageId> => {
    const phrase = sentence.span(tokens[match.first], tokens[match.participle]);
    const found = { start: tokens[match.first].start, end: tokens[match.participle].end };
    const active = match.agent && activeRewrite(sentence, match);
    return active ? { ...found, messageId: 'passiveWithAgent', data: { phrase, active } } : { ...found, messageId: 'passiveNoActor', data: { phrase } };
  });
};

export default passiveVoice;

/** "Les remboursements sont approuvés par le responsable" → "le responsable approuve les remboursements". */
function activeRewrite(sentence: FrenchSentence, match: PassiveMatch): string | undefined {
  const tokens = sentence.own;
  const words = frenchWords();
  if (!match.agent || !match.presentAuxiliary || match.first === 0 || match.first > 5) return undefined;
  const subject = tokens.slice(0, match.first);
  if (!words.determiners.has(subject[0].norm) || subject.some((t, k) => t.punct || (k > 0 && hasReading(t, ['P', 'I', 'F', 'C']) && !hasReading(t, ['K'])))) return undefined;
  const agentDeterminer = tokens[match.agent.first].norm;
  const verb = formOf(match.reading.lemma, 'P', PLURAL_DETERMINERS.has(agentDeterminer) ? 5 : 2);
  if (!verb) return undefined;
  const agent = sentence.span(tokens[match.agent.first], tokens[match.agent.last]);
  const object = sentence.span(subject[0], subject.at(-1)!);
  const lower = (text: string) => (/^\p{Lu}\p{Ll}/u.test(text) ? text[0].toLowerCase() + text.slice(1) : text);
  return `${lower(agent)} ${verb} ${lower(object)}`;
}
