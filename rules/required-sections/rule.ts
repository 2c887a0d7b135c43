import type { Heading } from 'mdast';
import { primarySubtag } from '../../src/language/registry.js';
import { defineFileRule } from '../../src/rules/define.js';
import { acceptedKeys, ownValue, resolveSectionNaming, type SectionNaming } from '../../src/document/section-names.js';
import { headingText, normaliseHeading, sectionsOf } from '../../src/document/sections.js';

const nameList = { type: 'array', items: { type: 'string', minLength: 1 } };

/** The name a reader of this language expects for a canonical section (its first local name). */
function displayName(naming: SectionNaming, canonical: string, lang: string): string {
  const inLanguage = ownValue(naming.languages, primarySubtag(lang));
  return (inLanguage && ownValue(inLanguage, canonical)?.[0]) ?? canonical;
}

export default defineFileRule({
  id: 'required-sections',
  description: 'Each document type has its required level-2 sections, in order (policy: Purpose, Scope, Policy; procedure: Purpose, Scope, Procedure).',
  principle: ['predictable-structure', 'uniform-across-branches'],
  defaultSeverity: 'error',
  languages: 'all',
  defaultOptions: {},
  optionsSchema: {
    type: 'object',
    additionalProperties: false,
    properties: {
      types: { type: 'object', additionalProperties: nameList },
      aliases: { type: 'object', additionalProperties: nameList },
      languages: { type: 'object', additionalProperties: { type: 'object', additionalProperties: nameList } },
    },
  },
  messages: {
    missing: 'Missing section "{name}": a {type} has the level-2 sections {order}, in this order.',
    outOfOrder: 'Section "{name}" is out of order: a {type} has {order}, in this order.',
    wrongLevel: '"{title}" is a level-{depth} heading; required sections are level 2: `## {title}`.',
    duplicate: 'Section "{name}" appears twice; merge the two.',
  },
  check(doc, context) {
    const type = doc.frontmatter.data.type;
    if (typeof type !== 'string') return;
    const naming = resolveSectionNaming(context.options as Partial<SectionNaming>);
    const required = ownValue(naming.types, type);
    if (!required || required.length === 0) return;
    const names = required.map((canonical) => displayName(naming, canonical, doc.lang));
    const order = names.join(', ');
    const keysFor = required.map((canonical) => acceptedKeys(naming, canonical, doc.lang));
    const sections = sectionsOf(doc);

    // Where each required section is, by its first matching level-2 heading.
    const found = keysFor.map((keys) => sections.findIndex((section) => keys.has(section.key)));
    required.forEach((_, i) => {
      const matches = sections.filter((section) => keysFor[i].has(section.key));
      for (const extra of matches.slice(1)) {
        context.report({ messageId: 'duplicate', data: { name: names[i] }, at: { node: extra.heading } });
      }
    });

    const deeper = doc.tree.children.filter((node): node is Heading => node.type === 'heading' && node.depth > 2);
    let lastIndex = -1;
    required.forEach((_, i) => {
      const index = found[i];
      if (index === -1) {
        const misplaced = deeper.find((heading) => keysFor[i].has(normaliseHeading(headingText(heading))));
        if (misplaced) {
          context.report({ messageId: 'wrongLevel', data: { title: headingText(misplaced).trim(), depth: misplaced.depth }, at: { node: misplaced } });
          return;
        }
        // Point at the next required section that exists, else at the end of the document.
        const next = found.slice(i + 1).find((value) => value !== -1);
        const at = next !== undefined ? { node: sections[next].heading } : { offset: Math.max(0, doc.text.trimEnd().length - 1) };
        context.report({ messageId: 'missing', data: { name: names[i], type, order }, at });
        return;
      }
      if (index < lastIndex) {
        context.report({ messageId: 'outOfOrder', data: { name: names[i], type, order }, at: { node: sections[index].heading } });
        return;
      }
      lastIndex = index;
    });
  },
});
