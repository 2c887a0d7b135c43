import { describe, expect, it } from 'vitest';
import { ALL_DEFAULT_LABELS } from '../src/handbook/render/labels.js';
import { knownLanguages, languageFile } from '../src/language/registry.js';

/** Every language the project knows has the handbook's words, for `sop build --lang <tag>` editions. */
describe('handbook labels per language', () => {
  const english = languageFile<{ labels: Record<string, string> }>('en', 'handbook-labels')!.labels;

  it('the English file holds the built-in labels', () => {
    for (const [key, value] of Object.entries(ALL_DEFAULT_LABELS)) expect(english[key], key).toBe(value);
    expect(Object.keys(english).sort()).toEqual(Object.keys(ALL_DEFAULT_LABELS).sort());
  });

  for (const tag of knownLanguages) {
    it(`${tag} has every label, and only those, each non-empty`, () => {
      const labels = languageFile<{ labels: Record<string, string> }>(tag, 'handbook-labels')?.labels;
      expect(labels, `languages/${tag}/handbook-labels.json`).toBeDefined();
      expect(Object.keys(labels!).sort()).toEqual(Object.keys(english).sort());
      for (const [key, value] of Object.entries(labels!)) expect(value.trim(), `${tag}.${key}`).not.toBe('');
      if (tag !== 'en') expect(labels!.contents).not.toBe(english.contents);
    });
  }
});
