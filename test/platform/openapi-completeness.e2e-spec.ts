import { startTestApp, TestApp } from '../support/test-app';

interface Schema {
  $ref?: string;
  type?: string;
  properties?: Record<string, Schema>;
  additionalProperties?: unknown;
  items?: Schema;
  allOf?: Schema[];
  oneOf?: Schema[];
  anyOf?: Schema[];
  example?: unknown;
  enum?: unknown[];
}
interface Operation {
  summary?: string;
  description?: string;
  security?: unknown[];
  parameters?: { in: string; name: string }[];
  responses: Record<
    string,
    { content?: Record<string, { schema?: Schema; example?: unknown; examples?: unknown }> }
  >;
}
interface Document {
  servers?: unknown[];
  paths: Record<string, Record<string, Operation>>;
  components: { schemas: Record<string, Schema> };
}

const METHODS = new Set(['get', 'put', 'post', 'patch', 'delete']);

/** Schemas a generated client cannot type: an object with no properties, or no type at all. */
function untyped(schema: Schema, where: string, found: string[]): void {
  if (schema.$ref || schema.enum) {
    return;
  }
  for (const part of [...(schema.allOf ?? []), ...(schema.oneOf ?? []), ...(schema.anyOf ?? [])]) {
    untyped(part, where, found);
  }
  if (schema.allOf || schema.oneOf || schema.anyOf) {
    return;
  }
  if (!schema.type) {
    found.push(where);
  }
  if (schema.type === 'object' && !schema.properties && schema.additionalProperties === undefined) {
    found.push(where);
  }
  for (const [name, property] of Object.entries(schema.properties ?? {})) {
    untyped(property, `${where}.${name}`, found);
  }
  if (schema.items) {
    untyped(schema.items, `${where}[]`, found);
  }
}

/**
 * The document describes the API exactly enough to generate a typed client from it: every
 * operation says what it does, what it answers on success (a declared type, with an example),
 * and which errors it gives with their codes.
 */
describe('the OpenAPI document is complete', () => {
  let t: TestApp;
  let document: Document;
  beforeAll(async () => {
    t = await startTestApp();
    document = (await t.api().get('/docs-json').expect(200)).body as Document;
  });
  afterAll(() => t.close());

  const operations = (): [string, Operation][] =>
    Object.entries(document.paths).flatMap(([path, item]) =>
      Object.entries(item)
        .filter(([method]) => METHODS.has(method))
        .map(([method, operation]): [string, Operation] => [
          `${method.toUpperCase()} ${path}`,
          operation,
        ]),
    );

  it('names a server', () => {
    expect(document.servers?.length).toBeGreaterThan(0);
  });

  it('gives every operation a summary and a description', () => {
    const missing = operations()
      .filter(([, op]) => !op.summary?.trim() || !op.description?.trim())
      .map(([name]) => name);
    expect(missing).toEqual([]);
  });

  it('declares a typed success answer, with an example, for every operation', () => {
    const problems: string[] = [];
    for (const [name, op] of operations()) {
      const success = Object.entries(op.responses).filter(([status]) => status.startsWith('2'));
      if (success.length === 0) {
        problems.push(`${name}: no 2xx answer`);
      }
      for (const [status, response] of success) {
        for (const media of Object.values(response.content ?? {})) {
          if (!media.schema) {
            problems.push(`${name} ${status}: no schema`);
            continue;
          }
          const found: string[] = [];
          untyped(media.schema, `${name} ${status}`, found);
          problems.push(...found.map((f) => `${f}: untyped`));
          const ref = media.schema.$ref ?? media.schema.items?.$ref;
          const target = ref ? document.components.schemas[ref.split('/').pop() ?? ''] : undefined;
          const hasExample =
            media.example !== undefined ||
            media.examples !== undefined ||
            Object.values(target?.properties ?? {}).some((p) => p.example !== undefined);
          if (!hasExample && name !== 'GET /metrics') {
            problems.push(`${name} ${status}: no example`);
          }
        }
      }
    }
    expect(problems).toEqual([]);
  });

  it('types every field of every schema', () => {
    const found: string[] = [];
    for (const [name, schema] of Object.entries(document.components.schemas)) {
      untyped(schema, name, found);
    }
    expect(found).toEqual([]);
  });

  it('lists the error answers of every operation with their codes', () => {
    const problems: string[] = [];
    for (const [name, op] of operations()) {
      const statuses = Object.keys(op.responses);
      const secured = (op.security ?? []).length > 0;
      const required = [
        '400',
        '503',
        ...(secured ? ['401', '403'] : []),
        ...((op.parameters ?? []).some((p) => p.in === 'path') ? ['404'] : []),
      ];
      for (const status of required) {
        if (!statuses.includes(status)) {
          problems.push(`${name}: no ${status}`);
        }
      }
      for (const status of statuses.filter((s) => s.startsWith('4') || s.startsWith('5'))) {
        const description = (op.responses[status] as { description?: string }).description ?? '';
        if (!/Codes: `[A-Z_]+`/.test(description)) {
          problems.push(`${name} ${status}: no codes`);
        }
      }
    }
    expect(problems).toEqual([]);
  });

  it('marks public operations as needing no credentials', () => {
    const health = document.paths['/health']?.get;
    expect(health?.security).toEqual([]);
  });
});
