import type { EditionPlan, PlacedDoc } from '../types.js';
import { pageName } from './document.js';

/** A CSS string literal; `<` is escaped so no text can close the surrounding <style> element. */
export function cssString(text: string): string {
  return `"${text.replace(/\\/g, '\\\\').replace(/"/g, '\\"').replace(/[\r\n]+/g, ' ').replace(/</g, '\\3C ')}"`;
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
  for (const doc of docs) {
    const name = pageName(doc);
    const version = doc.record.version ? ` · ${labels.version} ${doc.record.version}` : '';
    const mark = doc.draft ? ` · ${labels.draft}` : '';
    rules.push(
      `@page ${name} { @top-right { content: ${cssString(`${doc.number} ${doc.record.title}${version}${mark}`)}; } }`,
      `@media print { [data-page="${name}"] { page: ${name}; } }`,
    );
  }
  return rules.join('\n');
}
