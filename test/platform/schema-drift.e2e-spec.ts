import { DataSource } from 'typeorm';
import { startTestApp, TestApp } from '../support/test-app';

describe('the migrations and the entities describe the same schema', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await startTestApp();
  });
  afterAll(() => t.close());

  it('leaves nothing for migration:generate to write', async () => {
    const pending = await t.app.get(DataSource).driver.createSchemaBuilder().log();
    expect(pending.upQueries.map((q) => q.query)).toEqual([]);
  });
});
