import { describe, expect, it } from 'vitest';
import { addInterval, configInterval, nextReview, parseInterval, reviewState, toIsoDate, windowInDays } from '../src/lifecycle/review.js';

describe('parseInterval', () => {
  it('reads long and short forms', () => {
    expect(parseInterval('12 months')).toEqual({ amount: 12, unit: 'month' });
    expect(parseInterval(' 1 year ')).toEqual({ amount: 1, unit: 'year' });
    expect(parseInterval('90 days')).toEqual({ amount: 90, unit: 'day' });
    expect(parseInterval('30d')).toEqual({ amount: 30, unit: 'day' });
    expect(parseInterval('2w')).toEqual({ amount: 2, unit: 'week' });
  });
  it('rejects anything else', () => {
    expect(parseInterval('monthly')).toBeUndefined();
    expect(parseInterval('12 fortnights')).toBeUndefined();
    expect(parseInterval(12)).toBeUndefined();
  });
});

describe('dates', () => {
  it('accepts real calendar days only', () => {
    expect(toIsoDate('2024-02-29')).toBe('2024-02-29');
    expect(toIsoDate('2025-02-29')).toBeUndefined();
    expect(toIsoDate('2026-13-01')).toBeUndefined();
    expect(toIsoDate('13/01/2026')).toBeUndefined();
    expect(toIsoDate(new Date(Date.UTC(2026, 0, 5)))).toBe('2026-01-05');
  });
  it('adds months with end-of-month clamping', () => {
    expect(addInterval('2025-01-31', { amount: 1, unit: 'month' })).toBe('2025-02-28');
    expect(addInterval('2024-02-29', { amount: 1, unit: 'year' })).toBe('2025-02-28');
    expect(addInterval('2025-11-15', { amount: 3, unit: 'month' })).toBe('2026-02-15');
    expect(addInterval('2025-12-30', { amount: 2, unit: 'day' })).toBe('2026-01-01');
    expect(addInterval('2025-12-30', { amount: 1, unit: 'week' })).toBe('2026-01-06');
  });
  it('turns a window into days from a date', () => {
    expect(windowInDays({ amount: 30, unit: 'day' }, '2026-01-01')).toBe(30);
    expect(windowInDays({ amount: 1, unit: 'month' }, '2026-02-01')).toBe(28);
  });
});

describe('nextReview', () => {
  it('uses last_reviewed plus the default 12 months', () => {
    expect(nextReview({ last_reviewed: '2025-03-10' })).toMatchObject({ date: '2026-03-10', source: 'interval', intervalFromDocument: false });
  });
  it('prefers the document interval, then the config interval', () => {
    expect(nextReview({ last_reviewed: '2025-03-10', review_interval: '6 months' }, { review: { interval: '1 year' } })?.date).toBe('2025-09-10');
    expect(nextReview({ last_reviewed: '2025-03-10' }, { review: { interval: '3 months' } })?.date).toBe('2025-06-10');
  });
  it('takes the earlier of review_by and the interval date', () => {
    expect(nextReview({ last_reviewed: '2025-03-10', review_by: '2025-12-01' })).toMatchObject({ date: '2025-12-01', source: 'review_by' });
    expect(nextReview({ last_reviewed: '2025-03-10', review_by: '2027-01-01' })).toMatchObject({ date: '2026-03-10', source: 'interval' });
    expect(nextReview({ review_by: '2027-01-01' })).toMatchObject({ date: '2027-01-01', source: 'review_by' });
  });
  it('is undefined without usable dates', () => {
    expect(nextReview({})).toBeUndefined();
    expect(nextReview({ last_reviewed: 'last spring' })).toBeUndefined();
  });
  it('falls back to the default when the config interval is invalid', () => {
    expect(configInterval({ review: { interval: 'often' } })).toEqual({ amount: 12, unit: 'month' });
  });
});

describe('reviewState', () => {
  const doc = { last_reviewed: '2025-06-01' };
  it('is fine up to and on the review date, overdue the day after', () => {
    expect(reviewState(doc, undefined, '2026-06-01')).toMatchObject({ state: 'fine', daysLeft: 0 });
    expect(reviewState(doc, undefined, '2026-06-02')).toMatchObject({ state: 'overdue', daysLeft: -1 });
  });
  it('is due-soon within the window only when one is given', () => {
    expect(reviewState(doc, undefined, '2026-05-10', 30)).toMatchObject({ state: 'due-soon', daysLeft: 22 });
    expect(reviewState(doc, undefined, '2026-05-10', 0).state).toBe('fine');
    expect(reviewState(doc, undefined, '2026-04-01', 30).state).toBe('fine');
  });
  it('is unknown without dates', () => {
    expect(reviewState({}, undefined, '2026-01-01')).toEqual({ state: 'unknown' });
  });
});
