import remarkFrontmatter from 'remark-frontmatter';
import remarkGfm from 'remark-gfm';
import remarkParse from 'remark-parse';
import { unified, type Processor } from 'unified';
import type { Root } from 'mdast';

let renderProcessor: Processor | undefined;

/**
 * Full GFM (bare URLs become links, footnotes), for the handbook renderer. It lives with the handbook
 * so that `sop lint`, which parses with a lighter set of extensions, does not load remark-gfm's.
 */
export function parseMarkdownForRender(text: string): Root {
  renderProcessor ??= unified().use(remarkParse).use(remarkGfm).use(remarkFrontmatter, ['yaml']).freeze() as unknown as Processor;
  return renderProcessor.parse(text) as Root;
}
