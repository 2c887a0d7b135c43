import { existsSync, statSync } from 'node:fs';
import { join, relative, resolve } from 'node:path';
import type { Command } from 'commander';
import { UsageError } from '../errors.js';
import { createFileOnly } from '../fs/create-only.js';
import { today } from '../lint/engine.js';
import { initialConfig, INITIAL_SOPIGNORE } from '../scaffold/config-file.js';
import { exampleDocuments } from '../scaffold/example-documents.js';
import { surveyFolder } from '../source/survey.js';
import { action, type RunOutcome } from './action.js';

interface InitFlags {
  example?: boolean;
}

export function register(program: Command, outcome: RunOutcome): void {
  program
    .command('init')
    .description('Start a policy repository: a commented sop.config.yaml (languages and branches found in the folder) and a .sopignore; never overwrites a file.')
    .argument('[folder]', 'the repository folder (default: the current folder)')
    .option('--example', 'also write one policy and one procedure that lint clean')
    .action(action(outcome, async (folder: string | undefined, flags: InitFlags) => runInit(folder, flags)));
}

export async function runInit(folder: string | undefined, flags: InitFlags, cwd = process.cwd()): Promise<number> {
  const root = resolve(cwd, folder ?? '.');
  if (!existsSync(root) || !statSync(root).isDirectory()) throw new UsageError(`${folder ?? root} is not a folder: create it first, or run sop init inside it.`);
  const survey = surveyFolder(root);
  const files = [
    { path: 'sop.config.yaml', text: initialConfig(survey) },
    { path: '.sopignore', text: INITIAL_SOPIGNORE },
    ...(flags.example ? exampleDocuments(today()) : []),
  ];
  const shown = (path: string) => relative(cwd, join(root, path)) || path;
  for (const file of files) {
    if (createFileOnly(join(root, file.path), file.text)) {
      process.stdout.write(`created ${shown(file.path)}\n`);
    } else {
      process.stdout.write(`kept    ${shown(file.path)} (it exists; sop init never overwrites a file)\n`);
    }
  }
  const found = [
    `${survey.markdownFiles} Markdown file${survey.markdownFiles === 1 ? '' : 's'}`,
    survey.languages.size > 0 ? `languages ${[...survey.languages.keys()].sort().join(', ')}` : undefined,
    survey.branches.length > 0 ? `branches ${survey.branches.join(', ')}` : undefined,
  ].filter(Boolean);
  process.stdout.write(`\nFound ${found.join('; ')}.\nNext: sop new procedure "Your first procedure", then sop lint${folder ? ` ${folder}` : ''}.\n`);
  return 0;
}
