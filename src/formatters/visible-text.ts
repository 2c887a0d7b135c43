/**
 * Characters a terminal or a log viewer acts on instead of showing: C0 and C1 controls (ESC starts
 * the sequences that clear the screen or rewrite lines, CR and LF forge new lines), DEL, the Unicode
 * line and paragraph separators, and the bidirectional overrides that reorder what a line seems to say.
 */
const ACTIVE = /[\u0000-\u0008\u000A-\u001F\u007F-\u009F\u2028\u2029\u202A-\u202E\u2066-\u2069]/g;
/** The same minus CR and LF, for a format that escapes those itself (GitHub's `%0D`, `%0A`). */
const ACTIVE_BESIDES_LINE_BREAKS = /[\u0000-\u0008\u000B\u000C\u000E-\u001F\u007F-\u009F\u2028\u2029\u202A-\u202E\u2066-\u2069]/g;

/** File names and messages (which quote document text) as inert text: each active character becomes a visible `\uXXXX`. */
export function visibleText(value: string, options: { keepLineBreaks?: boolean } = {}): string {
  return value.replace(options.keepLineBreaks ? ACTIVE_BESIDES_LINE_BREAKS : ACTIVE, (c) => `\\u${c.charCodeAt(0).toString(16).padStart(4, '0')}`);
}
