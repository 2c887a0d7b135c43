/**
 * The one frontmatter splitter, as remark-frontmatter reads a block: a `---` line at the very start,
 * the YAML, and a closing `---` line of its own. Every reader that needs the metadata or the body of a
 * text without a Markdown tree (the record's first heading, the version fingerprint) uses it.
 */
const BLOCK = /^---[ \t]*(?:\r\n?|\n)(?:([\s\S]*?)(?:\r\n?|\n))?---[ \t]*(?:\r\n?|\n|$)/;

export interface FrontmatterSplit {
  /** The YAML between the fences (empty for an empty block). */
  yaml: string;
  /** The text after the closing fence. */
  body: string;
}

export function splitFrontmatter(text: string): FrontmatterSplit | undefined {
  const block = BLOCK.exec(text);
  return block ? { yaml: block[1] ?? '', body: text.slice(block[0].length) } : undefined;
}
