import type { FileResult } from '../../types.js';

export interface BannerInput {
  /** The lint's results with findings, by the site page that shows them (findingsByPage). */
  byPage: ReadonlyMap<string, readonly FileResult[]>;
  /** Why the last rebuild failed (the site shown is the one before it). */
  buildError?: string;
}

const COVER = '/index.html';

/**
 * Files with findings by the page they show on: a document's own page; the cover for files that
 * have no page (not documents, or left out of the edition).
 */
export function findingsByPage(results: readonly FileResult[], pageOf: ReadonlyMap<string, string>): Map<string, FileResult[]> {
  const byPage = new Map<string, FileResult[]>();
  for (const result of results) {
    if (result.messages.length === 0) continue;
    const page = pageOf.get(result.filePath) ?? COVER;
    const list = byPage.get(page);
    if (list) list.push(result);
    else byPage.set(page, [result]);
  }
  return byPage;
}

/**
 * The lint findings a writer sees on a page of the preview: those of the document the page shows
 * (see findingsByPage); a failed rebuild is on every page.
 */
export function bannerFor(page: string, input: BannerInput): string {
  const parts: string[] = [];
  if (input.buildError) {
    parts.push(`<div class="sop-serve-banner" role="alert"><strong>The preview could not be rebuilt; this is the last good version.</strong><ul><li>${escape(input.buildError)}</li></ul></div>`);
  }
  for (const result of input.byPage.get(page) ?? []) {
    const errors = result.messages.filter((finding) => finding.severity === 2).length;
    const warnings = result.messages.length - errors;
    const counts = [errors ? plural(errors, 'error') : '', warnings ? plural(warnings, 'warning') : ''].filter(Boolean).join(', ');
    const items = result.messages.map(
      (finding) =>
        `<li><code>${finding.line}:${finding.column}</code> ${finding.severity === 2 ? 'error' : 'warning'}: ${escape(finding.message)} <code>${escape(finding.ruleId)}</code></li>`,
    );
    parts.push(
      `<div class="sop-serve-banner${errors ? '' : ' sop-serve-warnings'}" role="status" data-file="${escape(result.filePath)}"><strong>Lint: ${counts} in <code>${escape(result.filePath)}</code></strong><ul>${items.join('')}</ul></div>`,
    );
  }
  return parts.join('');
}

function plural(count: number, noun: string): string {
  return `${count} ${noun}${count === 1 ? '' : 's'}`;
}

function escape(text: string): string {
  return text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');
}
