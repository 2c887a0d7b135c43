import type { Command } from 'commander';
import type { RunOutcome } from './action.js';
import { register as registerBranches } from './branches.js';
import { register as registerBuild } from './build.js';
import { register as registerInit } from './init.js';
import { register as registerLint } from './lint.js';
import { register as registerLsp } from './lsp.js';
import { register as registerNew } from './new.js';
import { register as registerReview } from './review.js';
import { register as registerRules } from './rules.js';
import { register as registerServe } from './serve.js';

/** Every command module exports `register(program, outcome)`; the CLI registers them in this order. */
export const commandRegistrations: Array<(program: Command, outcome: RunOutcome) => void> = [registerLint, registerRules, registerBuild, registerServe, registerBranches, registerReview, registerInit, registerNew, registerLsp];
