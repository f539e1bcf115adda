import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';

const ROOT = join(import.meta.dirname, '../../..');

describe('the typed API client', () => {
  it('is generated from the committed openapi.json (renew with `npm run openapi:types`)', () => {
    const fresh = join(mkdtempSync(join(tmpdir(), 'vafa-schema-')), 'schema.d.ts');
    execFileSync(
      process.execPath,
      [join(ROOT, 'node_modules/openapi-typescript/bin/cli.js'), 'openapi.json', '-o', fresh],
      { cwd: ROOT, stdio: 'pipe' },
    );
    const committed = readFileSync(join(ROOT, 'apps/console/src/api/schema.d.ts'), 'utf8');
    const stale = 'apps/console/src/api/schema.d.ts is stale: run `npm run openapi:types`';
    expect(committed === readFileSync(fresh, 'utf8'), stale).toBe(true);
  }, 60_000);
});
