import type { FolderSurvey } from '../source/survey.js';
import { languageInfo } from '../language/registry.js';

/** The language most documents use (ties: the alphabetically first), English when none says. */
export function mainLanguage(survey: FolderSurvey): string {
  let best: [string, number] | undefined;
  for (const [lang, count] of [...survey.languages].sort(([a], [b]) => (a < b ? -1 : 1))) {
    if (!best || count > best[1]) best = [lang, count];
  }
  return best?.[0] ?? 'en';
}

const yamlList = (items: readonly string[]) => `[${items.map((item) => (/^[A-Za-z0-9][A-Za-z0-9 ._-]*$/.test(item) ? item : JSON.stringify(item))).join(', ')}]`;

/** A commented `sop.config.yaml` for the folder `sop init` surveyed: what it found, and where to go next. */
export function initialConfig(survey: FolderSurvey): string {
  const lang = mainLanguage(survey);
  const others = [...survey.languages.keys()].filter((tag) => tag !== lang).sort();
  const nameOf = (tag: string) => languageInfo(tag)?.name ?? tag;
  const lines = [
    '# Settings for `sop lint` and `sop build`, written by `sop init`. Paths are relative to this file.',
    '# Every key is optional; `sop lint --print-config <file>` shows what applies to a file.',
    '',
    `# Documents without a \`lang\` field are in ${nameOf(lang)}.`,
    `lang: ${lang}`,
  ];
  if (others.length > 0) {
    lines.push(
      `# Also found: ${others.map((tag) => `${nameOf(tag)} (${tag})`).join(', ')}. Those documents keep their own \`lang\` field;`,
      '# or give a whole folder its language:',
      '# overrides:',
      `#   - files: ["${others[0]}/**"]`,
      `#     lang: ${others[0]}`,
    );
  }
  lines.push(
    '',
    '# Markdown files that are not policies or procedures.',
    'ignore:',
    '  - README.md',
    '  - "**/README.md"',
  );
  if (survey.readmes.length > 0) lines.push(`# (found: ${survey.readmes.slice(0, 5).join(', ')}${survey.readmes.length > 5 ? ', …' : ''})`);
  lines.push(
    '',
    '# Defaults for `sop new`: the owner of a new document until someone else takes it.',
    '# defaults:',
    '#   owner: Operations Manager',
    '',
    '# Every document is reviewed at least once a year, unless it sets `review_interval` or `review_by`.',
    'review:',
    '  interval: 12 months',
  );
  if (survey.branches.length > 0) {
    lines.push(
      '',
      '# Branches (found in branches/), and the sections a branch variant may change freely.',
      'uniformity:',
      `  branches: ${yamlList(survey.branches)}`,
      '  localSections: [Local information]',
    );
  }
  lines.push(
    '',
    '# Preferred terms and the words to avoid (rule terminology):',
    '# glossary:',
    '#   customer:',
    '#     avoid: [client]',
    '#     definition: A person who buys from us.',
    '',
    '# The handbook `sop build` publishes.',
    'build:',
    '  title: Handbook',
    '  # organisation: Your organisation',
    '',
    '# Rule severities (off, warn, error) and options; `sop rules` lists them.',
    '# rules:',
    '#   readability: warn',
    '',
  );
  return lines.join('\n');
}

/** `.sopignore`: gitignore-style paths that neither `sop lint` nor `sop build` read. */
export const INITIAL_SOPIGNORE = [
  '# Paths sop lint and sop build skip (gitignore-style; one per line).',
  'node_modules/',
  '# The handbook sop build writes (if you build into the repository):',
  'handbook/',
  '',
].join('\n');
