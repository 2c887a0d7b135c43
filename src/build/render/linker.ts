import type { Element, Root } from 'hast';
import { visit } from 'unist-util-visit';
import type { BackMatterPage } from '../types.js';

export type PageName = BackMatterPage | 'home';

/** Where things are in one output: every link the renderers make goes through a linker. */
export interface Linker {
  /** A document, or an element inside it (`fragment` is the element's full id). */
  doc(anchor: string, elementId?: string): string;
  page(name: PageName): string;
  /** A file of the edition folder (`media/…`, `assets/…`) as seen from the current page. */
  file(path: string): string;
}

/** Ids of the back-matter sections in the single file. */
export const PAGE_IDS: Record<PageName, string> = {
  home: 'sop-contents',
  changes: 'sop-changes',
  review: 'sop-review',
  index: 'sop-index',
  glossary: 'sop-glossary',
  acknowledgements: 'sop-acknowledgements',
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
 * Rewrites a transformed body's links for a linker: `#<anchor>` and `#<anchor>--<slug>` go to the
 * document's page, `media/…` sources to the media folder as seen from the page.
 */
export function relinkBody(body: Root, anchors: ReadonlySet<string>, linker: Linker): Root {
  const copy = structuredClone(body);
  visit(copy, 'element', (element: Element) => {
    const href = element.properties.href;
    if (typeof href === 'string' && href.startsWith('#')) {
      const id = href.slice(1);
      const split = id.indexOf('--');
      const anchor = split >= 0 ? id.slice(0, split) : id;
      if (anchors.has(anchor)) element.properties.href = linker.doc(anchor, id);
    }
    const src = element.properties.src;
    if (typeof src === 'string' && src.startsWith('media/')) element.properties.src = linker.file(src);
  });
  return copy;
}
