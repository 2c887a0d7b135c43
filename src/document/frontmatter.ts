import { isMap, isScalar, isSeq, parseDocument, type Node as YamlNode } from 'yaml';
import type { Frontmatter, Point, Span } from '../types.js';

export interface FrontmatterProblem {
  message: string;
  offset: number;
  endOffset: number;
}

export interface ParsedFrontmatter {
  frontmatter: Frontmatter;
  problems: FrontmatterProblem[];
}

const OPENING = /^---[ \t]*\r?\n/;

/** Finds an opening `---` with no closing line: remark would read it as a thematic break and lose the metadata. */
export function findUnclosedFrontmatter(text: string): boolean {
  if (!OPENING.test(text)) return false;
  return !/\r?\n(---|\.\.\.)[ \t]*(\r?\n|$)/.test(text.slice(3));
}

/**
 * Parses the YAML between the `---` lines. `yamlStart` is the offset of the YAML text in the file,
 * so every key can be located in file coordinates for precise findings.
 */
export function parseFrontmatter(
  yamlText: string,
  yamlStart: number,
  blockSpan: Span,
  pointAt: (offset: number) => Point,
): ParsedFrontmatter {
  const problems: FrontmatterProblem[] = [];
  const doc = parseDocument(yamlText, { prettyErrors: false, uniqueKeys: true });
  // Later YAML errors usually cascade from the first; one precise finding beats three confusing ones.
  for (const error of doc.errors.slice(0, 1)) {
    const [start, end] = error.pos;
    problems.push({
      message: `Invalid YAML in frontmatter: ${firstLine(error.message)}. Check the indentation, and quote values that contain \": \" or start with a special character.`,
      offset: yamlStart + start,
      endOffset: yamlStart + Math.max(end, start + 1),
    });
  }
  let data: Record<string, unknown> = {};
  let present = false;
  let value: unknown;
  let readable = doc.errors.length === 0;
  if (readable) {
    try {
      // An alias bomb (9 levels of 9 aliases) expands to millions of nodes: the yaml package stops it here.
      value = doc.toJS({ maxAliasCount: 100 }) as unknown;
    } catch (error) {
      readable = false;
      problems.push({
        message: `Frontmatter cannot be read: ${firstLine((error as Error).message)}. Write the values out instead of repeating aliases (\`*name\`).`,
        offset: yamlStart,
        endOffset: yamlStart + Math.max(1, Math.min(yamlText.indexOf('\n') < 0 ? yamlText.length : yamlText.indexOf('\n'), yamlText.length)),
      });
    }
  }
  if (readable) {
    if (value === null || value === undefined) {
      present = true;
    } else if (typeof value === 'object' && !Array.isArray(value)) {
      data = value as Record<string, unknown>;
      present = true;
    } else {
      problems.push({
        message: 'Frontmatter must be a YAML mapping of keys to values (for example `id: refunds`).',
        offset: yamlStart,
        endOffset: yamlStart + Math.max(1, yamlText.trimEnd().length),
      });
    }
  }

  const locate = (path: ReadonlyArray<string | number>, value = false): Span | undefined => {
    let node: unknown = doc.contents;
    let keyRange: [number, number] | undefined;
    for (const segment of path) {
      if (isMap(node)) {
        const pair = node.items.find((item) => isScalar(item.key) && String(item.key.value) === String(segment));
        if (!pair) return undefined;
        keyRange = rangeOf(pair.key as YamlNode);
        node = pair.value;
      } else if (isSeq(node) && typeof segment === 'number') {
        node = node.items[segment];
        keyRange = rangeOf(node as YamlNode);
      } else {
        return undefined;
      }
    }
    const valueRange = rangeOf(node as YamlNode);
    const range = value && valueRange ? valueRange : keyRange ?? valueRange;
    if (!range) return undefined;
    return { start: pointAt(yamlStart + range[0]), end: pointAt(yamlStart + range[1]) };
  };

  return { frontmatter: { data, present, span: blockSpan, locate }, problems };
}

function rangeOf(node: YamlNode | null | undefined): [number, number] | undefined {
  const range = node && (node as { range?: [number, number, number] }).range;
  return range ? [range[0], range[1]] : undefined;
}

function firstLine(message: string): string {
  return message.split('\n')[0].replace(/ at line \d+, column \d+:?$/, '');
}

export const emptyFrontmatter: Frontmatter = {
  data: {},
  present: false,
  locate: () => undefined,
};
