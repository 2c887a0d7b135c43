import { describe, expect, it } from 'vitest';
import { diffSteps, normaliseStep, stepSimilarity, stepsDiffer } from '../src/diff/steps.js';

const base = ['Greet the customer.', 'Ask for the order number.', 'Check the order in the system.', 'Offer a refund or a replacement.', 'Confirm by email.'];

describe('normaliseStep', () => {
  it('ignores case, spacing and punctuation but keeps letters of every script', () => {
    expect(normaliseStep('  Greet   the CUSTOMER!  ')).toBe('greet the customer');
    expect(normaliseStep('Ask for the **order** number: “now”.')).toBe('ask for the order number now');
    expect(normaliseStep('ग्राहक का स्वागत करें।')).toBe('ग्राहक का स्वागत करें');
  });
});

describe('stepSimilarity', () => {
  it('is 1 for equal texts, high for a small rewording, low for different steps', () => {
    expect(stepSimilarity('greet the customer', 'greet the customer')).toBe(1);
    expect(stepSimilarity('greet the customer', 'greet the customer warmly')).toBeGreaterThan(0.8);
    expect(stepSimilarity('greet the customer', 'confirm by email')).toBeLessThan(0.3);
    expect(stepSimilarity('', 'a')).toBe(0);
  });
});

describe('diffSteps', () => {
  it('finds no difference between equal lists, whatever the case and punctuation', () => {
    const changes = diffSteps(base, base.map((step) => step.toUpperCase().replace('.', '')));
    expect(changes.map((c) => c.kind)).toEqual(['same', 'same', 'same', 'same', 'same']);
    expect(stepsDiffer(changes)).toBe(false);
  });

  it('reports a missing step where it stood', () => {
    const other = [base[0], base[1], base[3], base[4]];
    expect(diffSteps(base, other)).toEqual([
      { kind: 'same', baseIndex: 0, otherIndex: 0 },
      { kind: 'same', baseIndex: 1, otherIndex: 1 },
      { kind: 'missing', baseIndex: 2 },
      { kind: 'same', baseIndex: 3, otherIndex: 2 },
      { kind: 'same', baseIndex: 4, otherIndex: 3 },
    ]);
  });

  it('reports a missing first step first', () => {
    expect(diffSteps(base, base.slice(1))[0]).toEqual({ kind: 'missing', baseIndex: 0 });
  });

  it('reports an extra step', () => {
    const other = [base[0], 'Offer a voucher.', ...base.slice(1)];
    const changes = diffSteps(base, other);
    expect(changes.filter((c) => c.kind !== 'same')).toEqual([{ kind: 'extra', otherIndex: 1 }]);
    expect(changes.map((c) => c.kind)).toEqual(['same', 'extra', 'same', 'same', 'same', 'same']);
  });

  it('reports a moved step once, not as a missing and an extra step', () => {
    const other = [base[0], base[2], base[1], base[3], base[4]];
    const changes = diffSteps(base, other).filter((c) => c.kind !== 'same');
    expect(changes).toHaveLength(1);
    expect(changes[0].kind).toBe('moved');
  });

  it('reports a step moved from the end to the start', () => {
    const other = [base[4], ...base.slice(0, 4)];
    expect(diffSteps(base, other).filter((c) => c.kind !== 'same')).toEqual([{ kind: 'moved', baseIndex: 4, otherIndex: 0 }]);
  });

  it('without a threshold, a reworded step is missing plus extra', () => {
    const other = [...base];
    other[3] = 'Offer the customer a refund or a replacement.';
    expect(diffSteps(base, other).filter((c) => c.kind !== 'same')).toEqual([
      { kind: 'missing', baseIndex: 3 },
      { kind: 'extra', otherIndex: 3 },
    ]);
  });

  it('with a threshold, a near match in place is reworded', () => {
    const other = [...base];
    other[3] = 'Offer the customer a refund or a replacement.';
    const changes = diffSteps(base, other, { similarity: 0.7 }).filter((c) => c.kind !== 'same');
    expect(changes).toHaveLength(1);
    expect(changes[0]).toMatchObject({ kind: 'reworded', baseIndex: 3, otherIndex: 3 });
    expect((changes[0] as { similarity: number }).similarity).toBeGreaterThanOrEqual(0.7);
    expect((changes[0] as { similarity: number }).similarity).toBeLessThan(1);
  });

  it('a threshold does not pair steps that are not alike', () => {
    const other = [...base];
    other[3] = 'Transfer the call to a supervisor.';
    expect(diffSteps(base, other, { similarity: 0.7 }).filter((c) => c.kind !== 'same').map((c) => c.kind)).toEqual(['missing', 'extra']);
  });

  it('a reworded step that also moved is a move with its similarity', () => {
    const other = [base[0], 'Confirm it by email.', base[1], base[2], base[3]];
    const changes = diffSteps(base, other, { similarity: 0.7 }).filter((c) => c.kind !== 'same');
    expect(changes).toHaveLength(1);
    expect(changes[0]).toMatchObject({ kind: 'moved', baseIndex: 4, otherIndex: 1 });
    expect((changes[0] as { similarity?: number }).similarity).toBeLessThan(1);
  });

  it('pairs repeated steps one to one', () => {
    const changes = diffSteps(['Check', 'Wait', 'Check'], ['Check', 'Check']);
    expect(changes).toEqual([
      { kind: 'same', baseIndex: 0, otherIndex: 0 },
      { kind: 'missing', baseIndex: 1 },
      { kind: 'same', baseIndex: 2, otherIndex: 1 },
    ]);
  });

  it('handles empty lists', () => {
    expect(diffSteps([], [])).toEqual([]);
    expect(diffSteps(['A'], [])).toEqual([{ kind: 'missing', baseIndex: 0 }]);
    expect(diffSteps([], ['A'])).toEqual([{ kind: 'extra', otherIndex: 0 }]);
  });

  it('accounts for every step exactly once', () => {
    const other = ['Confirm by email', 'Say hello', 'Check the order in the system', 'Ask for the order number', 'Log the call'];
    const changes = diffSteps(base, other, { similarity: 0.6 });
    const baseSeen = changes.flatMap((c) => ('baseIndex' in c ? [c.baseIndex] : [])).sort();
    const otherSeen = changes.flatMap((c) => ('otherIndex' in c ? [c.otherIndex] : [])).sort();
    expect(baseSeen).toEqual([0, 1, 2, 3, 4]);
    expect(otherSeen).toEqual([0, 1, 2, 3, 4]);
  });

  it('is deterministic', () => {
    const other = ['Confirm by email', 'Greet the customer', 'Offer a refund', 'Ask for the order number'];
    expect(JSON.stringify(diffSteps(base, other, { similarity: 0.5 }))).toBe(JSON.stringify(diffSteps(base, other, { similarity: 0.5 })));
  });

  it('compares steps written in Devanagari', () => {
    const hi = ['ग्राहक का स्वागत करें।', 'ऑर्डर नंबर पूछें।', 'धनवापसी दें।'];
    const changes = diffSteps(hi, [hi[0], hi[2]]);
    expect(changes.filter((c) => c.kind !== 'same')).toEqual([{ kind: 'missing', baseIndex: 1 }]);
  });
});
