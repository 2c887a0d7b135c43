import type { ElementContent, Root } from 'hast';
import { toHtml } from 'hast-util-to-html';
import { h } from 'hastscript';
import { searchIndexFiles, tokenizerScript } from '../search/index-file.js';
import type { BackMatterPage, ChangeReport, EditionPlan, OutputFile, PlacedDoc, TransformedDoc } from '../types.js';
import { renderBackMatter } from './back-matter.js';
import { anchorTargets, renderArticle } from './document.js';
import { brandStyle } from './brand-style.js';
import { editionMarks, editionName, logoImage, pageTitle, renderCover, renderToc } from './front.js';
import { PAGE_FILES, PAGE_IDS, siteLinker, type Linker } from './linker.js';
import { printRules } from './print-rules.js';

/** Files the site copies as they are: the handbook's stylesheet and script, and MiniSearch. */
export interface StaticAssets {
  css: string;
  js: string;
  minisearch: string;
}

export interface EditionContent {
  plan: EditionPlan;
  bodies: ReadonlyMap<string, TransformedDoc>;
  /** What changed since the edition compared with (`--since`, `--previous`); undefined without one. */
  changes?: ChangeReport;
}

// Applied before the stylesheet loads, so a reader who chose dark never sees a white flash.
const THEME_BOOT = "try{var t=localStorage.getItem('sop-theme');if(t==='dark'||t==='light')document.documentElement.dataset.theme=t}catch(e){}";

/** The multi-page site: cover and contents, a page per document, the back-matter pages, assets. */
export function renderSite(content: EditionContent, assets: StaticAssets): OutputFile[] {
  const { plan, bodies } = content;
  const anchors = anchorTargets(plan);
  const files: OutputFile[] = [];

  const home = siteLinker(0);
  files.push({
    path: PAGE_FILES.home,
    content: page(plan, { depth: 0, current: 'home', title: plan.settings.title, main: [renderCover(plan, home), renderToc(plan, { linker: home, headingLevel: 2, id: PAGE_IDS.home })] }),
  });

  const inDocs = siteLinker(1);
  const alternatesOf = new Map<string, PlacedDoc[]>();
  for (const version of plan.alternates) alternatesOf.set(version.versionOf!, [...(alternatesOf.get(version.versionOf!) ?? []), version]);
  plan.docs.forEach((doc, index) => {
    const article = renderArticle(doc, bodies.get(doc.anchor)!, { plan, linker: inDocs, titleLevel: 1, anchors });
    const previous = plan.docs[index - 1];
    const next = plan.docs[index + 1];
    const pager = h('nav.sop-pager', { ariaLabel: `${plan.settings.labels.previous} / ${plan.settings.labels.next}` }, [
      previous ? h('a.sop-prev', { href: inDocs.doc(previous.anchor), rel: 'prev' }, [`← ${previous.number} `, h('span', { lang: previous.record.lang }, previous.record.title)]) : h('span'),
      next ? h('a.sop-next', { href: inDocs.doc(next.anchor), rel: 'next' }, [`${next.number} `, h('span', { lang: next.record.lang }, next.record.title), ' →']) : h('span'),
    ]);
    files.push({
      path: `documents/${doc.anchor}.html`,
      content: page(plan, { depth: 1, current: doc.anchor, title: `${doc.number} ${doc.record.title}`, main: [...editionMarks(plan), article, pager], printCss: printRules(plan, [doc]), languages: languageLinks(doc, inDocs) }),
    });
    // The document's other language versions: a page each, at the same place in the contents and the pager.
    for (const version of alternatesOf.get(doc.anchor) ?? []) {
      const alternate = renderArticle(version, bodies.get(version.anchor)!, { plan, linker: inDocs, titleLevel: 1, anchors });
      files.push({
        path: `documents/${version.anchor}.html`,
        content: page(plan, { depth: 1, current: doc.anchor, title: `${version.number} ${version.record.title}`, main: [...editionMarks(plan), alternate, pager], printCss: printRules(plan, [version]), languages: languageLinks(version, inDocs) }),
      });
    }
  });

  for (const name of plan.settings.pages) {
    files.push({
      path: PAGE_FILES[name],
      content: page(plan, { depth: 0, current: name, title: pageTitle(name, plan.settings.labels), main: [...editionMarks(plan), renderBackMatter(name as BackMatterPage, { plan, changes: content.changes, linker: home, headingLevel: 1 })] }),
    });
  }

  files.push(
    { path: 'assets/handbook.css', content: `${assets.css}${brandStyle(plan.settings.brand)}` },
    { path: 'assets/handbook.js', content: assets.js },
    // Loaded only once the reader starts a search (handbook.js), never with the page.
    { path: 'assets/minisearch.js', content: assets.minisearch },
    { path: 'assets/search-tokenize.js', content: tokenizerScript() },
    ...searchIndexFiles(plan, bodies),
  );
  const logo = plan.settings.brand.logo;
  if (logo) files.push({ path: logo.output, content: logo.bytes });
  return files;
}

interface PageInput {
  depth: 0 | 1;
  current: string;
  title: string;
  main: ElementContent[];
  printCss?: string;
  /** The page's language versions, for `<link rel="alternate" hreflang>`. */
  languages?: Array<{ lang: string; href: string }>;
}

function languageLinks(doc: PlacedDoc, linker: Linker): PageInput['languages'] {
  return doc.languages?.map((version) => ({ lang: version.lang, href: linker.doc(version.anchor) }));
}

function page(plan: EditionPlan, input: PageInput): string {
  const labels = plan.settings.labels;
  const linker: Linker = siteLinker(input.depth);
  const asset = (name: string) => linker.file(`assets/${name}`);
  const head = h('head', [
    h('meta', { charSet: 'utf-8' }),
    h('meta', { name: 'viewport', content: 'width=device-width, initial-scale=1' }),
    h('meta', { name: 'generator', content: 'sopkit' }),
    h('title', input.current === 'home' ? plan.settings.title : `${input.title} · ${plan.settings.title}`),
    h('script', THEME_BOOT),
    ...(input.languages ?? []).map((version) => h('link', { rel: 'alternate', hrefLang: version.lang, href: version.href })),
    h('link', { rel: 'stylesheet', href: asset('handbook.css') }),
    h('style', { media: 'print' }, input.printCss ?? printRules(plan, [])),
    h('script', { src: asset('handbook.js'), defer: true }),
  ]);
  const sidebarShown = input.current !== 'home';
  const header = h('header.sop-topbar', [
    // Narrow screens keep the contents behind this button, so the page starts with the document.
    sidebarShown ? h('button.sop-menu-button', { type: 'button', ariaControls: 'sop-sidebar', ariaExpanded: 'false' }, [h('span', { ariaHidden: 'true' }, '☰ '), labels.menu]) : '',
    h('a.sop-brand', { href: linker.page('home') }, [
      logoImage(plan, linker, 'sop-brand-logo'),
      plan.settings.organisation ? h('span.sop-brand-org', plan.settings.organisation) : '',
      h('span.sop-brand-title', plan.settings.title),
      h('span.sop-brand-edition', editionName(plan)),
    ]),
    h('div.sop-search', { role: 'search' }, [
      h('label.sop-visually-hidden', { htmlFor: 'sop-search-input' }, labels.search),
      h('input#sop-search-input', {
        type: 'search',
        placeholder: labels.searchPlaceholder,
        autoComplete: 'off',
        spellCheck: false,
        ariaControls: 'sop-search-results',
        ariaExpanded: 'false',
        role: 'combobox',
        ariaAutoComplete: 'list',
        ariaDescribedBy: 'sop-search-hint',
      }),
      h('span#sop-search-hint.sop-visually-hidden', labels.searchHint),
      h('ul#sop-search-results.sop-search-results', { role: 'listbox', hidden: true, ariaLabel: labels.search, dataEmpty: labels.noResults, dataLoading: labels.searchLoading }),
    ]),
    h('button.sop-theme-toggle', { type: 'button', ariaLabel: labels.toggleTheme, title: labels.toggleTheme }, '◐'),
  ]);
  // The cover page shows the contents in full; other pages keep them at hand in a sidebar.
  const sidebar = !sidebarShown ? '' : h('aside#sop-sidebar.sop-sidebar', renderToc(plan, { linker, current: input.current, headingLevel: 2, expandCurrentOnly: true }));
  const footer = h('footer.sop-footer', [
    h('span', [labels.edition, ' ', h('code', plan.editionId)]),
    h('span', [labels.buildDate, ' ', h('time', { dateTime: plan.buildDate }, plan.buildDate)]),
    h('span', [labels.branch, ': ', editionName(plan)]),
  ]);
  const body = h('body', { className: input.depth === 1 ? ['sop-doc-page'] : [`sop-page-${input.current}`] }, [
    h('a.sop-skip-link', { href: '#main' }, labels.skipToContent),
    header,
    h('div.sop-layout', [sidebar, h('main#main', { tabIndex: -1 }, input.main)]),
    footer,
  ]);
  const tree: Root = {
    type: 'root',
    children: [{ type: 'doctype' }, h('html', { lang: plan.settings.lang, dataRoot: input.depth === 1 ? '../' : '' }, [head, body])],
  };
  return `${toHtml(tree)}\n`;
}

