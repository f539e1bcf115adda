import { describe, expect, it } from 'vitest';
import { diffJson, flatten } from '../src/pages/audit-log/json-diff';

describe('flatten', () => {
  it('names nested leaves by dotted path, array items by index', () => {
    expect([...flatten({ a: 1, b: { c: 'x', d: [true, null] }, e: [], f: {} })]).toEqual([
      ['a', '1'],
      ['b.c', '"x"'],
      ['b.d.0', 'true'],
      ['b.d.1', 'null'],
      ['e', '[]'],
      ['f', '{}'],
    ]);
  });
});

describe('diffJson', () => {
  it('marks changed, unchanged, added and removed fields', () => {
    const rows = diffJson(
      { code: 'gold', name: 'Gold', benefits: { multiplier: 1.5 }, old: 1 },
      { code: 'gold', name: 'Gold+', benefits: { multiplier: 2 }, extra: 'y' },
    );
    expect(rows).toEqual([
      { path: 'code', before: '"gold"', after: '"gold"', kind: 'same' },
      { path: 'name', before: '"Gold"', after: '"Gold+"', kind: 'changed' },
      { path: 'benefits.multiplier', before: '1.5', after: '2', kind: 'changed' },
      { path: 'extra', before: undefined, after: '"y"', kind: 'added' },
      { path: 'old', before: '1', after: undefined, kind: 'removed' },
    ]);
  });

  it('treats a creation as all added and a deletion as all removed', () => {
    expect(diffJson(null, { a: 1 })).toEqual([
      { path: 'a', before: undefined, after: '1', kind: 'added' },
    ]);
    expect(diffJson({ a: 1 }, null)).toEqual([
      { path: 'a', before: '1', after: undefined, kind: 'removed' },
    ]);
  });

  it('sees a value that became an object as changed leaves', () => {
    expect(diffJson({ a: null }, { a: { b: 2 } }).map((row) => [row.path, row.kind])).toEqual([
      ['a.b', 'added'],
      ['a', 'removed'],
    ]);
  });
});
