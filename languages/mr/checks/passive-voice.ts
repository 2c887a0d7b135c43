import type { GrammarCheck, GrammarFinding } from '../../../src/language/index.js';
import type { PassiveCheckOptions, PassiveMessageId } from '../../../rules/passive-voice/rule.js';
import { foldForMatching } from '../../../src/lexical/normalise.js';
import { findPassives } from '../grammar.js';
import type { MarathiSentence } from '../pack.js';

/** Marathi passives: participle + जाणे and -ण्यात + येणे, with the -कडून agent when there is one. `statives` lists participles to skip. */
const passiveVoice: GrammarCheck<MarathiSentence, PassiveCheckOptions, PassiveMessageId> = (sentence, options) => {
  const skipped = new Set(options.statives.map((word) => foldForMatching(word.toLowerCase())));
  const findings: Array<GrammarFinding<PassiveMessageId>> = [];
  for (const match of findPassives(sentence)) {
    if (sentence.words.slice(match.first, match.last + 1).some((word) => skipped.has(word.key))) continue;
    const base = { start: sentence.words[match.first].start, end: sentence.words[match.last].end };
    const phrase = sentence.span(match.first, match.last);
    findings.push(
      match.agent
        ? { ...base, messageId: 'passiveAgentNoRewrite', data: { phrase, agent: sentence.span(match.agent.first, match.agent.last) } }
        : { ...base, messageId: 'passiveNoRewrite', data: { phrase } },
    );
  }
  return findings;
};

export default passiveVoice;
