import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
// @ts-expect-error plain ESM module shared with `npm run accuracy`, which hands it the compiled dist/
import { measure, renderResults, resultsPath, SETS } from '../scripts/accuracy-measure.mjs';
import { loadConfig } from '../src/config/load.js';
import { languageFile } from '../src/language/registry.js';
import { lint } from '../src/lint/engine.js';
import { loadRules } from '../src/rules/registry.js';

/**
 * Precision and recall of the prose rules, per language, on the labelled sets of test/accuracy/ (see its
 * README). The measurement lives in scripts/accuracy-measure.mjs; `npm run accuracy` writes
 * test/accuracy/RESULTS.md. This test writes nothing: it measures again, fails when RESULTS.md is out of
 * date, and fails when a figure is below its set's floor or cannot be computed.
 */
interface Row {
  ruleId: string;
  set: string;
  tp: number;
  fp: number;
  fn: number;
  precision?: number;
  recall?: number;
  cleanOnly: boolean;
  floor: { precision: number; recall: number };
}

const measured = (await measure({ lint, loadConfig, loadRules, languageFile })) as { rows: Row[]; misses: string[] };

describe('prose rule accuracy', () => {
  it('test/accuracy/RESULTS.md is what `npm run accuracy` writes today', () => {
    expect(readFileSync(resultsPath, 'utf8'), 'run `npm run accuracy` and commit test/accuracy/RESULTS.md').toBe(renderResults(measured));
  });

  it('measures every set', () => {
    expect(new Set(measured.rows.map((row) => row.set))).toEqual(new Set((SETS as Array<{ name: string }>).map((set) => set.name)));
    expect(measured.rows.length).toBeGreaterThan(0);
  });

  for (const row of measured.rows) {
    if (row.cleanOnly) {
      it(`${row.ruleId} on ${row.set}: no false positive on a set without positives`, () => {
        expect(row.tp + row.fn, `${row.set} was declared to have no ${row.ruleId} positives`).toBe(0);
        expect(row.fp, `false positives of ${row.ruleId}`).toBe(0);
      });
      continue;
    }
    it(`${row.ruleId} on ${row.set}: precision ≥ ${row.floor.precision}, recall ≥ ${row.floor.recall}`, () => {
      expect(row.precision, `precision of ${row.ruleId} on ${row.set} (no finding at all)`).toBeTypeOf('number');
      expect(row.recall, `recall of ${row.ruleId} on ${row.set} (no positive line)`).toBeTypeOf('number');
      expect(row.precision, `precision of ${row.ruleId}`).toBeGreaterThanOrEqual(row.floor.precision);
      expect(row.recall, `recall of ${row.ruleId}`).toBeGreaterThanOrEqual(row.floor.recall);
    });
  }
});
