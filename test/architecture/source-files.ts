import { readdirSync, readFileSync } from 'node:fs';
import { join, relative, sep } from 'node:path';

export const ROOT = join(__dirname, '..', '..');

export interface SourceFile {
  /** Path from the repository root, with forward slashes. */
  path: string;
  /** `libs/<name>` or `apps/<name>`. */
  project: string;
  text: string;
}

function walk(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const full = join(dir, entry.name);
    if (entry.isDirectory()) {
      return walk(full);
    }
    return entry.name.endsWith('.ts') ? [full] : [];
  });
}

/** The server-side TypeScript of every lib and app (the console is a separate world). */
export function serverSourceFiles(options: { withTests?: boolean } = {}): SourceFile[] {
  const projects = ['libs', 'apps'].flatMap((kind) =>
    readdirSync(join(ROOT, kind))
      .filter((name) => !(kind === 'apps' && name === 'console'))
      .map((name) => `${kind}/${name}`),
  );
  return projects.flatMap((project) =>
    walk(join(ROOT, project, 'src'))
      .map((full) => relative(ROOT, full).split(sep).join('/'))
      .filter((path) => options.withTests === true || !path.endsWith('.spec.ts'))
      .map((path) => ({ path, project, text: readFileSync(join(ROOT, path), 'utf8') })),
  );
}

/** The migrations (the only place the schema, views included, is made). */
export function migrationSourceFiles(): SourceFile[] {
  return readdirSync(join(ROOT, 'migrations'))
    .filter((name) => name.endsWith('.ts') && name !== 'index.ts')
    .map((name) => ({
      path: `migrations/${name}`,
      project: 'migrations',
      text: readFileSync(join(ROOT, 'migrations', name), 'utf8'),
    }));
}

/** Source text without comments, so prose like "update the members" is not read as SQL. */
export function withoutComments(text: string): string {
  return text.replace(/\/\*[\s\S]*?\*\//g, ' ').replace(/(^|[^:'"`])\/\/.*$/gm, '$1');
}
