/** Lower case, typographic apostrophes folded to ', and NFC for scripts with combining marks. */
export function normaliseWord(word: string): string {
  const lower = word.toLowerCase().replace(/[’‘]/g, "'");
  return /^[\x00-\x7f]*$/.test(lower) ? lower : lower.normalize('NFC');
}

/** Words as a message quotes them: on one line, whatever line breaks the source had inside them. */
export function displayWords(text: string): string {
  return text.replace(/\s+/gu, ' ').trim();
}
