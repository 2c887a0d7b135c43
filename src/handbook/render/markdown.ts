import { Slugger } from '../../repository/slug.js';
import { compareCodePoints } from '../resolve.js';
import { referenceText } from '../transform/links.js';
import type { ChangeReport, EditionPlan, PlacedDoc } from '../types.js';
import { versionChange } from './back-matter.js';
import { editionName, pageTitle } from './front.js';
import { fillLabel } from './labels.js';
import { displayName, displayNames } from './names.js';
import { previousEditionName } from './previous-name.js';
import type { EditionContent } from './site.js';

/** Text safe inside a Markdown table cell or list item: no pipes or line breaks break the structure. */
function cell(text: string): string {
  return text.replace(/\\/g, '\\\\').replace(/\|/g, '\\|').replace(/[\r\n]+/g, ' ').replace(/([*_`[\]<>])/g, '\\$1');
}

/**
 * The handbook as one Markdown file (for wikis, training systems, diffs in review). Headings carry
 * their numbers, so their GitHub anchors are unique; every link to a document or section is
 * rewritten to the anchor GitHub gives that heading in this file.
 */
export function renderMarkdown(content: EditionContent): string {
  const { plan, bodies } = content;
  const labels = plan.settings.labels;
  const slugger = new Slugger();
  const slugOf = new Map<string, string>();
  const blocks: string[] = [];
  const heading = (depth: number, text: string, id?: string) => {
    const slug = slugger.slug(text);
    if (id) slugOf.set(id, slug);
    blocks.push(`${'#'.repeat(depth)} ${cell(text)}`);
    return slug;
  };

  heading(1, plan.settings.title);
  const facts = [
    plan.settings.organisation,
    `${labels.branch}: ${editionName(plan)}`,
    ...(plan.selector.audience ? [`${labels.audience}: ${displayName(plan.settings, plan.selector.audience)}`] : []),
    `${labels.buildDate}: ${plan.buildDate}`,
  ].filter(Boolean);
  blocks.push(facts.map((fact) => (fact.includes('`') ? fact : cell(fact))).join(' · '));
  if (!plan.compliant) blocks.push(`> **${labels.notCompliant}** ${cell(labels.notCompliantNote)}`);
  if (plan.docs.some((doc) => doc.draft)) blocks.push(`> **${labels.draft}** ${cell(labels.draftNote)}`);

  heading(2, labels.contents);
  const tocAt = blocks.length;
  blocks.push('');

  for (const doc of plan.docs) {
    const body = bodies.get(doc.anchor)!;
    heading(2, `${doc.number} ${doc.record.title}${doc.draft ? ` (${labels.draft})` : ''}`, doc.anchor);
    blocks.push(metadataList(doc, plan));
    if (doc.stale) blocks.push(`> **${labels.staleTranslation}** ${cell(fillLabel(labels.translatedFrom, doc.stale))}`);
    if (doc.untranslated) blocks.push(`> ${cell(labels.notTranslatedNote)}`);
    for (const item of body.markdownHeadings) slugOf.set(item.id, slugger.slug(item.text));
    if (body.markdown) blocks.push(body.markdown);
    if (doc.record.changelog.length) {
      heading(3, labels.revisionHistory);
      blocks.push(
        [`| ${labels.version} | ${labels.date} | ${labels.summary} |`, '| --- | --- | --- |', ...doc.record.changelog.map((entry) => `| ${cell(entry.version)} | ${entry.date} | ${cell(entry.summary)} |`)].join('\n'),
      );
    }
  }

  for (const name of plan.settings.pages) {
    if (name === 'acknowledgements') continue; // Sheets to sign belong on paper: the single file and the PDF.
    heading(2, pageTitle(name, labels), PAGE_KEY + name);
    blocks.push(backMatter(name, plan, content.changes));
  }

  // The edition's id, for whoever files the document; staff read the date above.
  blocks.push(`${labels.edition}: \`${plan.editionId}\``);

  const targetOf = (id: string) => plan.targets.byId.get(id.split('--')[0]);
  // Cross-references written without text read as the target's number and title.
  const filled = blocks.map((block, index) =>
    index === tocAt
      ? block
      : block
          .replace(/\[\]\(#([^)\s]+)\)/g, (whole, id: string) => {
            const target = targetOf(id);
            return target ? `[${cell(referenceText(target))}](#${id})` : whole;
          })
          .replace(/\]\(#([^)\s]+)/g, (whole, id: string) => (slugOf.has(id) ? `](#${slugOf.get(id)}` : whole)),
  );
  // The contents link straight to the slugs, after the rewrite above: a document whose id is `index`
  // must not capture the link to the Index page (whose slug is `index` too), nor the other way round.
  const slug = (key: string) => `#${slugOf.get(key)}`;
  filled[tocAt] = plan.docs
    .map((doc) => `${doc.level === 2 ? '  ' : ''}- [${cell(`${doc.number} ${doc.record.title}`)}](${slug(doc.anchor)})`)
    .concat(plan.settings.pages.filter((name) => name !== 'acknowledgements').map((name) => `- [${cell(pageTitle(name, labels))}](${slug(PAGE_KEY + name)})`))
    .join('\n');
  return `${filled.join('\n\n')}\n`;
}

/** Keys of the generated pages among the heading keys; a document anchor never holds a NUL. */
const PAGE_KEY = '\u0000page:';

function metadataList(doc: PlacedDoc, plan: EditionPlan): string {
  const labels = plan.settings.labels;
  const { record } = doc;
  const ref = (id: string) => {
    const target = plan.targets.byId.get(id);
    const base = plan.targets.replacedBases.get(id);
    if (target && target.anchor === doc.anchor && base !== undefined) return `${cell(base)} (${labels.baseDocument})`;
    if (target) return `[${cell(`${target.number} ${target.title}`)}](#${target.anchor})`;
    const excluded = plan.targets.excluded.get(id);
    return excluded ? `${cell(excluded.title)} (${labels.notInEdition})` : cell(id);
  };
  const rows: Array<[string, string | undefined]> = [
    [labels.owner, record.owner && cell(record.owner)],
    [labels.approver, record.approver && cell(record.approver)],
    [labels.version, record.version && cell(record.version)],
    [labels.effective, record.effective],
    [labels.lastReviewed, record.lastReviewed],
    [labels.nextReview, doc.review.nextReview && `${doc.review.nextReview}${doc.review.state === 'overdue' ? ` **(${labels.overdue})**` : ''}`],
    [labels.audience, record.audience.length ? cell(displayNames(plan.settings, record.audience)) : labels.everyone],
    [labels.channels, record.channels.length ? cell(displayNames(plan.settings, record.channels)) : undefined],
    [labels.implements, record.implements.length ? record.implements.map(ref).join(', ') : undefined],
    [labels.related, record.related.length ? record.related.map(ref).join(', ') : undefined],
  ];
  return rows
    .filter(([, value]) => value)
    .map(([label, value]) => `- **${label}:** ${value}`)
    .join('\n');
}

function backMatter(name: string, plan: EditionPlan, changes: ChangeReport | undefined): string {
  const labels = plan.settings.labels;
  const title = (doc: { anchor: string; title: string }) => {
    const target = plan.targets.byId.get(doc.anchor);
    return target ? `[${cell(`${target.number} ${target.title}`)}](#${target.anchor})` : cell(doc.title);
  };
  switch (name) {
    case 'changes': {
      if (!changes) return cell(labels.noPrevious);
      const previous = previousEditionName(changes.against, labels);
      const lines = [previous ? `${cell(labels.changesSince)}: ${cell(previous)}` : `${cell(labels.changesSince)}.`];
      for (const doc of changes.added) lines.push(`- **${labels.added}:** ${title(doc)}`);
      for (const doc of changes.removed) lines.push(`- **${labels.removed}:** ~~${cell(doc.title)}~~`);
      for (const doc of changes.changed) {
        lines.push(`- **${labels.changed}:** ${title(doc)}${versionChange(doc.fromVersion, doc.toVersion, labels)}`);
        for (const step of doc.steps) {
          const kinds = { extra: labels.stepAdded, missing: labels.stepRemoved, moved: labels.stepMoved, reworded: labels.stepReworded };
          const number = step.kind === 'missing' ? step.previousNumber : step.number;
          const text = step.previousText && step.previousText !== step.text ? `~~${cell(step.previousText)}~~ → ${cell(step.text)}` : cell(step.text);
          lines.push(`  - ${kinds[step.kind]} ${number ?? ''}: ${text}`);
        }
      }
      if (lines.length === 1) lines.push(cell(labels.noChanges));
      return lines.join('\n');
    }
    case 'review': {
      const states = { overdue: `**${labels.overdue}**`, 'due-soon': labels.dueSoon, fine: labels.fine, unknown: labels.unknown };
      return [
        `| ${labels.document} | ${labels.owner} | ${labels.nextReview} | ${labels.state} |`,
        '| --- | --- | --- | --- |',
        ...plan.docs.map((doc) => `| ${title({ anchor: doc.anchor, title: doc.record.title })} | ${cell(doc.record.owner ?? '')} | ${doc.review.nextReview ?? ''} | ${states[doc.review.state]} |`),
      ].join('\n');
    }
    case 'index': {
      const list = (key: (doc: PlacedDoc) => string[], none: string) => {
        const names = [...new Set(plan.docs.flatMap(key))].sort(compareCodePoints);
        const rows = names.map((name) => `- **${cell(displayName(plan.settings, name))}:** ${plan.docs.filter((doc) => key(doc).includes(name)).map((doc) => title({ anchor: doc.anchor, title: doc.record.title })).join(', ')}`);
        const rest = plan.docs.filter((doc) => key(doc).length === 0);
        if (rest.length) rows.push(`- **${none}:** ${rest.map((doc) => title({ anchor: doc.anchor, title: doc.record.title })).join(', ')}`);
        return rows.join('\n');
      };
      return [`**${labels.byAudience}**`, list((doc) => doc.record.audience, labels.everyone), `**${labels.byChannel}**`, list((doc) => doc.record.channels, labels.noChannel)].join('\n\n');
    }
    case 'glossary':
      return plan.settings.glossary
        .map((entry) => `- **${cell(entry.term)}**${entry.definition ? `: ${cell(entry.definition)}` : ''}${entry.avoid.length ? ` (${labels.avoid}: ${cell(entry.avoid.join(', '))})` : ''}`)
        .join('\n');
    default:
      return '';
  }
}
