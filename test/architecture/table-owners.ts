import {
  migrationSourceFiles,
  serverSourceFiles,
  withoutComments,
  type SourceFile,
} from './source-files';

/** Table name → the lib whose entity declares it; entity class name → table name. */
export function tableOwners(files: SourceFile[] = serverSourceFiles()): {
  ownerOf: Map<string, string>;
  tableOfEntity: Map<string, string>;
} {
  const ownerOf = new Map<string, string>();
  const tableOfEntity = new Map<string, string>();
  const entity = /@Entity\(\{\s*name:\s*'([a-z_0-9]+)'(?:(?!@Entity\()[\s\S])*?export class (\w+)/g;
  for (const file of files) {
    for (const [, table = '', entityClass = ''] of file.text.matchAll(entity)) {
      ownerOf.set(table, file.project);
      tableOfEntity.set(entityClass, table);
    }
  }
  return { ownerOf, tableOfEntity };
}

const CREATE_VIEW = /\bCREATE\s+(?:OR\s+REPLACE\s+)?VIEW\s+"?([a-z_][a-z0-9_]*)"?/gi;

/**
 * The views the migrations create: an owner's published read model, which every lib may read
 * and none may write.
 */
export function migrationViews(migrations: SourceFile[] = migrationSourceFiles()): Set<string> {
  const views = new Set<string>();
  for (const migration of migrations) {
    for (const [, name = ''] of withoutComments(migration.text).matchAll(CREATE_VIEW)) {
      views.add(name.toLowerCase());
    }
  }
  return views;
}

/** Who a view belongs to in a TableWrite: nobody writes it. */
export const READ_ONLY_VIEW = 'a view (read only)';

export interface TableWrite {
  file: string;
  writer: string;
  table: string;
  owner: string;
  statement: string;
}

const SQL_WRITE =
  /\b(INSERT\s+INTO|UPDATE|DELETE\s+FROM|TRUNCATE(?:\s+TABLE)?|MERGE\s+INTO|COPY)\s+(?:ONLY\s+)?"?([a-z_][a-z0-9_]*)"?/gi;
const ENTITY_WRITE =
  /\.(insert|update|upsert|delete|save|remove|softDelete|increment|decrement)\(\s*([A-Z]\w+)\b/g;

/**
 * Every write (SQL, or a TypeORM write naming an entity class) to a table another project owns,
 * or to a view.
 */
export function crossProjectWrites(
  files: SourceFile[] = serverSourceFiles(),
  views: Set<string> = migrationViews(),
): TableWrite[] {
  const { ownerOf, tableOfEntity } = tableOwners(files);
  const writes: TableWrite[] = [];
  for (const file of files) {
    const code = withoutComments(file.text);
    const found: { table: string; statement: string }[] = [];
    for (const [, verb = '', name = ''] of code.matchAll(SQL_WRITE)) {
      found.push({ table: name.toLowerCase(), statement: `${verb.toUpperCase()} ${name}` });
    }
    for (const [, method = '', entityClass = ''] of code.matchAll(ENTITY_WRITE)) {
      const table = tableOfEntity.get(entityClass);
      if (table !== undefined) {
        found.push({ table, statement: `.${method}(${entityClass})` });
      }
    }
    for (const { table, statement } of found) {
      const owner = views.has(table) ? READ_ONLY_VIEW : ownerOf.get(table);
      if (owner !== undefined && owner !== file.project) {
        writes.push({ file: file.path, writer: file.project, table, owner, statement });
      }
    }
  }
  return writes;
}

const SQL_READ = /\b(FROM|JOIN)\s+(?:ONLY\s+)?"?([a-z_][a-z0-9_]*)"?/gi;

/** Every SQL read (FROM or JOIN) of a table another project owns; views are read by all. */
export function crossProjectReads(files: SourceFile[] = serverSourceFiles()): TableWrite[] {
  const { ownerOf } = tableOwners(files);
  const reads: TableWrite[] = [];
  for (const file of files) {
    for (const [, verb = '', name = ''] of withoutComments(file.text).matchAll(SQL_READ)) {
      const table = name.toLowerCase();
      const owner = ownerOf.get(table);
      if (owner !== undefined && owner !== file.project) {
        const statement = `${verb.toUpperCase()} ${name}`;
        reads.push({ file: file.path, writer: file.project, table, owner, statement });
      }
    }
  }
  return reads;
}
