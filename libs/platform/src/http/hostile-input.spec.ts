import { findHostileInput, MAX_INPUT_DEPTH } from './hostile-input';

describe('findHostileInput', () => {
  const nested = (levels: number): unknown => {
    let value: unknown = 'leaf';
    for (let i = 0; i < levels; i++) {
      value = { a: [value] };
    }
    return value;
  };

  it('passes ordinary input, including emoji (surrogate pairs)', () => {
    expect(
      findHostileInput({ name: 'Sara 😀', lines: [{ sku: 'S', quantity: 1 }] }, 'body'),
    ).toBeUndefined();
    expect(findHostileInput(undefined, 'body')).toBeUndefined();
    expect(findHostileInput(nested(MAX_INPUT_DEPTH / 2), 'body')).toBeUndefined();
  });

  it('finds nesting past the limit without overflowing its own stack', () => {
    expect(findHostileInput(nested(100_000), 'body')?.problem).toContain('nested');
  });

  it.each([
    ['a NUL', { a: ['x\u0000'] }, 'body.a.0', 'NUL'],
    ['a lone high surrogate', { a: '\uD800x' }, 'body.a', 'surrogate'],
    ['a lone low surrogate', { a: 'x\uDC00' }, 'body.a', 'surrogate'],
    ['a NUL in a key', { 'k\u0000': 1 }, 'body', 'key'],
  ])('finds %s and says where', (_case, input, field, problem) => {
    const found = findHostileInput(input, 'body');
    expect(found?.field).toBe(field);
    expect(found?.problem).toContain(problem);
  });
});
