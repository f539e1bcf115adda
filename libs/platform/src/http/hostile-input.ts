/** Deeper than any request the API defines (a campaign audience is about six levels). */
export const MAX_INPUT_DEPTH = 32;

const LONE_SURROGATE = /[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/;

export interface HostileInput {
  field: string;
  problem: string;
}

function stringProblem(text: string): string | undefined {
  if (text.includes('\u0000')) {
    return 'must not contain a NUL character';
  }
  if (LONE_SURROGATE.test(text)) {
    return 'must not contain a lone UTF-16 surrogate';
  }
  return undefined;
}

/**
 * The first thing in a request's body, query or path parameters that no handler should meet:
 * nesting deeper than `MAX_INPUT_DEPTH` (recursive validation overflows the stack), a NUL
 * character or a lone surrogate in a string or key (PostgreSQL refuses both in text and jsonb).
 * Walks with its own stack, so the deepest input cannot overflow this either.
 */
export function findHostileInput(root: unknown, rootName: string): HostileInput | undefined {
  const pending: { value: unknown; field: string; depth: number }[] = [
    { value: root, field: rootName, depth: 0 },
  ];
  for (let next = pending.pop(); next !== undefined; next = pending.pop()) {
    const { value, field, depth } = next;
    if (typeof value === 'string') {
      const problem = stringProblem(value);
      if (problem) {
        return { field, problem };
      }
      continue;
    }
    if (typeof value !== 'object' || value === null) {
      continue;
    }
    if (depth >= MAX_INPUT_DEPTH) {
      return { field, problem: `must not be nested more than ${MAX_INPUT_DEPTH} levels deep` };
    }
    for (const [key, inner] of Object.entries(value)) {
      const problem = stringProblem(key);
      if (problem) {
        return { field, problem: `has a key that ${problem}` };
      }
      pending.push({ value: inner, field: `${field}.${key}`, depth: depth + 1 });
    }
  }
  return undefined;
}
