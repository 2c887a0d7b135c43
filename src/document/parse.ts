import remarkFrontmatter from 'remark-frontmatter';
import remarkGfm from 'remark-gfm';
import remarkParse from 'remark-parse';
import { unified, type Processor } from 'unified';
import { gfmStrikethrough } from 'micromark-extension-gfm-strikethrough';
import { gfmTable } from 'micromark-extension-gfm-table';
import { gfmTaskListItem } from 'micromark-extension-gfm-task-list-item';
import { gfmStrikethroughFromMarkdown } from 'mdast-util-gfm-strikethrough';
import { gfmTableFromMarkdown } from 'mdast-util-gfm-table';
import { gfmTaskListItemFromMarkdown } from 'mdast-util-gfm-task-list-item';
import type { Root } from 'mdast';
import type { Point, SopDocument } from '../types.js';
import { emptyFrontmatter, findUnclosedFrontmatter, parseFrontmatter } from './frontmatter.js';
import { createLineIndex } from './lines.js';
import { tooDeepLinePrefix, tooDeepTree, type TooDeep } from './nesting.js';

/** A problem found while reading or parsing; the engine reports it under the `parse-error` rule. */
export interface ParseProblem {
  message: string;
  line: number;
  column: number;
  endLine: number;
  endColumn: number;
  /** The file could not be linted at all. */
  fatal: boolean;
  /** Warnings (an empty or skipped file) do not fail a run by themselves. */
  warning?: boolean;
}

export interface ParseOutcome {
  document?: SopDocument;
  problems: ParseProblem[];
  /** The file started with a byte-order mark; `--fix` writes it back. */
  bom: boolean;
}

export interface ParseInput {
  absolutePath: string;
  filePath: string;
  bytes: Uint8Array;
  defaultLang: string;
  maxFileSize: number;
}

/**
 * GFM tables, task lists and strikethrough, but not autolink literals: those scan every character
 * and more than double the parse time (measured: 2.0 s → 3.9 s on 1,000 generated SOPs). The prose
 * layer masks bare URLs itself, and the handbook renderer parses with full GFM.
 */
function gfmForLinting(this: Processor) {
  const data = this.data() as { micromarkExtensions?: unknown[]; fromMarkdownExtensions?: unknown[] };
  (data.micromarkExtensions ??= []).push(gfmTable(), gfmTaskListItem(), gfmStrikethrough());
  (data.fromMarkdownExtensions ??= []).push(gfmTableFromMarkdown(), gfmTaskListItemFromMarkdown(), gfmStrikethroughFromMarkdown());
}

let lintProcessor: Processor | undefined;
let renderProcessor: Processor | undefined;

/** Parses Markdown (with frontmatter and GFM minus autolink literals) into mdast. One processor serves the run. */
export function parseMarkdown(text: string): Root {
  lintProcessor ??= unified().use(remarkParse).use(gfmForLinting).use(remarkFrontmatter, ['yaml']).freeze() as unknown as Processor;
  return lintProcessor.parse(text) as Root;
}

/** Full GFM (bare URLs become links), for the handbook renderer. */
export function parseMarkdownForRender(text: string): Root {
  renderProcessor ??= unified().use(remarkParse).use(remarkGfm).use(remarkFrontmatter, ['yaml']).freeze() as unknown as Processor;
  return renderProcessor.parse(text) as Root;
}

const decoder = new TextDecoder('utf-8', { fatal: true, ignoreBOM: true });

function at(line: number, column: number, message: string, fatal: boolean, warning = false): ParseProblem {
  return { message, line, column, endLine: line, endColumn: column + 1, fatal, warning };
}

/** Reads bytes into a document, turning every way a file can be bad into a positioned problem. */
export function parseDocumentBytes(input: ParseInput): ParseOutcome {
  const { bytes } = input;
  if (bytes.length > input.maxFileSize) {
    const mb = (bytes.length / 1e6).toFixed(1);
    const limit = (input.maxFileSize / 1e6).toFixed(1);
    return {
      bom: false,
      problems: [at(1, 1, `File is ${mb} MB, over the ${limit} MB limit, so it was not linted. Split it, or raise \`maxFileSize\` in the config.`, true, true)],
    };
  }
  const probe = bytes.subarray(0, 8192);
  if (probe.includes(0)) {
    return { bom: false, problems: [at(1, 1, 'File looks binary (it contains NUL bytes), so it was not linted. Remove it or add it to `.sopignore`.', true)] };
  }
  let text: string;
  try {
    text = decoder.decode(bytes);
  } catch {
    const { line, column } = locateInvalidUtf8(bytes);
    return {
      bom: false,
      problems: [at(line, column, 'File is not valid UTF-8, so it was not linted. Save it as UTF-8.', true)],
    };
  }
  const bom = text.charCodeAt(0) === 0xfeff;
  if (bom) text = text.slice(1);
  return parseDocumentText({ ...input, text, bom });
}

/** `parse` replaces the lint parser (the handbook renders with full GFM: footnotes, bare URLs). */
export function parseDocumentText(input: Omit<ParseInput, 'bytes'> & { text: string; bom?: boolean; parse?: (text: string) => Root }): ParseOutcome {
  const { text } = input;
  const bom = input.bom ?? false;
  if (text.trim() === '') {
    return { bom, problems: [at(1, 1, 'File is empty. Write the document, or delete the file.', true, true)] };
  }
  const pointAt = createLineIndex(text);
  if (findUnclosedFrontmatter(text)) {
    return {
      bom,
      problems: [at(1, 1, 'Frontmatter is not closed: add a `---` line after the last metadata field.', true)],
    };
  }
  const problems: ParseProblem[] = [];
  const tooDeepFirst = tooDeepLinePrefix(text);
  if (tooDeepFirst) return { bom, problems: [deepProblem(tooDeepFirst, pointAt)] };
  let tree: Root;
  try {
    tree = (input.parse ?? parseMarkdown)(text);
  } catch (error) {
    // The parser's own limits (its stack, mostly): the file is reported, the run goes on.
    return { bom, problems: [at(1, 1, `The Markdown could not be parsed (${(error as Error).message}), so the file was not linted. Simplify the structure near the deepest nesting.`, true)] };
  }
  const tooDeep = tooDeepTree(tree);
  if (tooDeep) return { bom, problems: [deepProblem(tooDeep, pointAt)] };
  let frontmatter = emptyFrontmatter;
  const first = tree.children[0];
  if (first?.type === 'yaml' && first.position?.start.offset === 0) {
    const blockStart = first.position.start.offset ?? 0;
    const blockEnd = first.position.end.offset ?? 0;
    const yamlStart = text.indexOf('\n', blockStart) + 1;
    const parsed = parseFrontmatter(first.value, yamlStart, { start: pointAt(blockStart), end: pointAt(blockEnd) }, pointAt);
    frontmatter = parsed.frontmatter;
    for (const problem of parsed.problems) {
      const start = pointAt(problem.offset);
      const end = pointAt(problem.endOffset);
      problems.push({ message: problem.message, line: start.line, column: start.column, endLine: end.line, endColumn: end.column, fatal: false });
    }
  } else if (looksLikeHeaderWithoutOpening(text)) {
    problems.push(
      at(1, 1, 'The file starts with YAML metadata but no opening `---` line (the strongdm/comply style): add `---` as the first line so the metadata is read as frontmatter.', false),
    );
  } else {
    problems.push(at(1, 1, noFrontmatterMessage(input.filePath), false));
  }
  const declaredLang = frontmatter.data.lang;
  // An invalid tag (frontmatter-schema reports it) falls back to the config's language for the rules.
  const lang = typeof declaredLang === 'string' && LANGUAGE_TAG.test(declaredLang.trim()) ? declaredLang.trim() : input.defaultLang;
  const cache = new Map<string, unknown>();
  const document: SopDocument = {
    absolutePath: input.absolutePath,
    filePath: input.filePath,
    text,
    frontmatter,
    tree,
    lang,
    pointAt,
    memo<T>(key: string, compute: () => T): T {
      if (!cache.has(key)) cache.set(key, compute());
      return cache.get(key) as T;
    },
  };
  return { document, problems, bom };
}

/** The pattern of `lang` in the frontmatter and config schemas. */
const LANGUAGE_TAG = /^[A-Za-z]{2,3}(-[A-Za-z0-9]{2,8})*$/;

function deepProblem(tooDeep: TooDeep, pointAt: (offset: number) => Point): ParseProblem {
  const point = pointAt(tooDeep.offset);
  return at(point.line, point.column, tooDeep.message, true);
}

const FRONTMATTER_HINT = 'start the file with a `---` block holding id, title, type, owner, status, version and last_reviewed, then a closing `---`';

/** A README (or another file that is not a document) is the usual case: say how to leave it out. */
function noFrontmatterMessage(filePath: string): string {
  const name = filePath.split('/').pop() ?? filePath;
  if (/^(readme|contributing|changelog|license|code_of_conduct|security)(\.[a-z]+)?\.md$/i.test(name)) {
    return `No frontmatter. If ${name} is not a document, leave it out: add \`${name}\` to \`.sopignore\` (or to the config's \`ignore\` list). If it is one, ${FRONTMATTER_HINT}.`;
  }
  return `No frontmatter: ${FRONTMATTER_HINT}. If the file is not a document, add it to \`.sopignore\` (or the config's \`ignore\` list).`;
}

/** `name: …` lines up to a `---` line, before any heading: a YAML header whose opening fence is missing. */
function looksLikeHeaderWithoutOpening(text: string): boolean {
  const lines = text.split(/\r?\n/, 80);
  if (!/^[A-Za-z_][\w-]*:(\s|$)/.test(lines[0] ?? '')) return false;
  for (const line of lines.slice(1)) {
    if (/^---\s*$/.test(line)) return true;
    if (/^#{1,6}\s/.test(line)) return false;
  }
  return false;
}

/** Finds the first byte that breaks UTF-8 and reports it as a 1-based line and column. */
function locateInvalidUtf8(bytes: Uint8Array): Point {
  let i = 0;
  while (i < bytes.length) {
    const b = bytes[i];
    const need = b < 0x80 ? 0 : b >= 0xc2 && b < 0xe0 ? 1 : b >= 0xe0 && b < 0xf0 ? 2 : b >= 0xf0 && b < 0xf5 ? 3 : -1;
    if (need < 0) break;
    let ok = i + need < bytes.length;
    for (let k = 1; ok && k <= need; k++) ok = (bytes[i + k] & 0xc0) === 0x80;
    if (!ok) break;
    i += need + 1;
  }
  const prefix = new TextDecoder('utf-8').decode(bytes.subarray(0, i));
  const point = createLineIndex(prefix)(prefix.length);
  return point;
}
