import type { Html, Nodes } from 'mdast';
import { closest } from '../../src/config/suggest.js';
import { directiveRuleIds } from '../../src/lint/directives.js';
import { defineFileRule } from '../../src/rules/define.js';

/** Every HTML node of the tree (directives live in HTML comments, block or inline). */
function htmlNodes(root: Nodes): Html[] {
  const found: Html[] = [];
  const stack: Nodes[] = [root];
  while (stack.length > 0) {
    const node = stack.pop()!;
    if (node.type === 'html') found.push(node);
    else if ('children' in node) for (let index = node.children.length - 1; index >= 0; index--) stack.push(node.children[index] as Nodes);
  }
  return found.sort((a, b) => (a.position?.start.offset ?? 0) - (b.position?.start.offset ?? 0));
}

export default defineFileRule({
  id: 'disable-directive',
  description: 'A `sop-disable` or `sop-enable` comment names rules that exist, so it silences what its author meant.',
  principle: 'predictable-structure',
  defaultSeverity: 'warn',
  languages: 'all',
  defaultOptions: {},
  messages: {
    unknown: '"{id}" is not a rule, so this comment silences nothing for it.{suggestion} Run `sop rules` to list them.',
  },
  check(doc, context) {
    const known = Object.keys(context.config.rules);
    for (const node of htmlNodes(doc.tree)) {
      for (const { id, offset } of directiveRuleIds(node)) {
        if (Object.hasOwn(context.config.rules, id)) continue;
        const suggestion = closest(id, known);
        context.report({ messageId: 'unknown', data: { id, suggestion: suggestion ? ` Did you mean "${suggestion}"?` : '' }, at: { offset, endOffset: offset + id.length } });
      }
    }
  },
});
