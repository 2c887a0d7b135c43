#!/usr/bin/env node
// npm run accuracy: measures the prose rules on test/accuracy/ and rewrites test/accuracy/RESULTS.md.
// It measures the compiled code, so `npm run accuracy` builds first.
import { loadConfig } from '../dist/src/config/load.js';
import { writeFileAtomic } from '../dist/src/fs/atomic-write.js';
import { languageFile } from '../dist/src/language/registry.js';
import { lint } from '../dist/src/lint/engine.js';
import { loadRules } from '../dist/src/rules/registry.js';
import { measure, renderResults, resultsPath } from './accuracy-measure.mjs';

const text = renderResults(await measure({ lint, loadConfig, loadRules, languageFile }));
writeFileAtomic(resultsPath, text);
process.stdout.write(text);
