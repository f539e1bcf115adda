import { mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { bearer, startTestApp, TestApp } from '../support/test-app';

/** A stand-in for `dist/console`: what Vite writes (index.html and hashed assets). */
function fakeConsoleBuild(): string {
  const directory = mkdtempSync(join(tmpdir(), 'vafa-console-'));
  mkdirSync(join(directory, 'assets'));
  writeFileSync(
    join(directory, 'index.html'),
    '<!doctype html><html><head><script type="module" src="/console/assets/index-abc123.js"></script></head><body><div id="root"></div></body></html>',
  );
  writeFileSync(join(directory, 'assets', 'index-abc123.js'), 'console.log("vafa");');
  return directory;
}

async function withConsoleDir<T>(directory: string, run: () => Promise<T>): Promise<T> {
  const previous = process.env.VAFA_CONSOLE_DIR;
  process.env.VAFA_CONSOLE_DIR = directory;
  try {
    return await run();
  } finally {
    if (previous === undefined) {
      delete process.env.VAFA_CONSOLE_DIR;
    } else {
      process.env.VAFA_CONSOLE_DIR = previous;
    }
  }
}

describe('the web console served at /console', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await withConsoleDir(fakeConsoleBuild(), () => startTestApp());
  });
  afterAll(() => t.close());

  it('serves index.html at /console/, never cached, and redirects /console there', async () => {
    const page = await t.api().get('/console/').expect(200);
    expect(page.headers['content-type']).toMatch(/text\/html/);
    expect(page.headers['cache-control']).toBe('no-cache');
    expect(page.text).toContain('<div id="root">');
    const bare = await t.api().get('/console').expect(301);
    expect(bare.headers.location).toBe('/console/');
    const withQuery = await t.api().get('/console?lang=fa').expect(301);
    expect(withQuery.headers.location).toBe('/console/?lang=fa');
  });

  it('answers deep links with index.html so a reload lands in the app', async () => {
    for (const path of ['/console/members', '/console/members/6f1c2a9e', '/console/sign-in']) {
      const page = await t.api().get(path).expect(200);
      expect(page.text).toContain('<div id="root">');
      expect(page.headers['cache-control']).toBe('no-cache');
    }
  });

  it('caches hashed assets for a year and answers a missing one with a JSON 404, not HTML', async () => {
    const asset = await t.api().get('/console/assets/index-abc123.js').expect(200);
    expect(asset.headers['content-type']).toMatch(/javascript/);
    expect(asset.headers['cache-control']).toBe('public, max-age=31536000, immutable');
    const missing = await t.api().get('/console/assets/index-old999.js').expect(404);
    expect(missing.body.error.code).toBe('NOT_FOUND');
  });

  it("lets the console load its own scripts and styles, and nothing else's", async () => {
    const csp = (await t.api().get('/console/members').expect(200)).headers[
      'content-security-policy'
    ] as string;
    expect(csp).toContain("script-src 'self'");
    expect(csp).not.toMatch(/script-src[^;]*unsafe-inline/);
    expect(csp).toContain("style-src 'self' 'unsafe-inline'");
    expect(csp).toContain("connect-src 'self'");
    expect(csp).toContain("frame-ancestors 'none'");
  });

  it('leaves the API alone: unknown /v1 routes stay JSON 404s with the strict API CSP', async () => {
    const unknown = await t.api().get('/v1/console').set(bearer(t.keys.admin)).expect(404);
    expect(unknown.headers['content-type']).toMatch(/application\/json/);
    expect(unknown.headers['content-security-policy']).toBe(
      "default-src 'none';frame-ancestors 'none'",
    );
    await t.api().get('/consoles').expect(404);
  });
});

describe('the web console before it is built', () => {
  it('answers a clear 503 JSON instead of crashing', async () => {
    const t = await withConsoleDir(join(tmpdir(), 'vafa-console-never-built'), () =>
      startTestApp(),
    );
    try {
      const response = await t.api().get('/console/members').expect(503);
      expect(response.body.error.code).toBe('CONSOLE_NOT_BUILT');
      await t.api().get('/v1/program').set(bearer(t.keys.admin)).expect(200);
    } finally {
      await t.close();
    }
  });
});
