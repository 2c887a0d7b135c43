import { join, relative } from 'node:path';
import { Argument, type Command } from 'commander';
import { loadConfig } from '../config/load.js';
import { sectionNamingFromConfig } from '../document/section-names.js';
import { UsageError } from '../errors.js';
import { createFileOnly } from '../fs/create-only.js';
import { knownLanguages, primarySubtag } from '../language/registry.js';
import { today } from '../lint/engine.js';
import { loadRules } from '../rules/registry.js';
import { ID_PATTERN, idFromTitle, newDocument, type DocumentType } from '../scaffold/new-document.js';
import { action, type RunOutcome } from './action.js';

interface NewFlags {
  lang?: string;
  branch?: string;
  implements?: string[];
  id?: string;
  config?: string;
}

const collect = (value: string, previous: string[] = []) => [...previous, ...value.split(',').map((item) => item.trim()).filter(Boolean)];

export function register(program: Command, outcome: RunOutcome): void {
  program
    .command('new')
    .description('Write a new policy or procedure with valid frontmatter (status draft, today\'s dates) and the sections its type requires, in its language.')
    .addArgument(new Argument('<type>', 'the kind of document').choices(['policy', 'procedure']))
    .argument('<title>', 'the title, in quotes; the id and the file name come from it')
    .option('--lang <tag>', 'the document\'s language when it is not the repository\'s (fr, hi, mr, ta, te…)')
    .option('--branch <name>', 'a document for one branch, written under branches/<name>/')
    .option('--implements <id>', 'the policy a procedure implements (repeat, or separate with commas)', collect)
    .option('--id <id>', 'the id, when the title does not give one (a title in another script)')
    .option('-c, --config <path>', 'use this config file instead of searching for sop.config.yaml')
    .action(action(outcome, async (type: DocumentType, title: string, flags: NewFlags) => runNew(type, title, flags)));
}

export async function runNew(type: DocumentType, title: string, flags: NewFlags, cwd = process.cwd()): Promise<number> {
  if (title.trim() === '' || /[\u0000-\u001f\u007f-\u009f]/.test(title)) throw new UsageError('The title must be non-empty text without control characters.');
  if (flags.id !== undefined && !ID_PATTERN.test(flags.id)) throw new UsageError(`--id takes a kebab-case id such as "checking-a-delivery" (got "${flags.id}").`);
  if (flags.id === undefined && idFromTitle(title) === '') {
    throw new UsageError(`No id can be made from the title "${title}": give one with --id, for example --id ${type === 'policy' ? 'refund-policy' : 'processing-a-refund'}.`);
  }
  if (flags.lang !== undefined && !/^[A-Za-z]{2,3}(-[A-Za-z0-9]{2,8})*$/.test(flags.lang)) throw new UsageError(`--lang takes a language tag such as fr or hi (got "${flags.lang}").`);
  if (flags.lang !== undefined && !knownLanguages.includes(primarySubtag(flags.lang))) {
    process.stderr.write(`sop: warning: sop has no language data for "${flags.lang}" (it knows ${knownLanguages.join(', ')}); the section headings are in English.\n`);
  }
  if (flags.branch !== undefined && !/^[A-Za-z0-9][A-Za-z0-9._-]*$/.test(flags.branch)) throw new UsageError(`--branch takes a branch name such as pune (letters, digits, . _ -; got "${flags.branch}").`);
  for (const id of flags.implements ?? []) if (!ID_PATTERN.test(id)) throw new UsageError(`--implements takes policy ids such as refund-policy (got "${id}").`);
  const config = loadConfig({ cwd, configPath: flags.config, rules: await loadRules() });
  const defaults = config.defaults as { owner?: string } | undefined;
  const document = newDocument({
    type,
    title: title.trim(),
    id: flags.id,
    lang: flags.lang,
    defaultLang: config.lang,
    branch: flags.branch,
    implements: flags.implements ?? [],
    owner: defaults?.owner,
    date: today(),
    naming: sectionNamingFromConfig(config),
  });
  const path = join(config.root, document.path);
  const shown = relative(cwd, path) || document.path;
  if (!createFileOnly(path, document.text)) throw new UsageError(`${shown} exists; sop new never overwrites a file. Choose another title, or give an --id.`);
  process.stdout.write(`created ${shown} (id ${document.id}, status draft)\n`);
  if (!defaults?.owner) process.stdout.write('The owner is a placeholder (TODO): set defaults.owner in sop.config.yaml, or fill it in.\n');
  return 0;
}
