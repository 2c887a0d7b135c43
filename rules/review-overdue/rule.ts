import { isRetired } from '../../src/repository/documents.js';
import { summarizeDocument, type DocumentSummary, type Position } from '../../src/repository/summary.js';
import { formatInterval, reviewState, toIsoDate } from '../../src/lifecycle/review.js';
import { defineCorpusRule } from '../../src/rules/define.js';

interface Options {
  /** Warn this many days before the review date; 0 turns the warning off. */
  dueSoonDays: number;
}

/** The key to report at, falling back to the document's anchor when the key is absent. */
function keyOf(summary: DocumentSummary, key: string): Position {
  return summary.keys[key] ?? summary.anchor;
}

export default defineCorpusRule({
  id: 'review-overdue',
  description: 'Documents are reviewed on time: not past `review_by` or `last_reviewed` plus the review interval, and their dates are possible.',
  principle: 'regular-review',
  defaultSeverity: 'error',
  languages: 'all',
  defaultOptions: { dueSoonDays: 0 } as Options,
  optionsSchema: {
    type: 'object',
    additionalProperties: false,
    properties: {
      dueSoonDays: { type: 'integer', minimum: 0, description: 'Warn this many days before the review date (0: off).' },
    },
  },
  messages: {
    overdueInterval: 'Review overdue since {date}: last reviewed on {lastReviewed}, with a review every {interval}{source}. Review the document, then update `last_reviewed`.',
    overdueReviewBy: 'Review overdue: `review_by` is {date}, before {asOf}. Review the document, then update `last_reviewed` and `review_by`.',
    staleReviewBy: '`review_by` ({reviewBy}) is before `last_reviewed` ({lastReviewed}), so the document counts as overdue. After a review, move `review_by` forward.',
    dueSoon: 'Review due {when} ({date}){reason}. Plan the review with the owner.',
    effectiveAfterReviewBy: '`effective` ({effective}) is after `review_by` ({reviewBy}): the document would be due for review before it takes effect. Correct one of the dates.',
    futureReview: '`last_reviewed` ({lastReviewed}) is after {asOf}: a review cannot be in the future. Write the date the review took place.',
  },
  summarize: (doc, context) => summarizeDocument(doc, context.config),
  check(summaries, context) {
    const { asOf } = context;
    for (const { summary } of summaries) {
      if (isRetired(summary)) continue; // Nobody reviews a retired document.
      const data = summary.data;
      const report = (messageId: Parameters<typeof context.report>[0]['messageId'], key: string, values: Record<string, string | number>) =>
        context.report({ filePath: summary.filePath, at: keyOf(summary, key), messageId, data: values });

      const lastReviewed = toIsoDate(data.last_reviewed);
      const reviewBy = toIsoDate(data.review_by);
      const effective = toIsoDate(data.effective);
      if (lastReviewed && lastReviewed > asOf) report('futureReview', 'last_reviewed', { lastReviewed, asOf });
      if (effective && reviewBy && effective > reviewBy) report('effectiveAfterReviewBy', 'effective', { effective, reviewBy });

      const status = reviewState(data, context.config, asOf, context.options.dueSoonDays);
      const next = status.next;
      if (!next || status.state === 'fine' || status.state === 'unknown') continue;
      if (status.state === 'overdue') {
        if (next.source === 'review_by') {
          if (lastReviewed && next.date < lastReviewed) report('staleReviewBy', 'review_by', { reviewBy: next.date, lastReviewed });
          else report('overdueReviewBy', 'review_by', { date: next.date, asOf });
        } else {
          const source = next.intervalFromDocument ? ' (`review_interval`)' : (context.config.review as { interval?: unknown } | undefined)?.interval ? ' (config `review.interval`)' : ' (the default)';
          report('overdueInterval', 'last_reviewed', { date: next.date, lastReviewed: next.lastReviewed!, interval: formatInterval(next.interval), source });
        }
      } else {
        const when = status.daysLeft === 0 ? 'today' : status.daysLeft === 1 ? 'tomorrow' : `in ${status.daysLeft} days`;
        const reason = next.source === 'review_by' ? ' by `review_by`' : `, ${formatInterval(next.interval)} after the last review`;
        report('dueSoon', next.source === 'review_by' ? 'review_by' : 'last_reviewed', { when, date: next.date, reason });
      }
    }
  },
});
