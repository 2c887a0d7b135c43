/**
 * The search tokenizer, shared by the build (indexing) and the browser (querying): the site ships
 * these very functions' source, so a query is split exactly as the index was.
 *
 * Words come from Intl.Segmenter, which keeps Devanagari, Tamil and Telugu vowel signs and viramas
 * inside their words; a `\w` regular expression would cut them apart. Both functions must stay
 * self-contained (no imports, no outer variables) because their source text is copied.
 */
export function searchTokenize(text: string): string[] {
  // Made once and kept on the function itself, which must stay self-contained.
  const self = searchTokenize as { segmenter?: Intl.Segmenter };
  const segmenter = (self.segmenter ??= new Intl.Segmenter('und', { granularity: 'word' }));
  const words: string[] = [];
  for (const part of segmenter.segment(text.normalize('NFC'))) {
    if (part.isWordLike) words.push(part.segment);
  }
  return words;
}

/** Lower case, NFC, no zero-width joiners (typed inconsistently in Indic text); empty terms dropped. */
export function searchTerm(term: string): string | null {
  const normalised = term.normalize('NFC').toLowerCase().replace(/[\u200c\u200d]/g, '');
  return normalised.length > 0 ? normalised : null;
}
