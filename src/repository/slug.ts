import type { Heading, Root } from 'mdast';
import { visit } from 'unist-util-visit';
import { headingText } from '../document/sections.js';

/**
 * GitHub's heading anchors, as github-slugger makes them: lower-case, drop every character that is not
 * a letter, a mark, a decimal or letter number, `_`, `-` or a space, then turn spaces into hyphens.
 * Marks stay so Devanagari, Tamil and Telugu headings keep their vowel signs; zero-width joiners go.
 */
export function slugify(text: string): string {
  return text
    .toLowerCase()
    .replace(/[^\p{L}\p{M}\p{Nd}\p{Nl}\p{Pc}\- ]/gu, '')
    .replace(/ /g, '-');
}

/** Hands out slugs for one document: a repeated heading gets `-1`, `-2`… as on GitHub. */
export class Slugger {
  private readonly occurrences = new Map<string, number>();

  slug(text: string): string {
    const original = slugify(text);
    let result = original;
    while (this.occurrences.has(result)) {
      const count = this.occurrences.get(original)! + 1;
      this.occurrences.set(original, count);
      result = `${original}-${count}`;
    }
    this.occurrences.set(result, 0);
    return result;
  }
}

export { headingText };

const HTML_ANCHOR = /<a\s[^>]*?\b(?:name|id)\s*=\s*(?:"([^"]*)"|'([^']*)'|([^\s>]+))/gi;

/**
 * Every anchor a link can point at in a document: heading slugs (in document order, de-duplicated as
 * GitHub does) and explicit `<a name="…">` / `<a id="…">` anchors in raw HTML.
 */
export function documentAnchors(tree: Root): string[] {
  const slugger = new Slugger();
  const anchors: string[] = [];
  visit(tree, (node) => {
    if (node.type === 'heading') {
      anchors.push(slugger.slug(headingText(node)));
    } else if (node.type === 'html') {
      for (const match of node.value.matchAll(HTML_ANCHOR)) anchors.push(match[1] ?? match[2] ?? match[3]);
    }
  });
  return anchors;
}
