import type { SourceFile } from './source-files';
import {
  crossProjectReads,
  crossProjectWrites,
  migrationViews,
  READ_ONLY_VIEW,
  type TableWrite,
} from './table-owners';

/**
 * Writes the check lets through, each with the reason. Keep it empty: a lib that needs another
 * lib's table changed calls that lib's export.
 */
const ALLOWED_WRITES: string[] = [];

const described = (w: TableWrite): string => `${w.file}: ${w.statement} (owner ${w.owner})`;

describe('tables have owners', () => {
  it('no lib or app writes a table another lib owns, or a view', () => {
    expect(crossProjectWrites().map(described)).toEqual(ALLOWED_WRITES);
  });

  it("no lib or app reads another lib's table except through a view its migration made", () => {
    expect(crossProjectReads().map(described)).toEqual([]);
  });

  it('knows the views the migrations create', () => {
    expect([...migrationViews()]).toEqual(
      expect.arrayContaining(['order_net_values', 'member_profiles', 'member_scores', 'event_log']),
    );
  });
});

describe('the table ownership check', () => {
  const entity = (project: string, table: string, className: string): SourceFile => ({
    path: `${project}/src/${table}.entity.ts`,
    project,
    text: `@Entity({ name: '${table}' })\nexport class ${className} {}`,
  });
  const code = (project: string, text: string): SourceFile => ({
    path: `${project}/src/thing.ts`,
    project,
    text,
  });
  const files = (...more: SourceFile[]): SourceFile[] => [
    entity('libs/points', 'orders', 'OrderEntity'),
    entity('libs/members', 'members', 'MemberEntity'),
    ...more,
  ];
  const views = migrationViews([
    {
      path: 'migrations/1-Views.ts',
      project: 'migrations',
      text: 'await q.query(`CREATE VIEW "order_net_values" AS SELECT * FROM "orders"`);',
    },
  ]);

  it('learns views from the migrations', () => {
    expect([...views]).toEqual(['order_net_values']);
  });

  it("reports SQL writing another lib's table", () => {
    const writes = crossProjectWrites(
      files(code('libs/tiers', "query(`UPDATE orders SET total = 0 WHERE id = '1'`)")),
      views,
    );
    expect(writes.map(described)).toEqual([
      'libs/tiers/src/thing.ts: UPDATE orders (owner libs/points)',
    ]);
  });

  it("reports a TypeORM write naming another lib's entity class", () => {
    const writes = crossProjectWrites(
      files(code('apps/cli', 'await manager.insert(MemberEntity, rows);')),
      views,
    );
    expect(writes.map(described)).toEqual([
      'apps/cli/src/thing.ts: .insert(MemberEntity) (owner libs/members)',
    ]);
  });

  it('reports a write to a view, even by the lib that owns the table under it', () => {
    const writes = crossProjectWrites(
      files(code('libs/points', 'query(`DELETE FROM order_net_values WHERE true`)')),
      views,
    );
    expect(writes.map((w) => w.owner)).toEqual([READ_ONLY_VIEW]);
  });

  it("reports a direct read of another lib's table, and no read of a view or its own table", () => {
    const reads = crossProjectReads(
      files(
        code(
          'libs/campaigns',
          'query(`SELECT m.id FROM members m JOIN order_net_values o ON o.member_id = m.id`)',
        ),
        code('libs/points', 'query(`SELECT * FROM orders`)'),
      ),
    );
    expect(reads.map(described)).toEqual([
      'libs/campaigns/src/thing.ts: FROM members (owner libs/members)',
    ]);
  });

  it('reads no SQL in comments', () => {
    const text = '// DELETE FROM members when they leave\n/* UPDATE orders */ const x = 1;';
    expect(crossProjectWrites(files(code('libs/tiers', text)), views)).toEqual([]);
  });
});
