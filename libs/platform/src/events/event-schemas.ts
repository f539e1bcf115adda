import type { Type } from '@nestjs/common';
import { ApiProperty, type OpenAPIObject, type SchemaObject } from '@nestjs/swagger';
import { EVENT_TYPES, type EventType } from './event-types';

const dataClasses = new Map<EventType, Type<unknown>>();

/**
 * Marks a DTO class as the documented `data` of one event type: the OpenAPI document then lists
 * it under components.schemas, with an envelope schema for the type and `EventDto`, the union of
 * all envelopes discriminated by `type`. The class must be loaded (exported from its library's
 * index) before the document is built.
 */
export function EventData(type: EventType): ClassDecorator {
  return (target) => {
    const existing = dataClasses.get(type);
    if (existing && existing !== (target as unknown as Type<unknown>)) {
      throw new Error(`${type} already has its data documented by ${existing.name}`);
    }
    dataClasses.set(type, target as unknown as Type<unknown>);
  };
}

/** The data classes registered so far, for SwaggerModule's `extraModels`. */
export function eventDataModels(): Type<unknown>[] {
  return [...dataClasses.values()];
}

/** `member.enrolled` → `MemberEnrolledEvent`, the name of its envelope schema. */
export function eventSchemaName(type: EventType): string {
  const pascal = type
    .split(/[._]/)
    .map((word) => word.charAt(0).toUpperCase() + word.slice(1))
    .join('');
  return `${pascal}Event`;
}

/** The name of the union of every event envelope (what GET /v1/events lists). */
export const EVENT_SCHEMA = 'EventDto';

/** Fields every event about one member carries in its `data`. */
export class MemberEventData {
  @ApiProperty({
    description: 'The member the event is about',
    example: '6f1c2a9e-6b7d-4a53-8d5e-0b9f6f1e2c11',
  })
  memberId!: string;

  @ApiProperty({
    description:
      "The event's place among this member's events: 1, 2, 3 … in commit order, with no gaps",
    example: 7,
  })
  memberSeq!: number;
}

/** The data a flow emits: `memberSeq` is numbered by the outbox as the event is written. */
export type EventPayload<T> = Omit<T, 'memberSeq'>;

const ref = (name: string): string => `#/components/schemas/${name}`;

/**
 * Adds, for every event type whose data is documented, an envelope schema `{id, type, timestamp,
 * data}` and the union `EventDto` of all envelopes with a discriminator on `type`.
 */
export function addEventSchemas(document: OpenAPIObject): OpenAPIObject {
  const schemas = (document.components ??= {}).schemas ?? {};
  document.components.schemas = schemas;
  const mapping: Record<string, string> = {};
  for (const type of EVENT_TYPES) {
    const data = dataClasses.get(type);
    if (!data) {
      continue;
    }
    const name = eventSchemaName(type);
    const envelope: SchemaObject = {
      type: 'object',
      description: `The \`${type}\` event as a receiver gets it (and GET /v1/events lists it).`,
      required: ['id', 'type', 'timestamp', 'data'],
      properties: {
        id: {
          type: 'string',
          format: 'uuid',
          description: 'Unique per event: the same on every delivery of it (deduplicate on it)',
          example: '01968f3c-5a7e-7b21-9c4d-3e2f1a0b9c8d',
        },
        type: { type: 'string', enum: [type], example: type },
        timestamp: {
          type: 'string',
          format: 'date-time',
          description: 'When the change happened',
          example: '2026-05-04T10:15:30.000Z',
        },
        data: { $ref: ref(data.name) },
      },
    };
    schemas[name] = envelope;
    mapping[type] = ref(name);
  }
  schemas[EVENT_SCHEMA] = {
    description: 'An event of the catalog; `type` says which, and so what `data` holds.',
    oneOf: Object.values(mapping).map(($ref) => ({ $ref })),
    discriminator: { propertyName: 'type', mapping },
  };
  return document;
}
