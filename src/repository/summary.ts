import type { Link, Definition, Image } from 'mdast';
import { toString } from 'mdast-util-to-string';
import { visit } from 'unist-util-visit';
import { sectionsOf } from '../document/sections.js';
import { acceptedKeys, findSection, procedureSteps, sectionNamingFromConfig } from '../document/section-names.js';
import type { ResolvedConfig, SopDocument, Span } from '../types.js';
import { documentAnchors } from './slug.js';

/** A place in a file, as corpus rules report it. */
export interface Position {
  line: number;
  column: number;
  endLine: number;
  endColumn: number;
}

export function positionOf(span: Span): Position {
  return { line: span.start.line, column: span.start.column, endLine: span.end.line, endColumn: span.end.column };
}

/** The frontmatter fields that name other documents by id. */
export const REFERENCE_FIELDS = ['implements', 'related', 'supersedes', 'variant_of'] as const;
export type ReferenceField = (typeof REFERENCE_FIELDS)[number];

export interface IdReference {
  field: ReferenceField;
  id: string;
  /** Position of the id value. */
  at: Position;
}

export interface LinkSummary {
  /** The link destination as written (after Markdown unescaping). */
  url: string;
  at: Position;
}

export interface SectionSummary {
  title: string;
  /** `normaliseHeading` of the title. */
  key: string;
  /** The canonical (English) section name when the heading is an accepted name for one, in the document's language. */
  canonical?: string;
  /** The start of the section's text (up to 300 characters), to recognise a renamed section by its content. */
  excerpt: string;
  at: Position;
}

export interface StepSummary {
  /** The step's own text (no sub-steps), spaces folded. */
  text: string;
  at: Position;
}

export interface ProcedureSummary {
  /** Position of the Procedure section's heading. */
  heading: Position;
  /** The last line of the section, where a missing step would go. */
  end: Position;
  steps: StepSummary[];
}

/**
 * What corpus rules keep of a document once its tree is gone: frontmatter values and key positions,
 * references, relative links, anchors, level-2 sections and procedure steps. A few kilobytes at most.
 */
export interface DocumentSummary {
  filePath: string;
  absolutePath: string;
  lang: string;
  /** The parsed frontmatter (small by nature; rules read fields such as `status`, `owner`, `sameFields`). */
  data: Record<string, unknown>;
  /** Position of each top-level frontmatter key. */
  keys: Record<string, Position>;
  /** Where a finding about the document as a whole goes: the `id` key, else the frontmatter block, else line 1. */
  anchor: Position;
  references: IdReference[];
  /** Links and images with a destination that is not a URL with a scheme (candidates for local files or anchors). */
  links: LinkSummary[];
  /** Heading slugs and HTML anchors a link may target. */
  anchors: string[];
  sections: SectionSummary[];
  procedure?: ProcedureSummary;
  /** Position of the last character of the document. */
  end: Position;
}

const SECTION_EXCERPT_LENGTH = 300;

const CANONICAL_SECTIONS = ['Purpose', 'Scope', 'Policy', 'Procedure'];

/** Absolute URLs (`https:`, `mailto:`, `tel:`, `data:`…) and protocol-relative `//host` links are not local files. */
export function isExternalUrl(url: string): boolean {
  return /^[a-z][a-z0-9+.-]*:/i.test(url) || url.startsWith('//');
}

export function stringValue(value: unknown): string | undefined {
  return typeof value === 'string' && value.trim() !== '' ? value.trim() : undefined;
}

/** Summarises a document once (memoised); every corpus rule shares the same object. */
export function summarizeDocument(doc: SopDocument, config: ResolvedConfig): DocumentSummary {
  return doc.memo('corpus-summary', () => buildSummary(doc, config));
}

function buildSummary(doc: SopDocument, config: ResolvedConfig): DocumentSummary {
  const { frontmatter } = doc;
  const data = frontmatter.data;
  const keys: Record<string, Position> = {};
  for (const key of Object.keys(data)) {
    const span = frontmatter.locate([key]);
    if (span) keys[key] = positionOf(span);
  }
  const valuePosition = (path: Array<string | number>): Position => {
    const span = frontmatter.locate(path, true) ?? frontmatter.locate([path[0]]);
    return span ? positionOf(span) : fallback;
  };
  const start = doc.pointAt(0);
  const fallback: Position = frontmatter.span ? positionOf(frontmatter.span) : { line: start.line, column: start.column, endLine: start.line, endColumn: start.column };

  const references: IdReference[] = [];
  for (const field of REFERENCE_FIELDS) {
    const value = data[field];
    if (typeof value === 'string') {
      if (value.trim()) references.push({ field, id: value.trim(), at: valuePosition([field]) });
    } else if (Array.isArray(value)) {
      value.forEach((item, index) => {
        if (typeof item === 'string' && item.trim()) references.push({ field, id: item.trim(), at: valuePosition([field, index]) });
      });
    }
  }

  const links: LinkSummary[] = [];
  visit(doc.tree, (node) => {
    if (node.type !== 'link' && node.type !== 'image' && node.type !== 'definition') return;
    const target = node as Link | Image | Definition;
    const url = target.url.trim();
    if (!url || isExternalUrl(url) || !target.position) return;
    links.push({ url, at: positionBetween(doc, target.position.start.offset ?? 0, target.position.end.offset ?? 0) });
  });

  const naming = sectionNamingFromConfig(config);
  const canonicalOf = new Map<string, string>();
  for (const canonical of CANONICAL_SECTIONS) for (const key of acceptedKeys(naming, canonical, doc.lang)) if (!canonicalOf.has(key)) canonicalOf.set(key, canonical);
  const sections: SectionSummary[] = sectionsOf(doc).map((section) => ({
    title: section.title,
    key: section.key,
    ...(canonicalOf.has(section.key) ? { canonical: canonicalOf.get(section.key) } : {}),
    excerpt: Array.from(section.children.map((child) => toString(child)).join(' ').replace(/\s+/g, ' ').trim()).slice(0, SECTION_EXCERPT_LENGTH).join(''),
    at: positionBetween(doc, section.heading.position?.start.offset ?? 0, section.heading.position?.end.offset ?? 0),
  }));

  const procedureSection = findSection(doc, config, 'Procedure');
  const procedure: ProcedureSummary | undefined = procedureSection
    ? {
        heading: positionBetween(doc, procedureSection.heading.position?.start.offset ?? 0, procedureSection.heading.position?.end.offset ?? 0),
        end: lastLineOf(doc, procedureSection.endOffset),
        steps: procedureSteps(doc, config).map((step) => ({ text: step.text, at: positionBetween(doc, step.start, step.end) })),
      }
    : undefined;

  return {
    filePath: doc.filePath,
    absolutePath: doc.absolutePath,
    lang: doc.lang,
    data,
    keys,
    anchor: keys.id ?? fallback,
    references,
    links,
    anchors: documentAnchors(doc.tree),
    sections,
    ...(procedure ? { procedure } : {}),
    end: lastLineOf(doc, doc.text.trimEnd().length),
  };
}

function positionBetween(doc: SopDocument, startOffset: number, endOffset: number): Position {
  const start = doc.pointAt(startOffset);
  const end = doc.pointAt(endOffset);
  return { line: start.line, column: start.column, endLine: end.line, endColumn: end.column };
}

/** The whole line that holds `offset` (a missing step is reported on the section's last line). */
function lastLineOf(doc: SopDocument, offset: number): Position {
  const end = doc.pointAt(Math.max(0, offset));
  const lineStart = doc.text.lastIndexOf('\n', Math.max(0, offset - 1)) + 1;
  const start = doc.pointAt(lineStart);
  return { line: start.line, column: start.column, endLine: end.line, endColumn: end.column };
}
