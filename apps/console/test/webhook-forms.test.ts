import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import en from '../src/i18n/en.json';
import fa from '../src/i18n/fa.json';
import {
  EMPTY_ENDPOINT,
  toCreateBody,
  toEndpointValues,
  toPatchBody,
} from '../src/pages/webhooks/endpoint-values';
import { hasDeliveryDueSoon } from '../src/pages/webhooks/delivery-refresh';
import { EVENT_TYPES } from '../src/pages/webhooks/event-types';
import type { Delivery, Endpoint } from '../src/pages/webhooks/webhooks-query';

/** The event types the API accepts, as the committed OpenAPI document lists them. */
function serverEventTypes(): string[] {
  const document = JSON.parse(
    readFileSync(join(import.meta.dirname, '../../../openapi.json'), 'utf8'),
  ) as {
    components: {
      schemas: Record<string, { properties: { eventTypes: { items: { enum: string[] } } } }>;
    };
  };
  return document.components.schemas.WebhookEndpointDto?.properties.eventTypes.items.enum ?? [];
}

const ENDPOINT: Endpoint = {
  id: '3d1f2a9e-6b7d-4a53-8d5e-0b9f6f1e2c11',
  url: 'https://shop.example.com/hooks/vafa',
  eventTypes: ['points.earned', 'member.enrolled'],
  description: 'Warehouse',
  enabled: true,
  disabledReason: null,
  failingSince: null,
  previousSecretExpiresAt: null,
  createdAt: '2026-05-01T10:00:00.000Z',
  updatedAt: '2026-05-01T10:00:00.000Z',
};

describe('the webhook endpoint form', () => {
  it('offers the server’s whole event catalog, in its order', () => {
    expect(EVENT_TYPES).toEqual(serverEventTypes());
  });

  it('creates with every event when none is chosen, and without an empty description', () => {
    expect(toCreateBody({ ...EMPTY_ENDPOINT, url: ' https://shop.example.com/hooks ' })).toEqual({
      url: 'https://shop.example.com/hooks',
    });
  });

  it('creates with the chosen types in catalog order and the trimmed description', () => {
    const body = toCreateBody({
      ...EMPTY_ENDPOINT,
      url: 'https://shop.example.com/hooks',
      eventTypes: ['campaign.gift_granted', 'points.earned'],
      description: ' Warehouse: ship gifts ',
    });
    expect(body).toEqual({
      url: 'https://shop.example.com/hooks',
      eventTypes: ['points.earned', 'campaign.gift_granted'],
      description: 'Warehouse: ship gifts',
    });
  });

  it('patches nothing when nothing changed, also with the types in another order', () => {
    const values = toEndpointValues(ENDPOINT);
    expect(toPatchBody(values, ENDPOINT)).toEqual({});
    expect(
      toPatchBody({ ...values, eventTypes: ['points.earned', 'member.enrolled'] }, ENDPOINT),
    ).toEqual({});
  });

  it('patches only what changed: all events as an empty list, a cleared description as null', () => {
    const values = toEndpointValues(ENDPOINT);
    expect(
      toPatchBody({ ...values, eventTypes: [], description: ' ', enabled: false }, ENDPOINT),
    ).toEqual({ eventTypes: [], description: null, enabled: false });
    expect(toPatchBody({ ...values, url: 'https://other.example.com/in' }, ENDPOINT)).toEqual({
      url: 'https://other.example.com/in',
    });
  });

  it('describes every event type in English and Persian', () => {
    for (const tree of [en, fa]) {
      const descriptions = tree.webhooks.eventTypes as Record<string, string>;
      expect(Object.keys(descriptions).sort()).toEqual(
        EVENT_TYPES.map((type) => type.replace('.', '_')).sort(),
      );
    }
  });
});

describe('following deliveries on screen', () => {
  const NOW = Date.parse('2026-05-01T10:00:00.000Z');
  const delivery = (status: Delivery['status'], nextAttemptAt: string | null): Delivery => ({
    id: 'd1',
    eventId: 'e1',
    eventType: 'webhook.test',
    status,
    attemptCount: 1,
    nextAttemptAt,
    createdAt: '2026-05-01T09:59:00.000Z',
    attempts: [],
  });

  it('reads again while a pending delivery is due within a minute', () => {
    expect(hasDeliveryDueSoon([delivery('pending', '2026-05-01T10:00:05.000Z')], NOW)).toBe(true);
    expect(hasDeliveryDueSoon([delivery('pending', null)], NOW)).toBe(true);
  });

  it('stops when every delivery is done or its retry is far off', () => {
    expect(hasDeliveryDueSoon([delivery('succeeded', null)], NOW)).toBe(false);
    expect(hasDeliveryDueSoon([delivery('failed', null)], NOW)).toBe(false);
    expect(hasDeliveryDueSoon([delivery('pending', '2026-05-01T10:05:00.000Z')], NOW)).toBe(false);
  });
});
