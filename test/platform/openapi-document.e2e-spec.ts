import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { startTestApp, TestApp } from '../support/test-app';

const COMMITTED = join(__dirname, '../../openapi.json');

/**
 * The committed openapi.json is what clients (the console among them) are generated from, so it
 * must be the running app's document. After changing the API, `npm run openapi:write` renews it.
 */
describe('the committed OpenAPI document', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await startTestApp();
  });
  afterAll(() => t.close());

  it('is exactly what the running app serves at /docs-json', async () => {
    const served = (await t.api().get('/docs-json').expect(200)).body as unknown;
    const rendered = `${JSON.stringify(served, null, 2)}\n`;
    if (process.env.VAFA_WRITE_OPENAPI === '1') {
      writeFileSync(COMMITTED, rendered);
    }
    const committed = readFileSync(COMMITTED, 'utf8');
    expect(committed === rendered).toBe(true);
  });
});
