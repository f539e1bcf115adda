import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { ROOT } from './source-files';

interface NestProject {
  type: 'application' | 'library';
  root: string;
  sourceRoot: string;
}

const folders = (kind: 'apps' | 'libs'): string[] =>
  readdirSync(join(ROOT, kind), { withFileTypes: true })
    .filter((entry) => entry.isDirectory())
    .map((entry) => entry.name);

describe('every Nest project is declared', () => {
  const nestCli = JSON.parse(readFileSync(join(ROOT, 'nest-cli.json'), 'utf8')) as {
    projects: Record<string, NestProject>;
  };
  const declared = Object.entries(nestCli.projects).map(([name, p]) => ({ name, ...p }));

  it('nest-cli.json lists each server app and each lib, where it is', () => {
    // The console is a Vite app, not a Nest project.
    const apps = folders('apps').filter((name) => name !== 'console');
    const expected = [
      ...apps.map((name) => ({ name, type: 'application', root: `apps/${name}` })),
      ...folders('libs').map((name) => ({ name, type: 'library', root: `libs/${name}` })),
    ].map((p) => ({ ...p, sourceRoot: `${p.root}/src` }));
    const sortByName = <T extends { name: string }>(list: T[]): T[] =>
      [...list].sort((a, b) => a.name.localeCompare(b.name));
    expect(
      sortByName(
        declared.map(({ name, type, root, sourceRoot }) => ({ name, type, root, sourceRoot })),
      ),
    ).toEqual(sortByName(expected));
  });

  it('each lib is reachable as @vafa/<name> in TypeScript and in Jest', () => {
    const tsconfig = JSON.parse(readFileSync(join(ROOT, 'tsconfig.json'), 'utf8')) as {
      compilerOptions: { paths: Record<string, string[]> };
    };
    // jest.shared.js maps each name of its `aliases` list to libs/<name>/src/index.ts.
    const jestAliases = /const aliases = \[([^\]]*)\]/
      .exec(readFileSync(join(ROOT, 'jest.shared.js'), 'utf8'))?.[1]
      ?.match(/'[a-z-]+'/g)
      ?.map((quoted) => quoted.slice(1, -1));
    for (const lib of folders('libs')) {
      expect(tsconfig.compilerOptions.paths[`@vafa/${lib}`]).toEqual([
        `./libs/${lib}/src/index.ts`,
      ]);
      expect(jestAliases).toContain(lib);
    }
  });
});
