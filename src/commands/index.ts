import type { Command } from 'commander';
import { register as registerLint } from './lint.js';
import { register as registerRules } from './rules.js';

/** Every command module exports `register(program)`; the CLI registers them in this order. */
export const commandRegistrations: Array<(program: Command) => void> = [registerLint, registerRules];
