/**
 * The handbook's own words. A repository that writes its handbook in another language replaces
 * any of them under `build.labels` in the config; documents keep their own text and `lang`.
 */
export const DEFAULT_LABELS = {
  defaultTitle: 'Employee handbook',
  contents: 'Contents',
  fullContents: 'Full contents',
  skipToContent: 'Skip to content',
  search: 'Search',
  searchPlaceholder: 'Search the handbook',
  searchHint: 'Press / to search',
  noResults: 'No results',
  edition: 'Edition',
  buildDate: 'Built',
  branch: 'Branch',
  baseEdition: 'All branches',
  audience: 'Audience',
  everyone: 'Everyone',
  channels: 'Channels',
  owner: 'Owner',
  approver: 'Approver',
  version: 'Version',
  status: 'Status',
  statusApproved: 'Approved',
  statusDraft: 'Draft',
  statusRetired: 'Retired',
  statusMissing: 'Not given',
  details: 'Details',
  menu: 'Contents',
  searchLoading: 'Loading the search…',
  effective: 'Effective',
  lastReviewed: 'Last reviewed',
  nextReview: 'Next review',
  implements: 'Implements',
  related: 'Related',
  supersedes: 'Supersedes',
  appliesTo: 'Applies to branches',
  variantOf: 'Version for this branch of',
  baseDocument: 'the version for all branches; this page replaces it here',
  draft: 'DRAFT',
  draftNote: 'Draft: not approved. Do not follow it until it is approved.',
  notCompliant: 'NOT COMPLIANT',
  notCompliantNote: 'This edition contains documents that do not yet meet our writing standards.',
  notInEdition: 'not in this edition',
  linkRemoved: 'Link removed: the handbook keeps only http, https, mailto and tel links.',
  revisionHistory: 'Revision history',
  date: 'Date',
  summary: 'Summary',
  glossary: 'Glossary',
  avoid: 'Avoid',
  index: 'Index',
  byAudience: 'By audience',
  byChannel: 'By channel',
  noChannel: 'No channel named',
  review: 'Review status',
  overdue: 'Overdue',
  days: 'days',
  dueSoon: 'Due soon',
  fine: 'Up to date',
  unknown: 'No review date',
  state: 'State',
  document: 'Document',
  changes: 'What changed',
  changesSince: 'Changes since the previous edition',
  previousBuilt: 'built',
  added: 'Added',
  removed: 'Removed',
  changed: 'Changed',
  stepAdded: 'Step added',
  stepRemoved: 'Step removed',
  stepMoved: 'Step moved',
  stepReworded: 'Step reworded',
  versionNotRaised: 'version not raised',
  noChanges: 'No document changed.',
  noPrevious: 'There is no previous edition to compare this one with yet.',
  acknowledgements: 'Acknowledgement sheets',
  acknowledgement: 'Acknowledgement',
  ackStatement: 'I have read and understood this document, and I follow it in my work.',
  name: 'Name',
  signature: 'Signature',
  staffNumber: 'Staff number',
  previous: 'Previous',
  next: 'Next',
  toggleTheme: 'Switch between light and dark theme',
  documents: 'Documents',
  page: 'Page',
  of: 'of',
} as const;

/**
 * The words of a document's language versions (translations), in English; every language's
 * languages/<tag>/handbook-labels.json carries them too, for its `--lang` edition.
 * `{from}` and `{current}` are replaced by the versions.
 */
export const TRANSLATION_LABELS = {
  languages: 'Languages',
  notTranslated: 'Not yet translated',
  notTranslatedNote: 'Not yet translated: this document is shown in its original language.',
  translatedFrom: 'Translated from version {from}; the current version is {current}.',
  staleTranslation: 'Stale translation',
} as const;

export type LabelKey = keyof typeof DEFAULT_LABELS | keyof typeof TRANSLATION_LABELS;
export type Labels = Record<LabelKey, string>;

/** Every built-in label: the handbook's words and those of its language versions. */
export const ALL_DEFAULT_LABELS: Labels = { ...DEFAULT_LABELS, ...TRANSLATION_LABELS };

/** A label with `{name}` placeholders filled in. */
export function fillLabel(template: string, values: Record<string, string>): string {
  return template.replace(/\{(\w+)\}/g, (whole, name: string) => (Object.hasOwn(values, name) ? values[name] : whole));
}
