import type { Brand } from '../types.js';

/**
 * The brand's rules, appended after the handbook's stylesheet: the accent colour (links, heading
 * rules, the cover), lightened for the dark theme so links stay readable, then the organisation's
 * own stylesheet, which therefore wins over both.
 */
export function brandStyle(brand: Brand): string {
  const rules: string[] = [];
  if (brand.accentColor) {
    // The colour passed the config schema's pattern (hex, rgb/hsl or a name): nothing in it can end a rule.
    const accent = brand.accentColor;
    const dark = `color-mix(in srgb, ${accent} 55%, white)`;
    rules.push(
      `/* build.accentColor */`,
      `:root { --accent: ${accent}; --accent-soft: color-mix(in srgb, ${accent} 12%, white); }`,
      `@media (prefers-color-scheme: dark) { :root:not([data-theme="light"]) { --accent: ${dark}; --accent-soft: color-mix(in srgb, ${accent} 30%, black); } }`,
      `:root[data-theme="dark"] { --accent: ${dark}; --accent-soft: color-mix(in srgb, ${accent} 30%, black); }`,
      `@media print { :root { --accent: ${accent}; } }`,
    );
  }
  if (brand.css) rules.push('/* build.css */', brand.css);
  return rules.length ? `\n${rules.join('\n')}\n` : '';
}
