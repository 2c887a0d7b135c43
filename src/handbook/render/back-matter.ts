import type { Element, ElementContent } from 'hast';
import { h } from 'hastscript';
import { compareCodePoints } from '../resolve.js';
import { compareTerms } from '../settings.js';
import type { BackMatterPage, ChangeReport, EditionPlan, PlacedDoc } from '../types.js';
import { pageTitle } from './front.js';
import { languageName } from '../languages.js';
import { fillLabel, type Labels } from './labels.js';
import { PAGE_IDS, type Linker } from './linker.js';
import { displayName } from './names.js';
import { previousEditionName } from './previous-name.js';

export interface BackMatterContext {
  plan: EditionPlan;
  changes?: ChangeReport;
  linker: Linker;
  headingLevel: 1 | 2;
}

/** One back-matter page's section. */
export function renderBackMatter(name: BackMatterPage, context: BackMatterContext): Element {
  const { plan, headingLevel } = context;
  const labels = plan.settings.labels;
  const body: Record<BackMatterPage, () => ElementContent[]> = {
    changes: () => changesBody(context.changes, context),
    review: () => [reviewTable(context)],
    index: () => indexBody(context),
    glossary: () => [glossaryList(plan)],
    acknowledgements: () => plan.docs.map((doc) => acknowledgementSheet(doc, context)),
  };
  return h(`section.sop-page.sop-page-${name}`, { id: PAGE_IDS[name] }, [h(`h${headingLevel}`, pageTitle(name, labels)), ...body[name]()]);
}

function docLink(doc: { anchor: string; title: string }, context: BackMatterContext): Element {
  const target = context.plan.targets.byId.get(doc.anchor);
  if (!target) return h('span', doc.title);
  return h('a', { href: context.linker.doc(target.anchor) }, [h('span.sop-number', target.number), ' ', h('span', { lang: langOf(doc.anchor, context) }, target.title)]);
}

const languages = new WeakMap<EditionPlan, Map<string, string>>();

function langOf(anchor: string, context: BackMatterContext): string | undefined {
  let byAnchor = languages.get(context.plan);
  if (!byAnchor) languages.set(context.plan, (byAnchor = new Map(context.plan.docs.map((doc) => [doc.anchor, doc.record.lang]))));
  return byAnchor.get(anchor);
}

function changesBody(changes: ChangeReport | undefined, context: BackMatterContext): ElementContent[] {
  const labels = context.plan.settings.labels;
  if (!changes) return [h('p.sop-empty', labels.noPrevious)];
  const sub = `h${context.headingLevel + 1}`;
  const previous = previousEditionName(changes.against, labels);
  const out: ElementContent[] = [h('p.sop-changes-since', previous ? [labels.changesSince, ': ', previous] : [labels.changesSince, '.'])];
  if (changes.added.length + changes.removed.length + changes.changed.length === 0) out.push(h('p.sop-empty', labels.noChanges));
  if (changes.added.length) {
    out.push(h(sub, labels.added), h('ul', changes.added.map((doc) => h('li', [docLink(doc, context), doc.version ? ` (${doc.version})` : '']))));
  }
  if (changes.removed.length) {
    out.push(h(sub, labels.removed), h('ul', changes.removed.map((doc) => h('li', [h('del', doc.title), doc.version ? ` (${doc.version})` : '']))));
  }
  if (changes.changed.length) {
    out.push(
      h(sub, labels.changed),
      h(
        'ul.sop-changed',
        changes.changed.map((doc) =>
          h('li', [
            docLink(doc, context),
            versionChange(doc.fromVersion, doc.toVersion, labels),
            doc.steps.length ? h('ul.sop-step-changes', { lang: langOf(doc.anchor, context) }, doc.steps.map((step) => stepChange(step, labels))) : '',
          ]),
        ),
      ),
    );
  }
  return out;
}

/** ` (1.0.0 → 1.1.0)`, or a warning when a changed document kept its version. */
export function versionChange(from: string | undefined, to: string | undefined, labels: Labels): string {
  if (!from && !to) return '';
  if (from === to) return ` (${to}, ${labels.versionNotRaised})`;
  return ` (${from ?? '?'} → ${to ?? '?'})`;
}

function stepChange(step: ChangeReport['changed'][number]['steps'][number], labels: Labels): Element {
  const kinds = { extra: labels.stepAdded, missing: labels.stepRemoved, moved: labels.stepMoved, reworded: labels.stepReworded };
  const where = step.kind === 'missing' ? step.previousNumber : step.number;
  const moved = step.kind === 'moved' && step.previousNumber !== undefined ? ` (${step.previousNumber} → ${step.number})` : '';
  const text: Array<Element | string> =
    step.kind === 'reworded' || (step.kind === 'moved' && step.previousText)
      ? [h('del', step.previousText ?? ''), ' → ', h('ins', step.text)]
      : step.kind === 'missing'
        ? [h('del', step.text)]
        : [step.text];
  return h(`li.sop-step-${step.kind}`, [h('strong', `${kinds[step.kind]} ${where ?? ''}${moved}`.trim()), ': ', ...text]);
}

function dateCell(date: string | undefined): Element | string {
  return date ? h('time', { dateTime: date }, date) : '';
}

const STATE_ORDER = { overdue: 0, 'due-soon': 1, fine: 2, unknown: 3 } as const;

function reviewTable(context: BackMatterContext): Element {
  const labels = context.plan.settings.labels;
  const rows = [...context.plan.docs].sort(
    (a, b) =>
      STATE_ORDER[a.review.state] - STATE_ORDER[b.review.state] ||
      compareCodePoints(a.review.nextReview ?? '9999', b.review.nextReview ?? '9999') ||
      compareCodePoints(a.anchor, b.anchor),
  );
  const state = (doc: PlacedDoc): ElementContent => {
    const names = { overdue: labels.overdue, 'due-soon': labels.dueSoon, fine: labels.fine, unknown: labels.unknown };
    const text = doc.review.state === 'overdue' && doc.review.daysLeft !== undefined ? `${names.overdue} · ${-doc.review.daysLeft} ${labels.days}` : names[doc.review.state];
    return doc.review.state === 'overdue' ? h('strong.sop-overdue', text) : h(`span.sop-review-${doc.review.state}`, text);
  };
  return h('table.sop-review-table', [
    h('thead', h('tr', [labels.document, labels.owner, labels.lastReviewed, labels.nextReview, labels.state].map((label) => h('th', { scope: 'col' }, label)))),
    h(
      'tbody',
      rows.map((doc) =>
        h(`tr.sop-review-row-${doc.review.state}`, [
          h('td', [docLink({ anchor: doc.anchor, title: doc.record.title }, context), ...staleTranslations(doc, labels)]),
          h('td', doc.record.owner ?? ''),
          h('td', dateCell(doc.record.lastReviewed)),
          h('td', dateCell(doc.review.nextReview)),
          h('td', state(doc)),
        ]),
      ),
    ),
  ]);
}

/** The document's stale language versions, under its row: a translation is reviewed with its source. */
function staleTranslations(doc: PlacedDoc, labels: Labels): Element[] {
  return (doc.languages ?? [])
    .filter((version) => version.stale)
    .map((version) =>
      h('p.sop-stale-translation', [
        h('span.sop-mark.sop-mark-stale', labels.staleTranslation),
        ' ',
        h('span', { lang: version.lang }, version.title),
        ` (${languageName(version.lang)}): ${fillLabel(labels.translatedFrom, version.stale!)}`,
      ]),
    );
}

function indexBody(context: BackMatterContext): ElementContent[] {
  const labels = context.plan.settings.labels;
  const sub = `h${context.headingLevel + 1}`;
  const grouped = (key: (doc: PlacedDoc) => string[], none: string) => {
    const groups = new Map<string, PlacedDoc[]>();
    for (const doc of context.plan.docs) {
      const names = key(doc);
      for (const name of names.length ? names : [none]) groups.set(name, [...(groups.get(name) ?? []), doc]);
    }
    const shown = (name: string) => (name === none ? none : displayName(context.plan.settings, name));
    const names = [...groups.keys()].filter((name) => name !== none).sort((a, b) => compareTerms(shown(a), shown(b)) || compareTerms(a, b));
    if (groups.has(none)) names.push(none);
    return h(
      'dl.sop-index',
      names.flatMap((name) => [h('dt', shown(name)), h('dd', h('ul', groups.get(name)!.map((doc) => h('li', docLink({ anchor: doc.anchor, title: doc.record.title }, context)))))]),
    );
  };
  return [
    h(sub, labels.byAudience),
    grouped((doc) => doc.record.audience, labels.everyone),
    h(sub, labels.byChannel),
    grouped((doc) => doc.record.channels, labels.noChannel),
  ];
}

function glossaryList(plan: EditionPlan): Element {
  const labels = plan.settings.labels;
  return h(
    'dl.sop-glossary',
    plan.settings.glossary.flatMap((entry) => [
      h('dt', { id: `sop-term-${encodeURIComponent(entry.term.toLowerCase()).replace(/%/g, '')}`, lang: entry.lang }, entry.term),
      h('dd', [
        entry.definition ? h('p', entry.definition) : '',
        entry.avoid.length ? h('p.sop-avoid', [h('span', `${labels.avoid}: `), entry.avoid.join(', ')]) : '',
      ]),
    ]),
  );
}

/** A sheet per document for staff to sign: it names the exact edition and version signed for. */
function acknowledgementSheet(doc: PlacedDoc, context: BackMatterContext): Element {
  const { plan } = context;
  const labels = plan.settings.labels;
  const line = (label: string) => h('div.sop-sign-line', [h('span.sop-sign-label', label), h('span.sop-sign-blank')]);
  return h('section.sop-ack', { id: `sop-ack-${doc.anchor}` }, [
    h(`h${context.headingLevel + 1}`, [labels.acknowledgement, ': ', h('span.sop-number', doc.number), ' ', h('span', { lang: doc.record.lang }, doc.record.title)]),
    h('p.sop-ack-source', [plan.settings.organisation, plan.settings.title].filter(Boolean).join(' · ')),
    h('dl.sop-ack-facts', [
      h('dt', labels.version),
      h('dd', doc.record.version ?? ''),
      ...(doc.record.effective ? [h('dt', labels.effective), h('dd', h('time', { dateTime: doc.record.effective }, doc.record.effective))] : []),
      // The edition's id is in every printed page's footer; the sheet names it by its date.
      h('dt', labels.edition),
      h('dd', h('time', { dateTime: plan.buildDate }, plan.buildDate)),
      h('dt', labels.branch),
      h('dd', plan.selector.branch ? displayName(plan.settings, plan.selector.branch) : labels.baseEdition),
    ]),
    h('p.sop-ack-statement', labels.ackStatement),
    line(labels.name),
    line(labels.staffNumber),
    line(labels.date),
    line(labels.signature),
  ]);
}
