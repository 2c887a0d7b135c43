/**
 * The writing standards of `docs/writing-standards.md`, which every rule cites as its `principle`.
 * The number and title of each entry match its heading there ("### Standard 5: Active voice"), whose
 * anchor (`#standard-5-active-voice`) the citations link to; a test keeps the two in step.
 */
export const STANDARDS = {
  'clear-and-concise': { number: 1, title: 'Clear and concise', summary: 'plain words, short sentences, no filler and no hedging.' },
  'present-tense': { number: 2, title: 'Present tense', summary: 'say what happens now, not what will happen or happened.' },
  'short-simple-procedures': { number: 3, title: 'Short, simple procedures', summary: 'short steps of one action each, in order, and no run of steps written twice.' },
  'imperative-steps': { number: 4, title: 'Imperative steps', summary: 'each step tells the reader what to do.' },
  'active-voice': { number: 5, title: 'Active voice', summary: 'name who acts; a passive sentence hides the owner.' },
  'measurable-standards': { number: 6, title: 'Measurable standards', summary: 'a standard of service carries a number or a fixed point, so anyone can tell whether it was met.' },
  'uniform-across-branches': { number: 7, title: 'Uniform across branches', summary: 'every branch keeps the same steps and words; local differences are declared.' },
  'predictable-structure': { number: 8, title: 'Predictable structure', summary: 'readable text, a metadata block, the same sections in the same order, and steps as a numbered list.' },
  'accountable-metadata': { number: 9, title: 'Accountable metadata', summary: 'each document names its owner, status, version, review date and, once approved, its approver.' },
  'regular-review': { number: 10, title: 'Regular review', summary: 'every document is reviewed on schedule, at least once a year, and its dates agree.' },
  'procedures-serve-policies': { number: 11, title: 'Procedures serve policies', summary: 'every procedure names its policy, and every approved policy has a procedure.' },
  'traceable-changes': { number: 12, title: 'Traceable changes', summary: 'a changed document has a new version and a change-history entry.' },
  'resolvable-references': { number: 13, title: 'Resolvable references', summary: 'ids name one document, links lead to files and headings that exist, nothing points at a retired document.' },
} as const satisfies Record<string, { number: number; title: string; summary: string }>;

export type StandardId = keyof typeof STANDARDS;

/** What a rule enforces: one standard, or several with the main one first. */
export type Principle = StandardId | readonly [StandardId, ...StandardId[]];

/** The document the standards live in, relative to the package root. */
export const STANDARDS_DOCUMENT = 'docs/writing-standards.md';

export function principleStandards(principle: Principle): readonly StandardId[] {
  return typeof principle === 'string' ? [principle] : principle;
}

/** The heading anchor of a standard, as GitHub and the handbook slug it: `standard-5-active-voice`. */
export function standardAnchor(id: StandardId): string {
  const { number, title } = STANDARDS[id];
  return `standard-${number}-${title.toLowerCase().replace(/[^\p{L}\p{N}\s-]/gu, '').replace(/\s+/g, '-')}`;
}

/** "Standard 5 — active voice". */
export function standardLabel(id: StandardId): string {
  const { number, title } = STANDARDS[id];
  return `Standard ${number} — ${title.toLowerCase()}`;
}

/** The citation as plain text: "Standard 5 — active voice: name who acts; …", one sentence per standard. */
export function principleText(principle: Principle): string {
  return principleStandards(principle)
    .map((id) => `${standardLabel(id)}: ${STANDARDS[id].summary}`)
    .join(' ');
}

/** The citation as Markdown links from a document at `fromDir` (relative to the package root). */
export function principleMarkdown(principle: Principle, linkToStandards: string): string {
  return principleStandards(principle)
    .map((id) => `[${standardLabel(id)}](${linkToStandards}#${standardAnchor(id)})`)
    .join(' and ');
}

/** The standards a rule cites, for `sop rules --format json`. */
export function principleRecords(principle: Principle, baseUrl?: string) {
  return principleStandards(principle).map((id) => ({
    id,
    number: STANDARDS[id].number,
    title: STANDARDS[id].title,
    summary: STANDARDS[id].summary,
    link: `${baseUrl ? `${baseUrl.replace(/\/+$/, '')}/` : ''}${STANDARDS_DOCUMENT}#${standardAnchor(id)}`,
  }));
}
