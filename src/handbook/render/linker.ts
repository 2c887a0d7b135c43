import type { Element, Root } from 'hast';
import { visit } from 'unist-util-visit';
import { referenceText } from '../transform/links.js';
import type { BackMatterPage, RefTarget } from '../types.js';

export type PageName = BackMatterPage | 'home';

/** Where things are in one output: every link the renderers make goes through a linker. */
export interface Linker {
  /** A document, or an element inside it (`fragment` is the element's full id). */
  doc(anchor: string, elementId?: string): string;
  page(name: PageName): string;
  /** A file of the edition folder (`media/…`, `assets/…`) as seen from the current page. */
  file(path: string): string;
}

/**
 * Ids of the generated sections in the single file. A document's id (its anchor) never holds a
 * colon, so these can never collide with a document, whatever the documents are called.
 */
export const PAGE_IDS: Record<PageName, string> = {
  home: 'sop:contents',
  changes: 'sop:changes',
  review: 'sop:review',
  index: 'sop:index',
  glossary: 'sop:glossary',
  acknowledgements: 'sop:acknowledgements',
};

/** File names of the back-matter pages of the site. */
export const PAGE_FILES: Record<PageName, string> = {
  home: 'index.html',
  changes: 'changes.html',
  review: 'review.html',
  index: 'audiences-and-channels.html',
  glossary: 'glossary.html',
  acknowledgements: 'acknowledgements.html',
};

/** One page holds everything: every link is a fragment. */
export const singleLinker: Linker = {
  doc: (anchor, elementId) => `#${elementId ?? anchor}`,
  page: (name) => `#${PAGE_IDS[name]}`,
  file: (path) => path,
};

/** The site: documents under `documents/`, the rest at the top; links are relative so file:// works. */
export function siteLinker(depth: 0 | 1): Linker {
  const up = depth === 1 ? '../' : '';
  return {
    doc: (anchor, elementId) => `${up}documents/${anchor}.html${elementId && elementId !== anchor ? `#${elementId}` : ''}`,
    page: (name) => `${up}${PAGE_FILES[name]}`,
    file: (path) => `${up}${path}`,
  };
}

/**
 * A transformed body for one page of an edition: `#<anchor>` and `#<anchor>--<slug>` links go to the
 * document's page, cross-references get the target's number and title (as text when they have none,
 * and as tooltip), `media/…` sources point at the media folder as seen from the page.
 */
export function relinkBody(body: Root, targets: ReadonlyMap<string, RefTarget>, linker: Linker): Root {
  const copy = structuredClone(body);
  visit(copy, 'element', (element: Element) => {
    const href = element.properties.href;
    if (typeof href === 'string' && href.startsWith('#')) {
      const id = href.slice(1);
      const split = id.indexOf('--');
      const target = targets.get(split >= 0 ? id.slice(0, split) : id);
      if (target) {
        element.properties.href = linker.doc(target.anchor, id);
        if (isReference(element)) {
          element.properties.title ??= referenceText(target);
          if (element.children.length === 0) element.children = [{ type: 'text', value: referenceText(target) }];
        }
      }
    }
    const src = element.properties.src;
    if (typeof src === 'string' && src.startsWith('media/')) element.properties.src = linker.file(src);
  });
  return copy;
}

function isReference(element: Element): boolean {
  const classes = element.properties.className;
  return Array.isArray(classes) && classes.includes('sop-xref');
}
