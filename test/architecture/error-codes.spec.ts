import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { ROOT, serverSourceFiles, withoutComments } from './source-files';

/**
 * Declared codes that no documented operation answers, and why. Every other code a lib declares
 * must be listed under some operation's error answers in openapi.json (`@ApiErrors`).
 */
const NOT_ANSWERED_OVER_HTTP: Record<string, string> = {
  ENDPOINT_NOT_GUARDED:
    'fail-closed answer for a route with no access rule; every route declares one (role matrix)',
  NOT_REVERSIBLE: 'ledger invariant: its callers reverse only earn, redeem and adjust entries',
  REVERSAL_EXCEEDS_ORIGINAL: 'ledger invariant: returns and cancellations reverse what is left',
  LEDGER_TRANSACTION_NOT_FOUND: 'ledger invariant: callers reverse transactions they recorded',
};

const errorsFiles = serverSourceFiles().filter((f) => f.path.endsWith('.errors.ts'));

/** Every `*_ERROR_CODES` list the `*.errors.ts` files export, by file. */
async function declaredCodes(): Promise<Map<string, string[]>> {
  const byFile = new Map<string, string[]>();
  for (const file of errorsFiles) {
    const exports = (await import(join(ROOT, file.path))) as Record<string, unknown>;
    const lists = Object.entries(exports).filter(([name]) => name.endsWith('_ERROR_CODES'));
    byFile.set(
      file.path,
      lists.flatMap(([, codes]) => codes as string[]),
    );
  }
  return byFile;
}

/** The codes openapi.json lists in the error answers of its operations. */
function documentedCodes(): Set<string> {
  const document = JSON.parse(readFileSync(join(ROOT, 'openapi.json'), 'utf8')) as {
    paths: Record<string, Record<string, { responses?: Record<string, { description?: string }> }>>;
  };
  const codes = new Set<string>();
  for (const item of Object.values(document.paths)) {
    for (const operation of Object.values(item)) {
      for (const [status, response] of Object.entries(operation.responses ?? {})) {
        if (!/^[45]/.test(status)) {
          continue;
        }
        for (const [, code = ''] of (response.description ?? '').matchAll(/`([A-Z][A-Z0-9_]*)`/g)) {
          codes.add(code);
        }
      }
    }
  }
  return codes;
}

describe('error codes', () => {
  it("are built only in the *.errors.ts files, by their lib's factories", () => {
    const inline = serverSourceFiles()
      .filter((f) => !f.path.endsWith('.errors.ts') && !f.path.endsWith('/domain-error.ts'))
      .filter((f) => /\bnew DomainError\b|\bnotFound\(/.test(withoutComments(f.text)))
      .map((f) => f.path);
    expect(inline).toEqual([]);
  });

  it('are declared in each *.errors.ts as an exported *_ERROR_CODES list', async () => {
    const declared = await declaredCodes();
    const empty = [...declared].filter(([, codes]) => codes.length === 0).map(([path]) => path);
    expect(empty).toEqual([]);
    expect(declared.size).toBeGreaterThan(0);
  });

  it('each appear in the OpenAPI document, so no code ships undocumented', async () => {
    const documented = documentedCodes();
    const declared = new Set([...(await declaredCodes()).values()].flat());
    const undocumented = [...declared].filter(
      (code) => !documented.has(code) && !(code in NOT_ANSWERED_OVER_HTTP),
    );
    expect(undocumented).toEqual([]);
    // An exemption names a declared code that is still not documented, or it is stale.
    const stale = Object.keys(NOT_ANSWERED_OVER_HTTP).filter(
      (code) => !declared.has(code) || documented.has(code),
    );
    expect(stale).toEqual([]);
  });
});
