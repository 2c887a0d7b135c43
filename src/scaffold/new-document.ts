import { primarySubtag } from '../language/registry.js';
import type { SectionNaming } from '../document/section-names.js';

export type DocumentType = 'policy' | 'procedure';

export interface NewDocumentRequest {
  type: DocumentType;
  title: string;
  /** Kebab-case id; default: from the title. */
  id?: string;
  /** The document's language when it is not the repository's (`lang:` and a `.<lang>.md` suffix). */
  lang?: string;
  /** The repository's default language (config `lang`). */
  defaultLang: string;
  branch?: string;
  implements: string[];
  /** Config `defaults.owner`; without one, a placeholder that `placeholder-text` reports. */
  owner?: string;
  /** Today, `YYYY-MM-DD`. */
  date: string;
  naming: SectionNaming;
}

export interface NewDocument {
  id: string;
  /** Path relative to the repository root, `/`-separated. */
  path: string;
  text: string;
}

/** An id from a title: ASCII letters and digits, accents dropped, words joined by hyphens; '' when nothing is left. */
export function idFromTitle(title: string): string {
  return title
    .normalize('NFKD')
    .replace(/\p{M}+/gu, '')
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-+|-+$/g, '')
    .slice(0, 60)
    .replace(/-+$/, '');
}

export const ID_PATTERN = /^[a-z0-9]+(-[a-z0-9]+)*$/;

/** What to write under each section until the author does: the section's job, as a placeholder. */
const GUIDANCE: Record<string, string> = {
  Purpose: 'TODO: say in one or two sentences why this document exists.',
  Scope: 'TODO: say who and what it covers.',
  Policy: 'TODO: state the rules, one per paragraph or list item.',
  Procedure: '1. TODO: write each step as an instruction.',
};

const yamlString = (value: string) => (/^[\p{L}\p{N}][\p{L}\p{M}\p{N} ,.'’()&/-]*$/u.test(value) && !/:\s|\s#/.test(value) ? value : JSON.stringify(value));

/** The heading of a canonical section in a language (the first accepted name), English otherwise. */
function headingFor(naming: SectionNaming, canonical: string, lang: string): string {
  return naming.languages[primarySubtag(lang)]?.[canonical]?.[0] ?? canonical;
}

/**
 * A new document with valid frontmatter (status draft, today's dates, version 0.1.0) and the sections
 * its type requires, headed in its language. Placeholders (`TODO`) mark what the author must write.
 */
export function newDocument(request: NewDocumentRequest): NewDocument {
  const lang = request.lang ?? request.defaultLang;
  const base = request.id ?? idFromTitle(request.title);
  const id = request.branch && !request.id ? `${base}-${idFromTitle(request.branch)}` : base;
  const folder = request.branch ? `branches/${request.branch}` : request.type === 'policy' ? 'policies' : 'procedures';
  const tag = request.lang ? primarySubtag(request.lang) : undefined;
  // A translation-style file name (`refunds.hi.md`) unless the id already ends in the language.
  const suffix = tag && tag !== primarySubtag(request.defaultLang) && !base.endsWith(`-${tag}`) ? `.${tag}` : '';
  const frontmatter = [
    '---',
    `id: ${id}`,
    `title: ${yamlString(request.title)}`,
    `type: ${request.type}`,
    `owner: ${request.owner ? yamlString(request.owner) : 'TODO'}`,
    'status: draft',
    'version: 0.1.0',
    `last_reviewed: ${request.date}`,
  ];
  if (suffix || (request.lang && request.lang !== request.defaultLang)) frontmatter.push(`lang: ${request.lang}`);
  if (request.implements.length > 0) frontmatter.push(`implements: [${request.implements.join(', ')}]`);
  if (request.branch) frontmatter.push(`branches: [${request.branch}]`);
  frontmatter.push('changelog:', '  - version: 0.1.0', `    date: ${request.date}`, '    summary: First draft.', '---');
  const sections = request.naming.types[request.type] ?? [];
  const body = sections.flatMap((canonical) => [`## ${headingFor(request.naming, canonical, lang)}`, '', GUIDANCE[canonical] ?? 'TODO: write this section.', '']);
  return { id, path: `${folder}/${base}${suffix}.md`, text: [...frontmatter, '', ...body].join('\n') };
}
