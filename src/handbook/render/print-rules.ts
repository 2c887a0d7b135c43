import type { EditionPlan, PlacedDoc } from '../types.js';
import { groupPageName, pageName } from './document.js';

/** Characters left as they are in a CSS string; every other one becomes a hex escape. */
const CSS_SAFE = /[^\p{L}\p{M}\p{N} .,:;!?'()·&+\-–—/]/gu;

/**
 * A CSS string literal. Everything outside a small safe set (letters, marks, digits, spaces and
 * common punctuation) is written as a hex escape, so no text can end the string (a quote, a form
 * feed, a line separator), start a comment or close the surrounding <style> element.
 */
export function cssString(text: string): string {
  return `"${text.replace(CSS_SAFE, (char) => `\\${char.codePointAt(0)!.toString(16)} `)}"`;
}

/**
 * Paged-media rules for print and PDF: the handbook's title and edition in every page's margin,
 * page numbers at the foot, and for each document a named page whose header carries the document's
 * number, title and version, so a loose printed page still says what it belongs to.
 */
export function printRules(plan: EditionPlan, docs: readonly PlacedDoc[]): string {
  const labels = plan.settings.labels;
  const edition = `${labels.edition} ${plan.editionId}${plan.compliant ? '' : ` · ${labels.notCompliant}`}`;
  const rules = [
    `@page { @top-left { content: ${cssString(plan.settings.title)}; } @bottom-left { content: ${cssString(edition)}; } ` +
      `@bottom-right { content: ${cssString(`${labels.page} `)} counter(page) ${cssString(` ${labels.of} `)} counter(pages); } }`,
    '@page :first { @top-left { content: none; } @bottom-left { content: none; } @bottom-right { content: none; } }',
  ];
  // In the single file and the PDF a group (a policy and its procedures) shares one named page, so
  // its short documents run on after each other instead of each forcing a new page; the running
  // header names the group's first document. A site page prints one document under its own name.
  const groups = new Map<string, PlacedDoc>();
  for (const doc of docs) {
    const name = docs.length === 1 ? pageName(doc) : groupPageName(doc);
    if (!groups.has(name)) groups.set(name, doc);
  }
  for (const [name, doc] of groups) {
    const version = doc.record.version ? ` · ${labels.version} ${doc.record.version}` : '';
    const mark = doc.draft ? ` · ${labels.draft}` : '';
    rules.push(
      `@page ${name} { @top-right { content: ${cssString(`${doc.number} ${doc.record.title}${version}${mark}`)}; } }`,
      `@media print { [data-page="${name}"] { page: ${name}; } }`,
    );
  }
  return rules.join('\n');
}
