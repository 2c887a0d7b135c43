/**
 * Review dates: when a document is next due for review and whether it is overdue on a given day.
 * Shared by the `review-overdue` rule, `sop review` and the handbook. Dates are calendar days
 * (`YYYY-MM-DD`) compared in UTC, so the answer never depends on the machine's time zone.
 */

export type IntervalUnit = 'day' | 'week' | 'month' | 'year';

export interface ReviewInterval {
  amount: number;
  unit: IntervalUnit;
}

/** The interval used when neither the document nor the config names one: review at least once a year. */
export const DEFAULT_REVIEW_INTERVAL = '12 months';

const UNIT_NAMES: Record<string, IntervalUnit> = {
  d: 'day', day: 'day', days: 'day',
  w: 'week', week: 'week', weeks: 'week',
  m: 'month', mo: 'month', month: 'month', months: 'month',
  y: 'year', year: 'year', years: 'year',
};

/** Parses `12 months`, `1 year`, `90 days`, `2 weeks` (and the short `30d`, `6m`, `1y`, `2w`). */
export function parseInterval(text: unknown): ReviewInterval | undefined {
  if (typeof text !== 'string') return undefined;
  const match = /^\s*(\d+)\s*([a-z]+)\s*$/i.exec(text);
  if (!match) return undefined;
  const unit = UNIT_NAMES[match[2].toLowerCase()];
  const amount = Number(match[1]);
  if (!unit || !Number.isSafeInteger(amount)) return undefined;
  return { amount, unit };
}

export function formatInterval(interval: ReviewInterval): string {
  return `${interval.amount} ${interval.unit}${interval.amount === 1 ? '' : 's'}`;
}

/** The part of the config this module reads (a `ResolvedConfig` fits). */
export interface ReviewConfig {
  review?: unknown;
  [section: string]: unknown;
}

/** The config's `review.interval`, or the 12-month default. */
export function configInterval(config?: ReviewConfig): ReviewInterval {
  const configured = (config?.review as { interval?: unknown } | undefined)?.interval;
  return parseInterval(configured) ?? parseInterval(DEFAULT_REVIEW_INTERVAL)!;
}

/**
 * A frontmatter date as `YYYY-MM-DD`, or undefined when it is missing or not a real calendar day.
 * YAML 1.1 loaders turn unquoted dates into Date objects; those are accepted too.
 */
export function toIsoDate(value: unknown): string | undefined {
  if (value instanceof Date) return Number.isNaN(value.getTime()) ? undefined : value.toISOString().slice(0, 10);
  if (typeof value !== 'string') return undefined;
  const match = /^(\d{4})-(\d{2})-(\d{2})$/.exec(value.trim());
  if (!match) return undefined;
  const [year, month, day] = [Number(match[1]), Number(match[2]), Number(match[3])];
  if (month < 1 || month > 12 || day < 1 || day > daysInMonth(year, month)) return undefined;
  return match[0];
}

function daysInMonth(year: number, month: number): number {
  return new Date(Date.UTC(year, month, 0)).getUTCDate();
}

function epochDay(date: string): number {
  const [year, month, day] = date.split('-').map(Number);
  return Date.UTC(year, month - 1, day) / 86_400_000;
}

function fromEpochDay(days: number): string {
  return new Date(days * 86_400_000).toISOString().slice(0, 10);
}

/** Whole days from `from` to `to` (negative when `to` is earlier). */
export function daysBetween(from: string, to: string): number {
  return epochDay(to) - epochDay(from);
}

export function addDays(date: string, days: number): string {
  return fromEpochDay(epochDay(date) + days);
}

/** Adds an interval; a month step from the 31st lands on the month's last day (31 Jan + 1 month = 28/29 Feb). */
export function addInterval(date: string, interval: ReviewInterval): string {
  if (interval.unit === 'day') return addDays(date, interval.amount);
  if (interval.unit === 'week') return addDays(date, interval.amount * 7);
  const months = interval.unit === 'year' ? interval.amount * 12 : interval.amount;
  const [year, month, day] = date.split('-').map(Number);
  const total = year * 12 + (month - 1) + months;
  const newYear = Math.floor(total / 12);
  const newMonth = (total % 12) + 1;
  const newDay = Math.min(day, daysInMonth(newYear, newMonth));
  return `${String(newYear).padStart(4, '0')}-${String(newMonth).padStart(2, '0')}-${String(newDay).padStart(2, '0')}`;
}

/** Where the next review date comes from: the explicit `review_by`, or `last_reviewed` plus the interval. */
export type NextReviewSource = 'review_by' | 'interval';

export interface NextReview {
  /** The date the document must be reviewed by, `YYYY-MM-DD`. */
  date: string;
  source: NextReviewSource;
  /** `last_reviewed`, when it is a valid date. */
  lastReviewed?: string;
  /** `review_by`, when it is a valid date. */
  reviewBy?: string;
  /** The interval applied to `last_reviewed`. */
  interval: ReviewInterval;
  /** Whether the interval came from the document's `review_interval` (else from the config or the default). */
  intervalFromDocument: boolean;
  /** `last_reviewed + interval`, when `last_reviewed` is valid. */
  intervalDate?: string;
}

/**
 * The document's next review date: the earlier of `review_by` and `last_reviewed + review_interval`
 * (the document's own interval, else config `review.interval`, else 12 months). Undefined when the
 * document has neither a valid `review_by` nor a valid `last_reviewed`.
 */
export function nextReview(data: Record<string, unknown>, config?: ReviewConfig): NextReview | undefined {
  const ownInterval = parseInterval(data.review_interval);
  const interval = ownInterval ?? configInterval(config);
  const lastReviewed = toIsoDate(data.last_reviewed);
  const reviewBy = toIsoDate(data.review_by);
  const intervalDate = lastReviewed ? addInterval(lastReviewed, interval) : undefined;
  const common = { interval, intervalFromDocument: ownInterval !== undefined, ...(lastReviewed ? { lastReviewed } : {}), ...(reviewBy ? { reviewBy } : {}), ...(intervalDate ? { intervalDate } : {}) };
  if (reviewBy && (!intervalDate || reviewBy <= intervalDate)) return { date: reviewBy, source: 'review_by', ...common };
  if (intervalDate) return { date: intervalDate, source: 'interval', ...common };
  return undefined;
}

export type ReviewStateName = 'overdue' | 'due-soon' | 'fine' | 'unknown';

export interface ReviewStatus {
  /** `unknown` when the document has no usable review date. */
  state: ReviewStateName;
  next?: NextReview;
  /** Days from `asOf` to the next review date: negative when overdue, 0 when due today. */
  daysLeft?: number;
}

/**
 * The review state on `asOf`: overdue once `asOf` is after the next review date; due-soon when the
 * date is at most `dueSoonDays` days away (0 turns due-soon off); fine otherwise.
 */
export function reviewState(data: Record<string, unknown>, config: ReviewConfig | undefined, asOf: string, dueSoonDays = 0): ReviewStatus {
  const next = nextReview(data, config);
  if (!next) return { state: 'unknown' };
  const daysLeft = daysBetween(asOf, next.date);
  const state: ReviewStateName = daysLeft < 0 ? 'overdue' : dueSoonDays > 0 && daysLeft <= dueSoonDays ? 'due-soon' : 'fine';
  return { state, next, daysLeft };
}

/** Converts a window such as `30d`, `2 weeks` or `1 month` into days counted from `asOf`. */
export function windowInDays(window: ReviewInterval, asOf: string): number {
  return daysBetween(asOf, addInterval(asOf, window));
}
