import { readFile, writeFile } from 'node:fs/promises';
import { existsSync } from 'node:fs';
import { dirname, join } from 'node:path';
import type { DataSource } from 'typeorm';

/** The project folder (the source tree, whether running from src or from dist). */
function projectRoot(from = __dirname): string {
  return existsSync(join(from, 'nest-cli.json')) ? from : projectRoot(dirname(from));
}

const escape = (sql: string): string =>
  sql.replace(/\\/g, '\\\\').replace(/`/g, '\\`').replace(/\$\{/g, '\\${');

/**
 * Writes a migration with the SQL that brings the database (already migrated) to the entities,
 * and appends it to migrations/index.ts. Returns null when nothing changed.
 */
export async function generateMigration(
  dataSource: DataSource,
  name: string,
): Promise<string | null> {
  const sql = await dataSource.driver.createSchemaBuilder().log();
  if (sql.upQueries.length === 0) {
    return null;
  }
  const timestamp = Date.now();
  const className = `${name.replace(/[^A-Za-z0-9]/g, '')}${timestamp}`;
  const fileName = `${timestamp}-${name.replace(/[^A-Za-z0-9]+/g, '-')}`;
  const up = sql.upQueries
    .map((q) => `    await queryRunner.query(\`${escape(q.query)}\`);`)
    .join('\n');
  const down = [...sql.downQueries]
    .reverse()
    .map((q) => `    await queryRunner.query(\`${escape(q.query)}\`);`)
    .join('\n');
  const source = `import { MigrationInterface, QueryRunner } from 'typeorm';

export class ${className} implements MigrationInterface {
  name = '${className}';

  public async up(queryRunner: QueryRunner): Promise<void> {
${up}
  }

  public async down(queryRunner: QueryRunner): Promise<void> {
${down}
  }
}
`;
  await writeFile(join(projectRoot(), 'migrations', `${fileName}.ts`), source);
  const indexPath = join(projectRoot(), 'migrations', 'index.ts');
  const index = await readFile(indexPath, 'utf8');
  const lines = index.split('\n');
  const lastImport = lines.reduce((last, line, i) => (line.startsWith('import ') ? i : last), -1);
  lines.splice(lastImport + 1, 0, `import { ${className} } from './${fileName}';`);
  const withImport = lines.join('\n');
  await writeFile(
    indexPath,
    withImport.replace(/export const MIGRATIONS = \[([\s\S]*?)\];/, (_, list: string) => {
      const items = list
        .split(',')
        .map((s) => s.trim())
        .filter(Boolean);
      return `export const MIGRATIONS = [\n${[...items, className].map((i) => `  ${i},`).join('\n')}\n];`;
    }),
  );
  return fileName;
}
