/**
 * The policy and procedure `sop init --example` writes: a small, complete pair that lints clean with every
 * default rule, so a new repository starts from something that passes and shows the conventions.
 */
export function exampleDocuments(date: string): Array<{ path: string; text: string }> {
  return [
    {
      path: 'policies/visitor-policy.md',
      text: `---
id: visitor-policy
title: Visitor policy
type: policy
owner: Office Manager
status: approved
version: 1.0.0
last_reviewed: ${date}
approver: Head of Operations
effective: ${date}
changelog:
  - version: 1.0.0
    date: ${date}
    summary: First version.
---

## Purpose

This policy keeps staff, visitors and our records safe when someone visits the office.

## Scope

It covers every visitor to the office, and every member of staff who invites one.

## Policy

- Every visitor signs in at reception and wears a visitor badge.
- A member of staff meets each visitor at reception and stays with them.
- Visitors do not enter the records room.
`,
    },
    {
      path: 'procedures/signing-in-a-visitor.md',
      text: `---
id: signing-in-a-visitor
title: Signing in a visitor
type: procedure
owner: Office Manager
status: approved
version: 1.0.0
last_reviewed: ${date}
approver: Head of Operations
effective: ${date}
implements: [visitor-policy]
changelog:
  - version: 1.0.0
    date: ${date}
    summary: First version.
---

## Purpose

This procedure sets out how reception signs in a visitor, as the [visitor policy](../policies/visitor-policy.md) requires.

## Scope

It applies to the receptionist on duty and to the member of staff who invited the visitor.

## Procedure

1. Greet the visitor and ask for their name.
2. Find the visit in the visitor book.
3. Give the visitor a badge.
4. Call the member of staff who invited them.
5. Record the time of arrival in the visitor book.
`,
    },
  ];
}
