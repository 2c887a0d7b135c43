#!/usr/bin/env node
// npm run accuracy: measures the prose rules on test/accuracy/ and rewrites test/accuracy/RESULTS.md.
import { writeFileAtomic } from '../dist/src/fs/atomic-write.js';
import { measure, renderResults, resultsPath } from './accuracy-measure.mjs';

const text = renderResults(await measure());
writeFileAtomic(resultsPath, text);
process.stdout.write(text);
