import type { Element, ElementContent } from 'hast';
import { h } from 'hastscript';
import type { EditionPlan, PlacedDoc } from '../types.js';
import type { Labels } from './labels.js';
import { PAGE_IDS, type Linker, type PageName } from './linker.js';
import { displayName } from './names.js';

/** Titles of the back-matter pages, in the labels' words. */
export function pageTitle(name: PageName, labels: Labels): string {
  const titles: Record<PageName, string> = {
    home: labels.contents,
    changes: labels.changes,
    review: labels.review,
    index: labels.index,
    glossary: labels.glossary,
    acknowledgements: labels.acknowledgements,
  };
  return titles[name];
}

export function editionName(plan: EditionPlan): string {
  return plan.selector.branch ? displayName(plan.settings, plan.selector.branch) : plan.settings.labels.baseEdition;
}

/** The organisation's logo (`build.logo`), as the page at `linker` sees the site's copy of it. */
export function logoImage(plan: EditionPlan, linker: Linker, className: string): Element | '' {
  const logo = plan.settings.brand.logo;
  if (!logo) return '';
  return h(`img.${className}`, { src: linker.file(logo.output), alt: plan.settings.organisation || plan.settings.title });
}

/** The cover: logo, organisation, title, branch, audience, build date and the edition's marks (its id is in the footer). */
export function renderCover(plan: EditionPlan, linker: Linker): Element {
  const labels = plan.settings.labels;
  const facts: Array<[string, ElementContent | string]> = [
    [labels.branch, editionName(plan)],
    ...(plan.selector.audience ? ([[labels.audience, displayName(plan.settings, plan.selector.audience)]] as Array<[string, string]>) : []),
    [labels.buildDate, h('time', { dateTime: plan.buildDate }, plan.buildDate)],
    [labels.documents, String(plan.docs.length)],
  ];
  return h('section.sop-cover', { id: 'sop:cover' }, [
    logoImage(plan, linker, 'sop-cover-logo'),
    plan.settings.organisation ? h('p.sop-cover-org', plan.settings.organisation) : '',
    h('h1.sop-cover-title', plan.settings.title),
    h('dl.sop-cover-facts', facts.flatMap(([label, value]) => [h('dt', label), h('dd', value)])),
    ...editionMarks(plan),
  ]);
}

/** Marks that must be seen before anything else: the edition is not compliant, or contains drafts. */
export function editionMarks(plan: EditionPlan): Element[] {
  const labels = plan.settings.labels;
  const marks: Element[] = [];
  // One line each (the full sentence is the tooltip when a narrow screen cuts it), so the steps stay on the first screen.
  if (!plan.compliant) marks.push(h('p.sop-banner.sop-banner-noncompliant', { role: 'note', title: labels.notCompliantNote }, [h('strong', labels.notCompliant), ' ', labels.notCompliantNote]));
  if (plan.docs.some((doc) => doc.draft)) marks.push(h('p.sop-banner.sop-banner-draft', { role: 'note', title: labels.draftNote }, [h('strong', labels.draft), ' ', labels.draftNote]));
  return marks;
}

/** Above this many top-level entries the sidebar shows only the current one's neighbours. */
const SIDEBAR_GROUPS = 100;
const SIDEBAR_NEIGHBOURS = 12;

export interface TocOptions {
  linker: Linker;
  /** The page being shown (site sidebar), marked `aria-current`. */
  current?: string;
  /** Leave room for page numbers (the PDF fills them in). */
  pageNumbers?: ReadonlyMap<string, number>;
  withPageSlots?: boolean;
  headingLevel: 2 | 3;
  id?: string;
  /**
   * List a policy's procedures only under the policy being shown (the site's sidebar): every page
   * then carries a contents of the policies plus one group, not of every document, which would grow
   * the site with the square of its size.
   */
  expandCurrentOnly?: boolean;
}

/** The table of contents: each policy followed by the procedures that implement it, then the back matter. */
export function renderToc(plan: EditionPlan, options: TocOptions): Element {
  const labels = plan.settings.labels;
  const byAnchor = new Map(plan.docs.map((doc) => [doc.anchor, doc]));
  const entry = (doc: PlacedDoc, children: Element[] = []): Element =>
    h('li', [
      h(
        'a',
        { href: options.linker.doc(doc.anchor), ...(options.current === doc.anchor ? { ariaCurrent: 'page' } : {}) },
        [h('span.sop-number', doc.number), ' ', h('span.sop-toc-title', { lang: doc.record.lang }, doc.record.title), ...(doc.draft ? [' ', h('span.sop-mark.sop-mark-draft', labels.draft)] : []), ...pageSlot(doc.anchor, options)],
      ),
      ...(children.length ? [h('ol', children)] : []),
    ]);
  const expanded = (policy: string, members: readonly string[]) =>
    !options.expandCurrentOnly || options.current === policy || (options.current !== undefined && members.includes(options.current));
  // A long contents is cut to the neighbourhood of the current page, with a link to the full list.
  const at = plan.groups.findIndex((group) => group.policy === options.current || group.members.includes(options.current ?? ''));
  const groups =
    options.expandCurrentOnly && plan.groups.length > SIDEBAR_GROUPS
      ? plan.groups.filter((_, index) => Math.abs(index - Math.max(at, 0)) <= SIDEBAR_NEIGHBOURS)
      : plan.groups;
  const more = groups.length < plan.groups.length ? [h('li.sop-toc-more', h('a', { href: options.linker.page('home') }, `${labels.fullContents} (${plan.docs.length})`))] : [];
  const items = groups.map((group) => {
    if (!group.policy) return entry(byAnchor.get(group.members[0])!);
    const children = expanded(group.policy, group.members) ? group.members.map((member) => entry(byAnchor.get(member)!)) : [];
    return entry(byAnchor.get(group.policy)!, children);
  });
  const back = plan.settings.pages.map((name) =>
    h('li', h('a', { href: options.linker.page(name), ...(options.current === name ? { ariaCurrent: 'page' } : {}) }, [pageTitle(name, labels), ...pageSlot(PAGE_IDS[name], options)])),
  );
  return h('nav.sop-toc', { id: options.id, ariaLabel: labels.contents }, [
    h(`h${options.headingLevel}`, labels.contents),
    h('ol.sop-toc-docs', [...items, ...more]),
    back.length ? h('ul.sop-toc-back', back) : '',
  ]);
}

function pageSlot(id: string, options: TocOptions): Element[] {
  if (!options.withPageSlots && !options.pageNumbers) return [];
  const number = options.pageNumbers?.get(id);
  return [h('span.sop-toc-page', { dataTarget: id }, number === undefined ? '' : String(number))];
}
