import { EVENT_SCHEMA, EVENT_TYPES, eventSchemaName } from '@vafa/platform';
import { startTestApp, TestApp } from '../support/test-app';

interface Schema {
  $ref?: string;
  type?: string;
  required?: string[];
  properties?: Record<string, Schema>;
  items?: Schema;
  enum?: unknown[];
  oneOf?: Schema[];
  discriminator?: { propertyName: string; mapping: Record<string, string> };
}
interface Document {
  paths: Record<
    string,
    Record<string, { responses: Record<string, { content?: Record<string, { schema: Schema }> }> }>
  >;
  components: { schemas: Record<string, Schema> };
}

const nameOf = (ref: string | undefined): string => (ref ?? '').split('/').pop() ?? '';

/** The event catalog in the OpenAPI document: what receivers generate their types from. */
describe('the event catalog in the OpenAPI document', () => {
  let t: TestApp;
  let schemas: Record<string, Schema>;
  let document: Document;
  beforeAll(async () => {
    t = await startTestApp();
    document = (await t.api().get('/docs-json').expect(200)).body as Document;
    schemas = document.components.schemas;
  });
  afterAll(() => t.close());

  it('documents the data of every event type, in an envelope {id, type, timestamp, data}', () => {
    const missing = EVENT_TYPES.filter((type) => {
      const envelope = schemas[eventSchemaName(type)];
      const data = schemas[nameOf(envelope?.properties?.data?.$ref)];
      return !envelope || !data?.properties || Object.keys(data.properties).length === 0;
    });
    expect(missing).toEqual([]);
    for (const type of EVENT_TYPES) {
      const envelope = schemas[eventSchemaName(type)] as Schema;
      expect(envelope.required).toEqual(['id', 'type', 'timestamp', 'data']);
      expect(envelope.properties?.type?.enum).toEqual([type]);
    }
  });

  it('gives the events of a member their memberId and memberSeq', () => {
    const memberEvents = EVENT_TYPES.filter(
      (type) =>
        !['campaign.run_completed', 'webhook.test', 'webhook_endpoint.disabled'].includes(type),
    );
    const without = memberEvents.filter((type) => {
      const envelope = schemas[eventSchemaName(type)];
      const data = schemas[nameOf(envelope?.properties?.data?.$ref)];
      return !data?.properties?.memberId || !data.properties.memberSeq;
    });
    expect(without).toEqual([]);
  });

  it('unites the envelopes in EventDto, discriminated by type, which GET /v1/events lists', () => {
    const union = schemas[EVENT_SCHEMA] as Schema;
    expect(union.discriminator?.propertyName).toBe('type');
    expect(Object.keys(union.discriminator?.mapping ?? {}).sort()).toEqual([...EVENT_TYPES].sort());
    expect(union.oneOf?.map((s) => nameOf(s.$ref)).sort()).toEqual(
      EVENT_TYPES.map(eventSchemaName).sort(),
    );
    const page =
      document.paths['/v1/events']?.get?.responses['200']?.content?.['application/json']?.schema;
    expect(schemas[nameOf(page?.$ref)]?.properties?.items?.items?.$ref).toBe(
      `#/components/schemas/${EVENT_SCHEMA}`,
    );
  });
});
