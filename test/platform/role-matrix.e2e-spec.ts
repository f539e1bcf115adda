import { RequestMethod } from '@nestjs/common';
import { DiscoveryService, MetadataScanner, ModulesContainer, Reflector } from '@nestjs/core';
import { Access, ACCESS_KEY, STAFF_ROLES, StaffRole } from '@vafa/platform';
import { ROLE_MATRIX, RouteAccess } from '@vafa/app';
import type { Response } from 'supertest';
import { bearer, startTestApp, TestApp } from '../support/test-app';
import { sessionHeaders, signedInStaff } from '../support/staff-session';

/** `METHOD /path → who`, with roles in one order, so that two descriptions compare as text. */
const entry = (method: string, path: string, access: RouteAccess): string => {
  const who =
    typeof access === 'string'
      ? access
      : STAFF_ROLES.filter((r) => r === 'admin' || access.includes(r)).join(',');
  return `${method} ${path} -> ${who}`;
};

const toRouteAccess = (access: Access): RouteAccess =>
  access.kind === 'staff' ? ['admin', ...access.roles] : access.kind;

const joinPath = (...parts: unknown[]): string =>
  `/${parts
    .map((p) => String(p).replace(/^\/+|\/+$/g, ''))
    .filter((p) => p !== '')
    .join('/')}`.replace(/:(\w+)/g, '{$1}');

type Caller = StaffRole | 'member' | 'nobody';

const VERB = { GET: 'get', POST: 'post', PUT: 'put', PATCH: 'patch', DELETE: 'delete' } as const;

const mayCall = (access: RouteAccess, caller: Caller): boolean =>
  access === 'public' ||
  (access === 'member'
    ? caller === 'member'
    : caller !== 'member' && caller !== 'nobody' && access.includes(caller));

/** Whether the guard refused the call; what the handler made of it does not matter here. */
const outcome = (response: Response): string => {
  const code = (response.body as { error?: { code?: string } }).error?.code;
  if (response.status === 401) {
    return '401';
  }
  if (response.status === 403 && code === 'FORBIDDEN') {
    return '403 FORBIDDEN';
  }
  return 'let through';
};

/** Every route the running app serves, with the access its handler declares. */
function declaredRoutes(t: TestApp): string[] {
  const discovery = new DiscoveryService(t.app.get(ModulesContainer));
  const reflector = t.app.get(Reflector);
  const scanner = new MetadataScanner();
  const routes: string[] = [];
  for (const wrapper of discovery.getControllers()) {
    const instance = wrapper.instance as object | undefined;
    if (!instance || !wrapper.metatype) {
      continue;
    }
    const base: unknown = Reflect.getMetadata('path', wrapper.metatype);
    const prototype = Object.getPrototypeOf(instance) as Record<string, unknown>;
    for (const name of scanner.getAllMethodNames(prototype)) {
      const handler = prototype[name] as () => unknown;
      const path: unknown = Reflect.getMetadata('path', handler);
      if (path === undefined) {
        continue;
      }
      const method = RequestMethod[Reflect.getMetadata('method', handler) as RequestMethod];
      const access = reflector.getAllAndOverride<Access | undefined>(ACCESS_KEY, [
        handler,
        wrapper.metatype,
      ]);
      for (const b of [base].flat()) {
        for (const p of [path].flat()) {
          routes.push(
            access
              ? entry(method, joinPath(b, p), toRouteAccess(access))
              : `${method} ${joinPath(b, p)} -> (nothing declared)`,
          );
        }
      }
    }
  }
  return routes.sort();
}

describe('who may call what: the role matrix is what the app enforces', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await startTestApp();
  });
  afterAll(() => t.close());

  it('declares on the running routes exactly the access the matrix gives (none missing, none extra)', () => {
    const matrix = ROLE_MATRIX.map((r) => entry(r.method, r.path, r.access)).sort();
    expect(declaredRoutes(t)).toEqual(matrix);
  });

  it('names the paths as the OpenAPI document does', async () => {
    const doc = (await t.api().get('/docs-json').expect(200)).body as {
      paths: Record<string, Record<string, unknown>>;
    };
    const missing = ROLE_MATRIX.filter((r) => r.path.startsWith('/v1/'))
      .filter((r) => !doc.paths[r.path]?.[r.method.toLowerCase()])
      .map((r) => `${r.method} ${r.path}`);
    expect(missing).toEqual([]);
  });

  it('lets through exactly the callers the matrix names, and refuses the others', async () => {
    const member = await t.member();
    const sessions = await Promise.all(STAFF_ROLES.map((role) => signedInStaff(t, role)));
    // A staff user's console session (cookie and CSRF token) is held to the same rules as a key.
    const callers: [Caller, string, Record<string, string> | null][] = [
      ...STAFF_ROLES.map((role): [Caller, string, Record<string, string>] => [
        role,
        `${role} key`,
        bearer(t.keys[role]),
      ]),
      ...STAFF_ROLES.map((role, i): [Caller, string, Record<string, string>] => [
        role,
        `${role} session`,
        sessionHeaders(sessions[i]!),
      ]),
      ['member', 'member', bearer(member.token)],
      ['nobody', 'nobody', null],
      ['nobody', 'a made-up session', { Cookie: 'vafa_session=made-up', 'X-CSRF-Token': 'x' }],
    ];
    // Signing out ends the sessions the other rows need: it goes last.
    const signOutLast = (row: (typeof ROLE_MATRIX)[number]): number =>
      row.method === 'DELETE' && row.path === '/v1/auth/session' ? 1 : 0;
    const rows = [...ROLE_MATRIX].sort((a, b) => signOutLast(a) - signOutLast(b));
    const wrong: string[] = [];
    for (const row of rows) {
      // Any id will do: the guard decides before the handler looks anything up.
      const path = row.path.replace(/\{\w+\}/g, '00000000-0000-4000-8000-000000000000');
      for (const [caller, name, headers] of callers) {
        const call = t.api()[VERB[row.method]](path);
        if (headers) {
          void call.set(headers);
        }
        const got = outcome(await (row.method === 'GET' ? call : call.send({})));
        const wanted = mayCall(row.access, caller)
          ? 'let through'
          : caller !== 'nobody'
            ? '403 FORBIDDEN'
            : '401';
        if (got !== wanted) {
          wrong.push(`${row.method} ${row.path} as ${name}: ${got}, wanted ${wanted}`);
        }
      }
    }
    expect(wrong).toEqual([]);
  });
});
