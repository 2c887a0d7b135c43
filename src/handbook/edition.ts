import type { ResolvedConfig } from '../types.js';
import { renderManifest } from './render/manifest.js';
import { renderMarkdown } from './render/markdown.js';
import { destinationPages, normalisePdf, type PdfPrinter } from './render/pdf.js';
import { renderSingle } from './render/single.js';
import { renderSite, type StaticAssets } from './render/site.js';
import type { Progress } from './progress.js';
import type { MediaRef } from './transform/references.js';
import type { TransformedWithMedia } from './transform/document.js';
import type { TransformCache } from './transform/cache.js';
import { comparableDocs, type ComparableDoc } from './changes.js';
import type { BuildFormat, ChangeReport, EditionPlan, OutputFile, TransformedDoc } from './types.js';

/** Reads a local image for the handbook; undefined when it is missing (the build warns). */
export type MediaReader = (ref: MediaRef) => { bytes: Uint8Array; type: string } | undefined;

export interface EditionRenderInput {
  plan: EditionPlan;
  config: ResolvedConfig;
  formats: readonly BuildFormat[];
  assets: StaticAssets;
  readMedia: MediaReader;
  printer?: PdfPrinter;
  /** Compares the edition with an earlier one, given its documents' steps (`--since`, `--previous`). */
  compare?: (current: ComparableDoc[]) => ChangeReport | undefined;
  /** Bodies already transformed for other editions of this build. */
  cache: TransformCache;
  progress: Progress;
  warn(message: string): void;
}

/** File names of the one-file formats inside an edition folder. */
export const FORMAT_FILES = { single: 'handbook.html', md: 'handbook.md', json: 'manifest.json', pdf: 'handbook.pdf' } as const;

/** Transforms an edition's documents and renders each requested format; files are relative to the edition folder. */
export async function renderEdition(input: EditionRenderInput): Promise<OutputFile[]> {
  const { plan, formats, progress } = input;
  const bodies = new Map<string, TransformedDoc>();
  const media = new Map<string, MediaRef>();
  progress.stage(`${plan.folder || 'base edition'}: transforming documents`);
  plan.docs.forEach((doc, index) => {
    let transformed: TransformedWithMedia;
    try {
      transformed = input.cache.transform(doc, plan, input.config);
    } catch (error) {
      // One document the renderer cannot take never stops the build: its page says so, and stderr too.
      const why = error instanceof Error ? error.message : String(error);
      input.warn(`${doc.record.filePath}: could not be prepared for the handbook (${why}); its page says so.`);
      transformed = unrenderableBody(doc.anchor, why);
    }
    for (const ref of transformed.media) media.set(ref.output, ref);
    bodies.set(doc.anchor, transformed);
    progress.count(index + 1, plan.docs.length);
  });

  if (input.compare) plan.changes = input.compare(comparableDocs(plan, (doc) => bodies.get(doc.anchor)!.steps.map((step) => step.text)));

  const mediaFiles = new Map<string, { bytes: Uint8Array; type: string }>();
  for (const ref of [...media.values()].sort((a, b) => (a.output < b.output ? -1 : 1))) {
    const file = input.readMedia(ref);
    if (file) mediaFiles.set(ref.output, file);
    else input.warn(`Image not found: ${ref.source} (shown in the handbook as a broken image).`);
  }

  const content = { plan, bodies };
  const files: OutputFile[] = [];
  const wantsFolderMedia = formats.includes('site') || formats.includes('md');
  if (formats.includes('site')) {
    progress.stage(`${plan.folder || 'base edition'}: rendering the site`);
    for (const file of renderSite(content, input.assets)) files.push(file);
  }
  if (wantsFolderMedia) for (const [path, file] of mediaFiles) files.push({ path, content: file.bytes });
  if (formats.includes('single')) files.push({ path: FORMAT_FILES.single, content: renderSingle(content, { css: input.assets.css, media: mediaFiles }) });
  if (formats.includes('md')) files.push({ path: FORMAT_FILES.md, content: renderMarkdown(content) });
  if (formats.includes('json')) files.push({ path: FORMAT_FILES.json, content: renderManifest(plan, bodies) });
  if (formats.includes('pdf')) {
    if (!input.printer) throw new Error('The pdf format needs a printer.');
    progress.stage(`${plan.folder || 'base edition'}: printing the PDF`);
    // Two passes: the first finds the page each entry of the contents starts on, the second prints them.
    const first = await input.printer.print(renderSingle(content, { css: input.assets.css, media: mediaFiles, withPageSlots: true }));
    const pageNumbers = destinationPages(first);
    const second = await input.printer.print(renderSingle(content, { css: input.assets.css, media: mediaFiles, pageNumbers }));
    files.push({ path: FORMAT_FILES.pdf, content: normalisePdf(second, plan.buildDate) });
  }
  return files.map((file) => ({ ...file, path: plan.folder ? `${plan.folder}/${file.path}` : file.path }));
}

/** The body of a document whose transform failed: one paragraph saying so, in every format. */
function unrenderableBody(anchor: string, why: string): TransformedWithMedia {
  const text = `This document could not be prepared for the handbook (${why}). Read it in the repository.`;
  return {
    anchor,
    body: { type: 'root', children: [{ type: 'element', tagName: 'p', properties: {}, children: [{ type: 'text', value: text }] }] },
    sections: [],
    intro: text,
    media: [],
    steps: [],
    markdown: text.replace(/[\\`*_[\]<>#]/g, (c) => `\\${c}`),
    markdownHeadings: [],
  };
}
