import type { Root as HastRoot } from 'hast';
import type { ReviewStateName } from '../lifecycle/review.js';
import type { StepChange } from '../diff/steps.js';
import type { Labels } from './render/labels.js';
import type { ChangelogEntry, DocumentRecord } from '../repository/record.js';

export const BUILD_FORMATS = ['site', 'single', 'md', 'json', 'pdf'] as const;
export type BuildFormat = (typeof BUILD_FORMATS)[number];

/** A procedure step as the handbook and the manifest show it. */
export interface StepSummary {
  number: number;
  text: string;
}

/** The build's documents are the lint's records (one reading of the repository). */
export type DocRecord = DocumentRecord;
export type { ChangelogEntry, DocumentRecord };

/** Which edition to build: a branch (or the base edition), an audience, drafts or not. */
export interface EditionSelector {
  branch?: string;
  audience?: string;
  includeDrafts: boolean;
  /** `--lang`: each document in this language where a translation exists, the source otherwise. */
  lang?: string;
}

/** One language version of a document: the source or one of its translations (`translation_of`). */
export interface LanguageVersion {
  lang: string;
  /** The anchor of the version's page in this edition. */
  anchor: string;
  title: string;
  /** True for the document the translations are made from. */
  source: boolean;
  /** A translation made from an older version of its source: the version it was made from, and the source's. */
  stale?: { from: string; current: string };
}

/** A document placed in an edition: numbered, anchored, reviewed. */
export interface PlacedDoc {
  record: DocRecord;
  /** Stable anchor: the document id, or for a branch variant the id of the base it replaces. */
  anchor: string;
  /** Section number, `1` for a policy, `1.2` for its second procedure. */
  number: string;
  /** Depth in the table of contents: 1 for policies (and ungrouped documents), 2 for their procedures. */
  level: 1 | 2;
  /** Anchor of the policy this procedure is listed under. */
  parent?: string;
  draft: boolean;
  review: { state: ReviewStateName; nextReview?: string; daysLeft?: number };
  /** Every language version of the document, itself included, when it has translations (for the switcher). */
  languages?: LanguageVersion[];
  /** In a `--lang` edition: the source, shown because it has no translation into that language. */
  untranslated?: boolean;
  /** This version is a stale translation (see LanguageVersion.stale). */
  stale?: { from: string; current: string };
  /** For another language version's page: the anchor of the document it is a version of. */
  versionOf?: string;
}

/** A reference target in an edition, by id, anchor or file path. */
export interface RefTarget {
  anchor: string;
  number: string;
  title: string;
}

/** A group of the table of contents: a policy with its procedures, or the procedures no policy claims. */
export interface TocGroup {
  /** The policy heading the group, if any. */
  policy?: string;
  members: string[];
}

/** The document-level settings of `build:` in the config, with defaults applied. */
export interface BuildSettings {
  organisation: string;
  title: string;
  /** Document ids in the order their groups (and procedures within a group) appear. */
  order: string[];
  /** Back-matter pages in order; a page left out of the list is not built. */
  pages: BackMatterPage[];
  /** Branch names for `--all-branches`, in addition to those the documents name. */
  branches: string[];
  /** Output folder from the config, absolute (resolved from the config's folder). */
  out?: string;
  /** Formats from the config, used when `--format` is not given. */
  formats?: BuildFormat[];
  /** Language of the handbook's own text (cover, headings); documents keep their own `lang`. */
  lang: string;
  /** Words of the handbook's own text, replaced by the config's `build.labels`. */
  labels: Labels;
  /** Days before a review date that the review page marks "due soon". */
  dueSoonDays: number;
  glossary: Array<{ term: string; definition?: string; avoid: string[]; lang?: string }>;
  /** Display names of audiences, channels and branches (config `names`), by id. */
  names: ReadonlyMap<string, string>;
  brand: Brand;
}

/** The organisation's look: `build.logo`, `build.accentColor`, `build.css`. */
export interface Brand {
  /** The logo's bytes, type, and where the site keeps it (`assets/logo.svg`). */
  logo?: { bytes: Uint8Array; type: string; output: string };
  /** A CSS colour, validated by the config schema. */
  accentColor?: string;
  /** The organisation's stylesheet, appended after the handbook's. */
  css?: string;
}

export const BACK_MATTER_PAGES = ['changes', 'review', 'index', 'glossary', 'acknowledgements'] as const;
export type BackMatterPage = (typeof BACK_MATTER_PAGES)[number];

/** Everything the renderers need about one edition, before any document body is transformed. */
export interface EditionPlan {
  settings: BuildSettings;
  selector: EditionSelector;
  /** Folder of the edition inside `--out` (`''` for the base edition). */
  folder: string;
  editionId: string;
  buildDate: string;
  /** False when `--force` built over lint errors. */
  compliant: boolean;
  docs: PlacedDoc[];
  /** The other language versions of the edition's documents: a page each, not in the contents. */
  alternates: PlacedDoc[];
  groups: TocGroup[];
  /** Targets by document id (variant ids and base ids both), anchor and file path. */
  targets: {
    byId: Map<string, RefTarget>;
    byPath: Map<string, RefTarget>;
    /** Ids of documents that exist in the repository but not in this edition (drafts, other branches). */
    excluded: Map<string, { title: string; reason: string }>;
    excludedPaths: Map<string, string>;
    /** Base documents a branch variant replaces in this edition: id → title. */
    replacedBases: Map<string, string>;
  };
  /** Documents of the repository this edition could not place (with `--force`), and why. */
  unplaced: Array<{ filePath: string; reason: string }>;
}

/** A document's body, transformed and sanitised, with its outline. */
export interface TransformedDoc {
  anchor: string;
  body: HastRoot;
  /** Level-2 sections: element id, title and plain text (for the search index). */
  sections: Array<{ id: string; title: string; text: string }>;
  /** The body as Markdown with cross-references resolved, for the `md` format; links to ids are `(#<id>)`. */
  markdown: string;
  /** Headings of the Markdown body in order, with their handbook ids and text. */
  markdownHeadings: Array<{ id: string; text: string }>;
  /** Text before the first section, for the search index. */
  intro: string;
  /** The procedure's steps (none for a policy). */
  steps: StepSummary[];
}

/** What changed since an earlier edition. */
export interface ChangeReport {
  /** What the edition is compared with: `git ref HEAD~3`, `manifest …`. */
  against: string;
  added: Array<{ anchor: string; title: string; version?: string }>;
  removed: Array<{ anchor: string; title: string; version?: string }>;
  changed: Array<{
    anchor: string;
    title: string;
    fromVersion?: string;
    toVersion?: string;
    /** Step changes other than `same`, with the step texts they concern. */
    steps: Array<{ kind: Exclude<StepChange['kind'], 'same'>; number?: number; previousNumber?: number; text: string; previousText?: string }>;
  }>;
}

/** A file of the built handbook, relative to the edition's folder. */
export interface OutputFile {
  path: string;
  content: string | Uint8Array;
}
