import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { loadConfig } from '../src/config/load.js';
import { lint } from '../src/lint/engine.js';
import { loadRules } from '../src/rules/registry.js';

const rules = await loadRules();
const folders: string[] = [];
afterAll(() => {
  for (const folder of folders) rmSync(folder, { recursive: true, force: true });
});

const FRONTMATTER = `---
id: fix-test
title: Fix test
type: procedure
owner: Customer Service Manager
status: draft
version: 1.0.0
last_reviewed: 2026-01-10
---
`;

/** Lints `body` as one document with only `ruleId` on, in a folder with the given config, applying fixes in memory. */
async function fixOnce(ruleId: string, body: string, configYaml = '') {
  const cwd = mkdtempSync(join(tmpdir(), 'sop-lexical-'));
  folders.push(cwd);
  writeFileSync(join(cwd, 'sop.config.yaml'), configYaml || 'lang: en\n');
  const config = loadConfig({ cwd, rules });
  const report = await lint({
    cwd,
    config,
    stdin: { text: body, filename: 'doc.md' },
    onlyRules: [ruleId],
    fixDryRun: true,
    asOf: '2026-06-01',
  });
  const result = report.results[0];
  return { output: result.output ?? body, messages: result.messages.filter((m) => m.ruleId === ruleId) };
}

/** Fixes twice: the second pass must change nothing and leave no fixable finding. */
async function expectIdempotent(ruleId: string, body: string, configYaml?: string) {
  const first = await fixOnce(ruleId, body, configYaml);
  const second = await fixOnce(ruleId, first.output, configYaml);
  expect(second.output).toBe(first.output);
  expect(second.messages.filter((m) => m.fix)).toEqual([]);
  return first;
}

describe('wordy-phrase --fix', () => {
  it('keeps the capitalisation of the words it replaces and is idempotent', async () => {
    const body = `${FRONTMATTER}
## Purpose

In order to help, check the receipt prior to the refund. IN ORDER TO COMPLY, log it.
A number of customers call, but the number of calls is falling. The majority of the calls are short.
Agents utilise the refund screen in
order to find the order. Staff are able to refund due to the fact that the card is valid.
`;
    const { output } = await expectIdempotent('wordy-phrase', body);
    expect(output).toContain('To help, check the receipt before the refund. TO COMPLY, log it.');
    expect(output).toContain('Some customers call, but the number of calls is falling. Most of the calls are short.');
    expect(output).toContain('Agents use the refund screen to find the order. Staff can refund because the card is valid.');
  });

  it('reports but does not fix a phrase broken by markup or one whose rewrite depends on the sentence', async () => {
    const body = `${FRONTMATTER}
## Purpose

Use the screen in *order to* find it. In the case of a refund, ask for the card.
`;
    const { output, messages } = await fixOnce('wordy-phrase', body);
    expect(output).toBe(body);
    expect(messages.map((m) => m.message)).toEqual([
      '“in order to” is wordy: write “to”.',
      '“In the case of” is wordy: write “for” or “if there is”.',
    ]);
  });

  it('leaves quoted phrases, code and the frontmatter alone', async () => {
    const body = `---
id: fix-test
title: In order to help
type: procedure
owner: Customer Service Manager
status: draft
version: 1.0.0
last_reviewed: 2026-01-10
---

## Purpose

Never write “in order to”. Run \`sop --in-order-to\`.

\`\`\`text
In order to help, prior to the refund.
\`\`\`
`;
    const { output, messages } = await fixOnce('wordy-phrase', body);
    expect(messages).toEqual([]);
    expect(output).toBe(body);
  });
});

describe('terminology --fix', () => {
  const glossary = `lang: en
glossary:
  customer: [client, patron]
  receipt: [till slip]
  team leader: [supervisor, CSR lead]
  staff: [employee]
  agent: [representative]
  ग्राहक: [कस्टमर]
`;

  it('replaces avoided terms in kind (case, plural, possessive, article) and is idempotent', async () => {
    const body = `${FRONTMATTER}
## Client refunds

Clients show the till slip, and the client's card is refunded. CLIENT RECORDS stay.
Ask a representative; the clients’ bags are checked by the CSR lead. Give the till slips back.
Employees wear a badge.

| Role | Duty |
|---|---|
| Supervisor | Approves |
`;
    const { output } = await expectIdempotent('terminology', body, glossary);
    expect(output).toContain('## Customer refunds');
    expect(output).toContain("Customers show the receipt, and the customer's card is refunded. CUSTOMER RECORDS stay.");
    expect(output).toContain('Ask an agent; the customers’ bags are checked by the team leader. Give the receipts back.');
    expect(output).toContain('Staff wear a badge.');
    expect(output).toContain('| Team leader | Approves |');
  });

  it('does not fix a countable word into an uncountable term, but reports it', async () => {
    const body = `${FRONTMATTER}
## Purpose

An employee logs the call.
`;
    const { output, messages } = await fixOnce('terminology', body, glossary);
    expect(output).toBe(body);
    expect(messages.map((m) => m.message)).toEqual(['“employee” is not the glossary term: write “staff”.']);
  });

  it('fixes terms in other scripts, and leaves Latin-script terms alone in a document in another language', async () => {
    const hindi = `---
id: fix-test
title: धनवापसी
type: procedure
lang: hi
owner: Customer Service Manager
status: draft
version: 1.0.0
last_reviewed: 2026-01-10
---

## उद्देश्य

कर्मचारी हर कस्टमर को रसीद देते हैं।
`;
    const fixedHindi = await expectIdempotent('terminology', hindi, glossary);
    expect(fixedHindi.output).toContain('कर्मचारी हर ग्राहक को रसीद देते हैं।');
    const french = hindi.replace('lang: hi', 'lang: fr').replace('कर्मचारी हर कस्टमर को रसीद देते हैं।', 'Le client présente son ticket au superviseur.');
    const fixedFrench = await fixOnce('terminology', french, glossary);
    expect(fixedFrench.messages).toEqual([]);
    expect(fixedFrench.output).toBe(french);
  });
});
