import { basename } from 'node:path';
import { serverSourceFiles } from './source-files';

/** The role suffixes a server file may have (issue 16); Nest plumbing keeps Nest's own names. */
const VOCABULARY = [
  'controller',
  'usecase',
  'query',
  'repository',
  'job',
  'listener',
  'seam',
  'dto',
  'entity',
  'errors',
  'module',
  // Nest plumbing
  'guard',
  'filter',
  'interceptor',
  'middleware',
  'pipe',
  'strategy',
  'decorators',
  'provider',
  'logger',
  'command',
];

const roleOf = (path: string): string | null => {
  const stem = basename(path, '.ts');
  const dot = stem.lastIndexOf('.');
  return dot < 0 ? null : stem.slice(dot + 1);
};

const NEST_ROLE = /@(Injectable|Controller|Module)\(/;

describe('file vocabulary', () => {
  const files = serverSourceFiles();

  it('gives every server file a role suffix from the vocabulary, or a plain name', () => {
    const outside = files
      .map((file) => ({ path: file.path, role: roleOf(file.path) }))
      .filter(({ role }) => role !== null && !VOCABULARY.includes(role))
      .map(({ path, role }) => `${path} (.${role})`);
    expect(outside).toEqual([]);
  });

  it('gives every Nest provider, controller and module a role suffix', () => {
    const unnamed = files
      .filter((file) => NEST_ROLE.test(file.text) && roleOf(file.path) === null)
      .filter((file) => !['index.ts', 'main.ts'].includes(basename(file.path)))
      .map((file) => file.path);
    expect(unnamed).toEqual([]);
  });
});
