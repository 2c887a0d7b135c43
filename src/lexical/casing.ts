/**
 * Gives a replacement the capitalisation of the words it replaces: "In order to" → "To",
 * "IN ORDER TO" → "TO", "client" → "customer". A replacement that has capitals of its own (a name,
 * an acronym) keeps them unless the original was all capitals.
 */
export function matchCase(original: string, replacement: string): string {
  const letters = original.replace(/[^\p{L}]/gu, '');
  const hasCase = letters.toUpperCase() !== letters.toLowerCase();
  if (!hasCase || replacement === '') return replacement;
  if (letters.length > 1 && letters === letters.toUpperCase()) return replacement.toUpperCase();
  const first = [...original.trimStart()][0] ?? '';
  const startsUpper = first !== first.toLowerCase() && first === first.toUpperCase();
  if (startsUpper) return capitalise(replacement);
  return replacement;
}

export function capitalise(text: string): string {
  const [first = '', ...rest] = [...text];
  return first.toUpperCase() + rest.join('');
}
