import type { BuildSettings } from '../types.js';

/**
 * How staff read an id: "contact-centre-agent" → "Contact centre agent". Hyphens and underscores
 * become spaces and the first letter is capitalised; nothing else changes, so "it-desk" stays
 * "It desk": the config's `names` gives the exact words.
 */
export function humanise(id: string): string {
  const words = id.replace(/[-_]+/g, ' ').replace(/\s+/g, ' ').trim();
  return words ? words.charAt(0).toLocaleUpperCase('en') + words.slice(1) : id;
}

/** The name of an audience, channel or branch: the config's `names`, else the id humanised. */
export function displayName(settings: Pick<BuildSettings, 'names'>, id: string): string {
  return settings.names.get(id) ?? humanise(id);
}

export function displayNames(settings: Pick<BuildSettings, 'names'>, ids: readonly string[]): string {
  return ids.map((id) => displayName(settings, id)).join(', ');
}
