/**
 * Lower case, typographic apostrophes folded to ', and, for words outside ASCII, NFC plus the spelling
 * folds of `foldForMatching`, so a list and a document that spell a word differently still match.
 */
export function normaliseWord(word: string): string {
  const lower = word.toLowerCase().replace(/[’‘]/g, "'");
  return /^[\x00-\x7f]*$/.test(lower) ? lower : foldForMatching(lower);
}

/**
 * Spelling variants that writers of Indic scripts use for the same word, folded to one form for
 * matching (never for display): ZWJ and ZWNJ deleted (Telugu కస్టమర్‌ను / కస్టమర్ను; Marathi eyelash
 * र्‍ = र + virama + ZWJ); the Devanagari nukta deleted, since NFC decomposes क़ ख़ ग़ ज़ ड़ ढ़ फ़ य़ and writers
 * often omit it (फ़ोन / फोन); chandrabindu folded to anusvara (दबाएँ / दबाएं); the Marathi eyelash ra ऱ
 * folded to र (कर्मचाऱ्यांना / कर्मचार्‍यांना / कर्मचार्यांना).
 */
export function foldForMatching(text: string): string {
  return text.normalize('NFC').replace(/[\u200c\u200d\u093c]/g, '').replace(/\u0901/g, '\u0902').replace(/\u0931/g, '\u0930');
}

/** Words as a message quotes them: on one line, whatever line breaks the source had inside them. */
export function displayWords(text: string): string {
  return text.replace(/\s+/gu, ' ').trim();
}
