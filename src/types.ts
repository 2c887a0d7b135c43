import type { Root, Nodes } from 'mdast';

/** Severity as written in config. */
export type Severity = 'off' | 'warn' | 'error';
/** Severity as it appears in results (ESLint's numbers: 1 warning, 2 error). */
export type SeverityLevel = 1 | 2;

/** 1-based line and column, plus the 0-based offset into the file's text. */
export interface Point {
  line: number;
  column: number;
  offset: number;
}

export interface Span {
  start: Point;
  end: Point;
}

/** A text edit: replace `text.slice(range[0], range[1])` with `text`. Offsets index the decoded text (BOM removed). */
export interface Fix {
  range: [number, number];
  text: string;
}

/** A secondary location shown with a finding ("first defined here"). */
export interface RelatedLocation {
  filePath: string;
  line: number;
  column: number;
  message: string;
}

/** One finding, in the shape of ESLint's JSON formatter messages. */
export interface Finding {
  ruleId: string;
  severity: SeverityLevel;
  message: string;
  line: number;
  column: number;
  endLine: number;
  endColumn: number;
  fix?: Fix;
  related?: RelatedLocation[];
  /** Marks a finding that stopped the file from being linted (parse-error), or a rule crash. */
  fatal?: boolean;
}

export interface FileResult {
  /** Path as given to the tool, relative to the working folder, with `/` separators. */
  filePath: string;
  messages: Finding[];
  errorCount: number;
  warningCount: number;
  fixableErrorCount: number;
  fixableWarningCount: number;
  /** Present when `--fix` changed the file: the fixed text (also written to disk unless a dry run). */
  output?: string;
}

/** Where a finding points: an mdast node, an offset span, or a frontmatter key path. */
export type Location =
  | { node: Nodes }
  | { offset: number; endOffset?: number }
  | { key: ReadonlyArray<string | number>; valueSpan?: boolean }
  | { line: number; column?: number; endLine?: number; endColumn?: number };

/** The frontmatter block of a document. */
export interface Frontmatter {
  /** Parsed YAML value; an empty object when the block is missing or invalid. */
  data: Record<string, unknown>;
  /** Whether a `---` block was present and parsed as a YAML mapping. */
  present: boolean;
  /** Span of the whole block, `---` lines included, when present. */
  span?: Span;
  /** Span of a key (or, with `value`, of its value) at a path such as `['changelog', 0, 'version']`. */
  locate(path: ReadonlyArray<string | number>, value?: boolean): Span | undefined;
}

/** A parsed document: read and parsed once, shared by every rule. */
export interface SopDocument {
  /** Absolute path on disk (or the `--stdin-filename`). */
  absolutePath: string;
  /** Path relative to the working folder, `/`-separated. */
  filePath: string;
  /** Decoded text without a BOM. */
  text: string;
  frontmatter: Frontmatter;
  tree: Root;
  /** BCP 47 language of the document: frontmatter `lang`, else config `lang`, else `en`. */
  lang: string;
  /** Converts an offset in `text` to a point. */
  pointAt(offset: number): Point;
  /** Per-document cache shared by rules (prose blocks, sections, steps…), so derived views are computed once. */
  memo<T>(key: string, compute: () => T): T;
}

/** What a rule may say: a message id and the values its template needs. */
export interface ReportDescriptor<MessageId extends string = string> {
  messageId: MessageId;
  data?: Record<string, string | number>;
  at: Location;
  fix?: Fix;
  related?: RelatedLocation[];
}

export interface RuleContext<Options, MessageId extends string = string> {
  /** The id of the rule being run (grammar rules find their language's check by it). */
  ruleId: string;
  options: Readonly<Options>;
  /** The resolved configuration (for rules that read shared sections such as `glossary`). */
  config: ResolvedConfig;
  /** The date rules compare with (`--as-of`, default today), as `YYYY-MM-DD`. */
  asOf: string;
  /** The git ref given with `--since`, for rules that compare with an earlier version. */
  since?: string;
  report(descriptor: ReportDescriptor<MessageId>): void;
}

export interface CorpusReportDescriptor<MessageId extends string = string> extends ReportDescriptor<MessageId> {
  /** The document the finding belongs to (its `filePath`). */
  filePath: string;
  /** Spans in corpus rules are given as line/column (summaries keep no trees). */
  at: Extract<Location, { line: number }>;
}

export interface CorpusContext<Options, MessageId extends string = string> {
  options: Readonly<Options>;
  config: ResolvedConfig;
  asOf: string;
  /** The git ref given with `--since`, for rules that compare with an earlier version. */
  since?: string;
  /** Working folder: paths shown in messages are relative to it. */
  cwd: string;
  /** The files of the repository, for rules that resolve links (the engine reads them; rules do no I/O). */
  files: RepositoryFiles;
  /** With `--since`: the earlier text of changed files (from git, or a fixture's `before/` folder). */
  history?: History;
  report(descriptor: CorpusReportDescriptor<MessageId>): void;
}

/** What a lookup of a path in the repository finds: the file, one whose name differs only in case, or nothing. */
export type FileState = { state: 'exists' } | { state: 'case'; actual: string } | { state: 'missing' };

export interface RepositoryFiles {
  find(absolutePath: string): FileState;
  /** The folder a link starting with `/` resolves from, for a document (its repository's root). */
  rootOf(absoluteFile: string): string;
}

/** The repository as it was at a ref, as far as corpus rules need it. */
export interface History {
  ref: string;
  /** The text each given file had at the ref, for files whose content changed since (renames followed); unchanged and new files are left out. */
  changedTexts(absolutePaths: readonly string[]): Map<string, string>;
}

export interface RuleMeta<Options, MessageId extends string> {
  id: string;
  description: string;
  /** The standard(s) of docs/writing-standards.md that the rule enforces. */
  principle: import('./rules/standards.js').Principle;
  defaultSeverity: Severity;
  fixable?: boolean;
  /** JSON Schema for the options object. */
  optionsSchema?: Record<string, unknown>;
  defaultOptions: Options;
  messages: Record<MessageId, string>;
  /** Languages the rule runs for: `'all'` or a list of primary language subtags (`['en']`). Others are skipped silently. */
  languages: 'all' | readonly string[];
}

export interface FileRule<Options = Record<string, unknown>, MessageId extends string = string>
  extends RuleMeta<Options, MessageId> {
  scope: 'file';
  check(doc: SopDocument, context: RuleContext<Options, MessageId>): void;
}

/**
 * A rule that sees every document. To keep memory bounded it never holds trees: `summarize` runs
 * once per document while the tree is alive and returns a small summary; `check` runs once at the end.
 */
export interface CorpusRule<Options = Record<string, unknown>, MessageId extends string = string, Summary = unknown>
  extends RuleMeta<Options, MessageId> {
  scope: 'corpus';
  summarize(doc: SopDocument, context: RuleContext<Options, MessageId>): Summary;
  check(summaries: ReadonlyArray<{ filePath: string; summary: Summary }>, context: CorpusContext<Options, MessageId>): void;
}

export type Rule = FileRule<any, string> | CorpusRule<any, string, any>;

/** A rule's resolved setting for one file. */
export interface RuleSetting {
  severity: Severity;
  options: Record<string, unknown>;
}

/** A configured entry: options, when given, are merged over the rule's current options. */
export interface RuleEntry {
  severity: Severity;
  options?: Record<string, unknown>;
}

/** Config as loaded from sop.config.yaml, with defaults applied. Sections other issues add stay open. */
export interface ResolvedConfig {
  /** Absolute path of the config file, if one was found. */
  path?: string;
  /** Folder the config's relative globs and paths are resolved from. */
  root: string;
  lang: string;
  ignore: string[];
  rules: Record<string, RuleSetting>;
  overrides: Array<{ files: string[]; excludedFiles?: string[]; rules: Record<string, RuleEntry>; lang?: string }>;
  /** Preferred term → words to avoid. */
  glossary: Record<string, { avoid?: string[]; definition?: string; lang?: string } | string[]>;
  frontmatter: { schema?: string };
  maxFileSize: number;
  [section: string]: unknown;
}
