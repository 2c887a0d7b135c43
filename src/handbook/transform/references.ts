import { createHash } from 'node:crypto';
import { posix } from 'node:path';
import type { Definition, Image, Link, Nodes, PhrasingContent, Root } from 'mdast';
import { toString } from 'mdast-util-to-string';
import { SKIP, visit } from 'unist-util-visit';
import type { EditionPlan } from '../types.js';
import { elementId, resolveLink } from './links.js';

/** A local image a document shows: copied into the handbook's `media/` folder. */
export interface MediaRef {
  /** Path of the image relative to the working folder. */
  source: string;
  /** Path inside the edition folder. */
  output: string;
}

const IMAGE_TYPES = new Set(['.png', '.jpg', '.jpeg', '.gif', '.svg', '.webp', '.avif']);

/** Reference-style links and images (`[text][ref]`) become inline ones, so one pass resolves them all. */
export function inlineReferences(tree: Root): void {
  const definitions = new Map<string, Definition>();
  visit(tree, 'definition', (node) => {
    if (!definitions.has(node.identifier)) definitions.set(node.identifier, node);
  });
  visit(tree, (node, index, parent) => {
    if ((node.type !== 'linkReference' && node.type !== 'imageReference') || !parent || index === undefined) return;
    const definition = definitions.get(node.identifier);
    if (!definition) return;
    const replacement: Link | Image =
      node.type === 'linkReference'
        ? { type: 'link', url: definition.url, title: definition.title, children: node.children, position: node.position }
        : { type: 'image', url: definition.url, title: definition.title, alt: node.alt, position: node.position };
    parent.children[index] = replacement as never;
  });
  tree.children = tree.children.filter((node) => node.type !== 'definition');
}

/**
 * Points every link at its place in the edition: a cross-reference by path or id becomes a link to the
 * target's anchor, left empty when the link has no text of its own (the renderer writes the target's
 * number and title there);
 * a link to a document outside the edition becomes text with a note. Local images are collected for
 * copying; remote images become links, so the handbook makes no request to another site.
 */
export function rewriteReferences(
  tree: Root,
  context: { anchor: string; filePath: string; plan: Pick<EditionPlan, 'targets'>; localIds: ReadonlySet<string>; notInEdition: string; linkRemoved: string },
): MediaRef[] {
  const media = new Map<string, MediaRef>();
  visit(tree, (node: Nodes, index, parent) => {
    if (!parent || index === undefined) return;
    if (node.type === 'link') {
      parent.children[index] = rewriteLink(node, context) as never;
      return SKIP;
    }
    if (node.type === 'image') {
      const replacement = rewriteImage(node, context.filePath, media);
      if (replacement) parent.children[index] = replacement as never;
      return SKIP;
    }
    return undefined;
  });
  return [...media.values()];
}

function rewriteLink(node: Link, context: Parameters<typeof rewriteReferences>[1]): PhrasingContent {
  const written = toString(node).trim();
  const target = resolveLink(node.url, context.filePath, context.plan, context.localIds);
  const repeatsAddress = written === '' || written === node.url || written === node.url.replace(/^#/, '');
  switch (target.kind) {
    case 'document':
      // The target's number and title are filled in when the edition is rendered (fillReferences):
      // they differ between editions, the rest of the body does not.
      return {
        ...node,
        url: `#${elementId(target.target.anchor, target.fragment)}`,
        children: repeatsAddress ? [] : node.children,
        data: { ...node.data, hProperties: { className: ['sop-xref'] } },
      };
    case 'local':
      return { ...node, url: `#${elementId(context.anchor, target.fragment)}` };
    case 'excluded': {
      const label = repeatsAddress ? target.title : written;
      return textNote(`${label} (${context.notInEdition}: ${target.reason})`, `${target.id}: ${target.reason}`);
    }
    case 'unresolved':
      return textNote(repeatsAddress ? target.url : written, /^[a-z][a-z0-9+.-]*:/i.test(target.url) ? context.linkRemoved : target.url);
    case 'external':
      return node;
  }
}

function textNote(text: string, title: string): PhrasingContent {
  return {
    type: 'emphasis',
    data: { hName: 'span', hProperties: { className: ['sop-unresolved'], title } },
    children: [{ type: 'text', value: text }],
  };
}

/** Where an image of a document comes from: another site (never fetched), the repository (copied), or nowhere usable. */
export type ImageSource = { kind: 'remote'; url: string } | { kind: 'local'; ref: MediaRef } | { kind: 'unusable' };

export function imageSource(written: string, fromFile: string): ImageSource {
  const url = written.trim();
  if (/^https?:|^\/\//i.test(url)) return { kind: 'remote', url: url.startsWith('//') ? `https:${url}` : url };
  if (/^[a-z][a-z0-9+.-]*:/i.test(url) || url.startsWith('/')) return { kind: 'unusable' };
  let path: string;
  try {
    path = decodeURIComponent(url.split(/[?#]/)[0]);
  } catch {
    return { kind: 'unusable' };
  }
  const source = posix.normalize(posix.join(posix.dirname(fromFile), path));
  const extension = posix.extname(source).toLowerCase();
  // Only images. The path is the document's folder joined with what it wrote, so it may start with
  // `../` when the repository is built from outside it; whether it lies inside the repository is
  // checked on its real path when the build reads it (contained-file.ts), symlinks included.
  if (!IMAGE_TYPES.has(extension) || posix.isAbsolute(source)) return { kind: 'unusable' };
  const output = `media/${createHash('sha256').update(source).digest('hex').slice(0, 16)}${extension}`;
  return { kind: 'local', ref: { source, output } };
}

function rewriteImage(node: Image, fromFile: string, media: Map<string, MediaRef>): PhrasingContent | undefined {
  const source = imageSource(node.url, fromFile);
  if (source.kind === 'remote') return { type: 'link', url: source.url, children: [{ type: 'text', value: node.alt || source.url }] };
  if (source.kind === 'unusable') return { type: 'text', value: node.alt || '' };
  media.set(source.ref.output, source.ref);
  return { ...node, url: source.ref.output };
}
