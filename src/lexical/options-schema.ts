/**
 * Option schemas shared by the lexical rules, so every list-based rule is configured the same way:
 * `add` (a phrase, or an object with the phrase and its message parts) and `remove` (phrases).
 */
export function phraseListOptionsSchema(entryProperties: Record<string, unknown>): Record<string, unknown> {
  return {
    type: 'object',
    additionalProperties: false,
    properties: {
      add: {
        type: 'array',
        items: {
          oneOf: [
            { type: 'string', minLength: 1 },
            {
              type: 'object',
              additionalProperties: false,
              required: ['phrase'],
              properties: { phrase: { type: 'string', minLength: 1 }, ...entryProperties },
            },
          ],
        },
      },
      remove: { type: 'array', items: { type: 'string' } },
    },
  };
}

/** `{max}`: the one option of the length rules. */
export const maxOptionSchema: Record<string, unknown> = {
  type: 'object',
  additionalProperties: false,
  properties: { max: { type: 'integer', minimum: 1 } },
};
