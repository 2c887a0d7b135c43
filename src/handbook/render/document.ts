import type { Element, ElementContent, Root } from 'hast';
import { h, type Child } from 'hastscript';
import { visit } from 'unist-util-visit';
import { primarySubtag } from '../../language/registry.js';
import type { EditionPlan, PlacedDoc, RefTarget, TransformedDoc } from '../types.js';
import { languageName } from '../languages.js';
import { fillLabel, type Labels } from './labels.js';
import { relinkBody, type Linker } from './linker.js';
import { displayName, displayNames } from './names.js';
import { declaredStatus } from './status.js';

export interface ArticleContext {
  plan: EditionPlan;
  linker: Linker;
  /** Level of the document's title: 1 on its own page, 2 in the single file. */
  titleLevel: 1 | 2;
  /** Targets of the edition by anchor. */
  anchors: ReadonlyMap<string, RefTarget>;
}

/** Languages written right to left: their documents get `dir="rtl"`. */
const RIGHT_TO_LEFT = new Set(['ar', 'dv', 'fa', 'he', 'ks', 'ku', 'ps', 'sd', 'ug', 'ur', 'yi']);

/** The edition's documents by anchor, for links in bodies. */
export function anchorTargets(plan: EditionPlan): Map<string, RefTarget> {
  return new Map([...plan.docs, ...plan.alternates].map((doc) => [doc.anchor, plan.targets.byId.get(doc.anchor)!]));
}

/** One document: numbered title, marks, metadata box, body, revision history. */
export function renderArticle(doc: PlacedDoc, body: TransformedDoc, context: ArticleContext): Element {
  const { plan, linker, titleLevel } = context;
  const labels = plan.settings.labels;
  const { record } = doc;
  const content = relinkBody(body.body, context.anchors, linker);
  if (titleLevel === 2) shiftHeadings(content);
  return h(
    'article.sop-doc',
    {
      id: doc.anchor,
      lang: record.lang,
      dir: RIGHT_TO_LEFT.has(primarySubtag(record.lang)) ? 'rtl' : undefined,
      dataType: record.type,
      // One document per site page; in the single file (and the PDF) a group shares its page, and
      // only its first document starts a new sheet.
      dataPage: titleLevel === 1 ? pageName(doc) : groupPageName(doc),
      dataGroupStart: doc.level === 1 ? '' : undefined,
    },
    h('header.sop-doc-header', [
      h(`h${titleLevel}.sop-doc-title`, [h('span.sop-number', doc.number), ' ', record.title]),
      ...marks(doc, labels),
    ]),
    // Only the site has a page per language version; the single file and the PDF hold one language.
    titleLevel === 1 ? languageSwitcher(doc, context) : '',
    doc.draft ? h('p.sop-draft-note', { role: 'note' }, labels.draftNote) : '',
    ...translationNotes(doc, labels),
    metadataLine(doc, context),
    // Open in the single file, which is also what prints as the PDF: paper has no clicks.
    h('details.sop-meta-details', { open: titleLevel === 2 }, [h('summary', labels.details), metadataBox(doc, context)]),
    h('div.sop-body', content.children as ElementContent[]),
    revisionHistory(doc, labels, titleLevel),
  );
}

/** The name of the document's print page: CSS gives each one a running header. */
export function pageName(doc: PlacedDoc): string {
  return `sop-doc-${doc.number.replace(/\./g, '-')}`;
}

/** The print page of the document's group (a policy and its procedures): `1.2` prints on `1`'s page. */
export function groupPageName(doc: PlacedDoc): string {
  return `sop-doc-${doc.number.split('.')[0]}`;
}

function marks(doc: PlacedDoc, labels: Labels): Element[] {
  const out: Element[] = [];
  if (doc.draft) out.push(h('span.sop-mark.sop-mark-draft', labels.draft));
  if (doc.review.state === 'overdue') out.push(h('span.sop-mark.sop-mark-overdue', labels.overdue));
  if (doc.stale) out.push(h('span.sop-mark.sop-mark-stale', labels.staleTranslation));
  if (doc.untranslated) out.push(h('span.sop-mark.sop-mark-untranslated', labels.notTranslated));
  return out;
}

/** What a reader must know about the version in front of them: it is an old translation, or not translated at all. */
function translationNotes(doc: PlacedDoc, labels: Labels): Element[] {
  const notes: Element[] = [];
  if (doc.stale) notes.push(h('p.sop-translation-note.sop-stale-note', { role: 'note' }, fillLabel(labels.translatedFrom, doc.stale)));
  if (doc.untranslated) notes.push(h('p.sop-translation-note.sop-untranslated-note', { role: 'note' }, labels.notTranslatedNote));
  return notes;
}

/** Links to the document's other language versions, each named in languages/<tag>/language.json. */
export function languageSwitcher(doc: PlacedDoc, context: Pick<ArticleContext, 'plan' | 'linker'>): Element | '' {
  if (!doc.languages || doc.languages.length < 2) return '';
  const labels = context.plan.settings.labels;
  return h('nav.sop-languages', { ariaLabel: labels.languages }, [
    h('span.sop-languages-label', `${labels.languages}:`),
    h(
      'ul',
      doc.languages.map((version) =>
        h(
          'li',
          version.anchor === doc.anchor
            ? h('span', { ariaCurrent: 'page', lang: version.lang }, languageName(version.lang))
            : h('a', { href: context.linker.doc(version.anchor), hrefLang: version.lang, lang: version.lang, rel: 'alternate', title: version.title }, languageName(version.lang)),
        ),
      ),
    ),
  ]);
}

/**
 * What staff need before the steps, on one line: who owns the document, its version and when it is
 * next reviewed. The rest (approver, dates, audiences, links) is in the details a click away, so the
 * first step is on the first screen.
 */
function metadataLine(doc: PlacedDoc, context: ArticleContext): Element {
  const { record } = doc;
  const labels = context.plan.settings.labels;
  const parts: Array<[string, Child | undefined]> = [
    [labels.owner, record.owner],
    [labels.version, record.version],
    [labels.nextReview, nextReviewElement(doc, labels)],
  ];
  const shown = parts.filter(([, value]) => value !== undefined && value !== '');
  return h(
    'p.sop-meta-line',
    {},
    ...shown.flatMap(([label, value], index): Child[] => [
      index > 0 ? h('span.sop-meta-sep', { ariaHidden: 'true' }, ' · ') : '',
      h('span.sop-meta-item', {}, h('span.sop-meta-label', `${label}: `), value as Child),
    ]),
  );
}

function metadataBox(doc: PlacedDoc, context: ArticleContext): Element {
  const { record } = doc;
  const settings = context.plan.settings;
  const labels = settings.labels;
  const rows: Array<[string, Child | undefined]> = [
    [labels.owner, record.owner],
    [labels.approver, record.approver],
    [labels.version, record.version],
    [labels.status, statusElement(declaredStatus(record), labels)],
    [labels.effective, dateElement(record.effective)],
    [labels.lastReviewed, dateElement(record.lastReviewed)],
    [labels.nextReview, nextReviewElement(doc, labels)],
    [labels.audience, record.audience.length ? displayNames(settings, record.audience) : labels.everyone],
    [labels.channels, record.channels.length ? displayNames(settings, record.channels) : undefined],
    [labels.appliesTo, record.branches.length ? displayNames(settings, record.branches) : undefined],
    [labels.variantOf, record.variantOf ? idLinks([record.variantOf], context, doc.anchor) : undefined],
    [labels.branch, record.branch ? displayName(settings, record.branch) : undefined],
    [labels.implements, record.implements.length ? idLinks(record.implements, context, doc.anchor) : undefined],
    [labels.related, record.related.length ? idLinks(record.related, context, doc.anchor) : undefined],
    [labels.supersedes, record.supersedes ? idLinks([record.supersedes], context, doc.anchor) : undefined],
  ];
  return h(
    'dl.sop-meta',
    rows.filter(([, value]) => value !== undefined && value !== '').map(([label, value]) => h('div', [h('dt', label), h('dd', value as Child)])),
  );
}

/**
 * Statuses read as words ("Approved"), not as the frontmatter's lower-case value. A document that
 * gives none (built with lint errors) says so: it is not shown as approved.
 */
function statusElement(status: string | undefined, labels: Labels): Element | string {
  if (status === undefined) return h('span.sop-missing', labels.statusMissing);
  const known: Record<string, string> = { approved: labels.statusApproved, draft: labels.statusDraft, retired: labels.statusRetired };
  return Object.hasOwn(known, status) ? known[status] : status;
}

function dateElement(date: string | undefined): Element | undefined {
  return date ? h('time', { dateTime: date }, date) : undefined;
}

function nextReviewElement(doc: PlacedDoc, labels: Labels): Array<Element | string> | undefined {
  if (!doc.review.nextReview) return undefined;
  const date = h('time', { dateTime: doc.review.nextReview }, doc.review.nextReview);
  if (doc.review.state === 'overdue') return [date, ' ', h('strong.sop-overdue', `(${labels.overdue})`)];
  if (doc.review.state === 'due-soon') return [date, ' ', h('span.sop-due-soon', `(${labels.dueSoon})`)];
  return [date];
}

/**
 * Ids in metadata become links reading as the target's number and title; ids outside the edition
 * stay text. A variant naming its own base (replaced by the variant in this edition) names the base.
 */
export function idLinks(ids: readonly string[], context: Pick<ArticleContext, 'plan' | 'linker'>, from: string): ElementContent[] {
  const out: ElementContent[] = [];
  const { targets, settings } = context.plan;
  ids.forEach((id, index) => {
    if (index > 0) out.push({ type: 'text', value: ', ' });
    const target = targets.byId.get(id);
    const base = targets.replacedBases.get(id);
    if (target && target.anchor === from && base !== undefined) {
      out.push(h('span', [base, ' ', h('span.sop-muted', `(${settings.labels.baseDocument})`)]));
    } else if (target) {
      out.push(h('a.sop-xref', { href: context.linker.doc(target.anchor) }, `${target.number} ${target.title}`));
    } else {
      const excluded = context.plan.targets.excluded.get(id);
      out.push(h('span.sop-unresolved', { title: excluded?.reason ?? id }, excluded ? `${excluded.title} (${context.plan.settings.labels.notInEdition})` : id));
    }
  });
  return out;
}

function revisionHistory(doc: PlacedDoc, labels: Labels, titleLevel: 1 | 2): Element | string {
  const entries = doc.record.changelog;
  if (entries.length === 0) return '';
  return h('section.sop-history', [
    h(`h${titleLevel + 1}`, labels.revisionHistory),
    h('table', [
      h('thead', h('tr', [h('th', { scope: 'col' }, labels.version), h('th', { scope: 'col' }, labels.date), h('th', { scope: 'col' }, labels.summary)])),
      h(
        'tbody',
        entries.map((entry) => h('tr', [h('td', entry.version), h('td', h('time', { dateTime: entry.date }, entry.date)), h('td', entry.summary)])),
      ),
    ]),
  ]);
}

/** In the single file the document title is a level-2 heading, so its sections move one level down. */
function shiftHeadings(root: Root): void {
  visit(root, 'element', (element: Element) => {
    const match = /^h([1-6])$/.exec(element.tagName);
    if (match) element.tagName = `h${Math.min(6, Number(match[1]) + 1)}`;
  });
}
