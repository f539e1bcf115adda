import { DataSource } from 'typeorm';
import type { TestApp } from '../support/test-app';

export interface StoredEvent {
  memberId: string | null;
  data: Record<string, unknown>;
}

/** The events of a type in the outbox, in the order they were written. */
export async function eventsOf(t: TestApp, type: string): Promise<StoredEvent[]> {
  const rows = await t.app
    .get(DataSource)
    .query<{ member_id: string | null; data: Record<string, unknown> }[]>(
      'SELECT member_id, data FROM events WHERE type = $1 ORDER BY id',
      [type],
    );
  return rows.map((r) => ({ memberId: r.member_id, data: r.data }));
}

/** The events of a type about one member. */
export async function eventsFor(
  t: TestApp,
  type: string,
  memberId: string,
): Promise<StoredEvent[]> {
  return (await eventsOf(t, type)).filter((e) => e.memberId === memberId);
}

export const DAY = 86_400_000;
export const days = (from: Date, n: number): Date => new Date(from.getTime() + n * DAY);

interface SchemaObject {
  $ref?: string;
  properties?: Record<string, SchemaObject>;
  allOf?: SchemaObject[];
}

/**
 * The fields the OpenAPI document gives the data of an event type, but `memberSeq`, which the
 * outbox numbers as it writes the event.
 */
export async function documentedDataFields(t: TestApp, type: string): Promise<string[]> {
  const document = (await t.api().get('/docs-json').expect(200)).body as {
    components: { schemas: Record<string, SchemaObject> };
  };
  const schemas = document.components.schemas;
  const resolve = (schema: SchemaObject): SchemaObject =>
    schema.$ref ? resolve(schemas[schema.$ref.split('/').pop()!] ?? {}) : schema;
  const fields = (schema: SchemaObject): string[] => {
    const resolved = resolve(schema);
    return [...Object.keys(resolved.properties ?? {}), ...(resolved.allOf ?? []).flatMap(fields)];
  };
  const name = `${type
    .split(/[._]/)
    .map((word) => word.charAt(0).toUpperCase() + word.slice(1))
    .join('')}Event`;
  const data = resolve(schemas[name] ?? {}).properties?.data ?? {};
  return fields(data)
    .filter((field) => field !== 'memberSeq')
    .sort();
}
