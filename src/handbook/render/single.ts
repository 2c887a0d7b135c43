import type { Element, Root } from 'hast';
import { toHtml } from 'hast-util-to-html';
import { h } from 'hastscript';
import { visit } from 'unist-util-visit';
import type { BackMatterPage } from '../types.js';
import { renderBackMatter } from './back-matter.js';
import { anchorTargets, renderArticle } from './document.js';
import { brandStyle } from './brand-style.js';
import { renderCover, renderToc } from './front.js';
import { PAGE_IDS, singleLinker } from './linker.js';
import { printRules } from './print-rules.js';
import type { EditionContent } from './site.js';

export interface SingleOptions {
  css: string;
  /** Images by their path in the edition (`media/…`), inlined as data URLs so the file stands alone. */
  media: ReadonlyMap<string, { bytes: Uint8Array; type: string }>;
  /** Page numbers for the table of contents (the PDF's second pass). */
  pageNumbers?: ReadonlyMap<string, number>;
  /** Reserve room for page numbers in the table of contents (the PDF's first pass). */
  withPageSlots?: boolean;
}

/**
 * The whole handbook as one self-contained HTML file: styles inline, images as data URLs, no
 * script. It is the print edition too: the PDF is this file printed.
 */
export function renderSingle(content: EditionContent, options: SingleOptions): string {
  const { plan, bodies } = content;
  const anchors = anchorTargets(plan);
  const articles = plan.docs.map((doc) => renderArticle(doc, bodies.get(doc.anchor)!, { plan, linker: singleLinker, titleLevel: 2, anchors }));
  const back = plan.settings.pages.map((name) => renderBackMatter(name as BackMatterPage, { plan, changes: content.changes, linker: singleLinker, headingLevel: 2 }));
  const main = h('main#main.sop-single', [
    renderCover(plan, singleLinker),
    renderToc(plan, { linker: singleLinker, headingLevel: 2, id: PAGE_IDS.home, pageNumbers: options.pageNumbers, withPageSlots: options.withPageSlots }),
    ...articles,
    ...back,
  ]);
  const logo = plan.settings.brand.logo;
  inlineMedia(main, logo ? new Map([...options.media, [logo.output, logo]]) : options.media);
  const tree: Root = {
    type: 'root',
    children: [
      { type: 'doctype' },
      h('html', { lang: plan.settings.lang }, [
        h('head', [
          h('meta', { charSet: 'utf-8' }),
          h('meta', { name: 'viewport', content: 'width=device-width, initial-scale=1' }),
          h('meta', { name: 'generator', content: 'sopkit' }),
          h('title', plan.settings.title),
          h('style', `${options.css}${brandStyle(plan.settings.brand)}`),
          h('style', printRules(plan, plan.docs)),
        ]),
        h('body.sop-single-body', [h('a.sop-skip-link', { href: `#${PAGE_IDS.home}` }, plan.settings.labels.skipToContent), main]),
      ]),
    ],
  };
  return `${toHtml(tree)}\n`;
}

function inlineMedia(root: Element, media: SingleOptions['media']): void {
  visit(root, 'element', (element: Element) => {
    const src = element.properties.src;
    if (element.tagName !== 'img' || typeof src !== 'string') return;
    const file = media.get(src);
    if (file) element.properties.src = `data:${file.type};base64,${Buffer.from(file.bytes).toString('base64')}`;
  });
}
