export type DiffKind = 'same' | 'changed' | 'added' | 'removed';

export interface DiffRow {
  /** Dotted path of a leaf: `benefits.multiplier`, `rules.0.points`. */
  path: string;
  /** The leaf as JSON text; undefined where that side has no such field. */
  before: string | undefined;
  after: string | undefined;
  kind: DiffKind;
}

function isContainer(value: unknown): value is Record<string, unknown> | unknown[] {
  return typeof value === 'object' && value !== null;
}

/** Every leaf of a JSON value by its dotted path; an empty object or array is a leaf itself. */
export function flatten(value: unknown, prefix = '', into = new Map<string, string>()) {
  if (isContainer(value) && Object.keys(value).length > 0) {
    for (const [key, child] of Object.entries(value)) {
      flatten(child, prefix ? `${prefix}.${key}` : key, into);
    }
  } else if (prefix !== '' || value !== undefined) {
    into.set(prefix, JSON.stringify(value));
  }
  return into;
}

/**
 * Before and after side by side, field by field, in the order the fields appear (after's order,
 * then fields only before had); a creation (before null) has every field added, a deletion removed.
 */
export function diffJson(before: unknown, after: unknown): DiffRow[] {
  const left =
    before === null || before === undefined ? new Map<string, string>() : flatten(before);
  const right = after === null || after === undefined ? new Map<string, string>() : flatten(after);
  const paths = [...right.keys(), ...[...left.keys()].filter((path) => !right.has(path))];
  return paths.map((path) => {
    const b = left.get(path);
    const a = right.get(path);
    const kind: DiffKind =
      b === undefined ? 'added' : a === undefined ? 'removed' : a === b ? 'same' : 'changed';
    return { path, before: b, after: a, kind };
  });
}
