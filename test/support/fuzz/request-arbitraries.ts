import fc from 'fast-check';
import type { Operation, Schema } from './openapi-document';
import {
  hostileCursor,
  hostileHeaderValue,
  hostileJson,
  hostilePathSegment,
  hostileQueryValue,
  hostileRawBody,
} from './hostile-values';

export interface FuzzRequest {
  method: string;
  /** Path and query, percent-encoded. */
  url: string;
  headers: Record<string, string>;
  body?: { json: unknown } | { contentType: string; text: string };
}

export interface FuzzContext {
  /** A real id for a path parameter of this path, so some requests get past the 404. */
  pathId: (path: string, name: string) => string | undefined;
  /** Values that make a body field real (an existing member, reward, order). */
  knownFields: Record<string, fc.Arbitrary<unknown>>;
}

const isPlainObject = (value: unknown): value is Record<string, unknown> =>
  typeof value === 'object' && value !== null && !Array.isArray(value);

/** A value the schema would accept, as far as the document says: its example first. */
function plausible(
  schema: Schema | undefined,
  context: FuzzContext,
  name = '',
): fc.Arbitrary<unknown> {
  const known = context.knownFields[name];
  if (known) {
    return known;
  }
  if (!schema) {
    return fc.constant('x');
  }
  if (schema.properties) {
    const required = new Set(schema.required ?? []);
    const keys = Object.keys(schema.properties);
    const optional = keys.filter((k) => !required.has(k));
    return fc.subarray(optional).chain((chosen) => {
      const fields = keys.filter((k) => required.has(k) || chosen.includes(k));
      return fc.record(
        Object.fromEntries(fields.map((k) => [k, plausible(schema.properties?.[k], context, k)])),
      );
    });
  }
  if (schema.example !== undefined) {
    return fc.constant(structuredClone(schema.example));
  }
  if (schema.enum?.length) {
    return fc.constantFrom(...schema.enum);
  }
  if (schema.oneOf?.[0]) {
    return plausible(schema.oneOf[0], context, name);
  }
  if (schema.type === 'array') {
    return fc.array(plausible(schema.items, context), { minLength: 1, maxLength: 2 });
  }
  if (schema.type === 'number' || schema.type === 'integer') {
    return fc.constant(1);
  }
  if (schema.type === 'boolean') {
    return fc.boolean();
  }
  return fc.constant('x');
}

/** The value with one thing wrong somewhere inside it. */
function mutated(
  schema: Schema | undefined,
  value: unknown,
  context: FuzzContext,
  depth: number,
): fc.Arbitrary<unknown> {
  const options: fc.WeightedArbitrary<unknown>[] = [{ weight: 2, arbitrary: hostileJson }];
  const properties = schema?.properties;
  if (properties && isPlainObject(value) && depth < 6) {
    const keys = Object.keys(properties);
    const field = fc.constantFrom(...keys);
    options.push(
      {
        weight: 6,
        arbitrary: field.chain((key) =>
          (key in value ? fc.constant(value[key]) : plausible(properties[key], context, key))
            .chain((inner) => mutated(properties[key], inner, context, depth + 1))
            .map((wrong) => ({ ...value, [key]: wrong })),
        ),
      },
      {
        weight: 1,
        arbitrary: field.map((key) =>
          Object.fromEntries(Object.entries(value).filter(([k]) => k !== key)),
        ),
      },
      {
        weight: 1,
        arbitrary: fc
          .tuple(fc.constantFrom('extra', '__proto__', 'constructor', ''), hostileJson)
          .map(([key, extra]) => JSON.parse(JSON.stringify({ ...value, [key]: extra })) as unknown),
      },
    );
  }
  if (schema?.items && Array.isArray(value) && depth < 6) {
    const items = schema.items;
    options.push({
      weight: 4,
      arbitrary: plausible(items, context)
        .chain((item) => mutated(items, item, context, depth + 1))
        .chain((wrong) => fc.constantFrom([wrong], [...(value as unknown[]), wrong])),
    });
  }
  return fc.oneof(...options);
}

function bodyOf(operation: Operation, context: FuzzContext): fc.Arbitrary<FuzzRequest['body']> {
  const schema = operation.body;
  if (!schema) {
    return fc.oneof(
      { weight: 6, arbitrary: fc.constant(undefined) },
      { weight: 1, arbitrary: hostileJson.map((json) => ({ json })) },
      { weight: 1, arbitrary: hostileRawBody },
    );
  }
  return fc.oneof(
    { weight: 1, arbitrary: plausible(schema, context).map((json) => ({ json })) },
    {
      weight: 12,
      arbitrary: plausible(schema, context)
        .chain((valid) => mutated(schema, valid, context, 0))
        .chain((once) => fc.oneof(fc.constant(once), mutated(schema, once, context, 0)))
        .map((json) => ({ json })),
    },
    { weight: 1, arbitrary: hostileRawBody },
  );
}

function pathOf(operation: Operation, context: FuzzContext): fc.Arbitrary<string> {
  const names = [...operation.path.matchAll(/\{(\w+)\}/g)].map((m) => m[1] ?? '');
  const segments = names.map((name) => {
    const real = context.pathId(operation.path, name);
    return real === undefined
      ? hostilePathSegment
      : fc.oneof(
          { weight: 3, arbitrary: fc.constant(real) },
          { weight: 2, arbitrary: hostilePathSegment },
        );
  });
  return fc
    .tuple(...segments)
    .map((values) =>
      names.reduce((path, name, i) => path.replace(`{${name}}`, values[i] ?? ''), operation.path),
    );
}

function queryOf(operation: Operation): fc.Arbitrary<string> {
  const names = operation.parameters.filter((p) => p.in === 'query').map((p) => p.name);
  const one = (name: string): fc.Arbitrary<string> =>
    fc.oneof(
      { weight: 8, arbitrary: fc.constant('') },
      { weight: 2, arbitrary: fc.constant(`${name}=1`) },
      { weight: 2, arbitrary: hostileQueryValue.map((v) => `${name}=${v}`) },
      { weight: name === 'cursor' ? 2 : 0, arbitrary: hostileCursor.map((v) => `${name}=${v}`) },
      { weight: 1, arbitrary: fc.constant(`${name}=1&${name}=2`) },
      { weight: 1, arbitrary: fc.constant(`${name}[a]=1`) },
    );
  const extra = fc.oneof(
    { weight: 8, arbitrary: fc.constant('') },
    { weight: 1, arbitrary: fc.constant('extra=1') },
  );
  return fc
    .tuple(extra, ...names.map(one))
    .map((pairs) => pairs.filter((pair) => pair !== '').join('&'));
}

function headersOf(operation: Operation): fc.Arbitrary<Record<string, string>> {
  const idempotency = operation.parameters.find(
    (p) => p.in === 'header' && p.name.toLowerCase() === 'idempotency-key',
  );
  if (!idempotency) {
    return fc.constant({});
  }
  return fc.oneof(
    { weight: 8, arbitrary: fc.uuid().map((key) => ({ 'Idempotency-Key': `fuzz-${key}` })) },
    { weight: 1, arbitrary: fc.constant({}) },
    { weight: 1, arbitrary: hostileHeaderValue.map((key) => ({ 'Idempotency-Key': key })) },
  );
}

/** Requests to one operation with something wrong in the path, query, headers or body. */
export function badRequests(operation: Operation, context: FuzzContext): fc.Arbitrary<FuzzRequest> {
  return fc
    .record({
      path: pathOf(operation, context),
      query: queryOf(operation),
      headers: headersOf(operation),
      body: bodyOf(operation, context),
    })
    .map(({ path, query, headers, body }) => ({
      method: operation.method,
      url: query ? `${path}?${query}` : path,
      headers,
      body,
    }));
}
