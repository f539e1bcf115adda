import { EVENT_TYPES, type EventType } from './event-types';
import type { CreateEndpoint, Endpoint, PatchEndpoint } from './webhooks-query';

export interface EndpointValues extends Record<string, unknown> {
  url: string;
  /** None chosen: every event type, also those added later. */
  eventTypes: EventType[];
  description: string;
  enabled: boolean;
}

export const EMPTY_ENDPOINT: EndpointValues = {
  url: '',
  eventTypes: [],
  description: '',
  enabled: true,
};

/** In the catalog's order, so the same choice always reads and compares the same. */
const inCatalogOrder = (types: readonly EventType[]): EventType[] =>
  EVENT_TYPES.filter((type) => types.includes(type));

export function toCreateBody(values: EndpointValues): CreateEndpoint {
  const description = values.description.trim();
  return {
    url: values.url.trim(),
    ...(values.eventTypes.length > 0 ? { eventTypes: inCatalogOrder(values.eventTypes) } : {}),
    ...(description ? { description } : {}),
  };
}

export function toEndpointValues(endpoint: Endpoint): EndpointValues {
  return {
    url: endpoint.url,
    eventTypes: inCatalogOrder(endpoint.eventTypes),
    description: endpoint.description ?? '',
    enabled: endpoint.enabled,
  };
}

/** Only what changed: a PATCH that changes nothing writes nothing (and no audit entry). */
export function toPatchBody(values: EndpointValues, before: Endpoint): PatchEndpoint {
  const patch: PatchEndpoint = {};
  const url = values.url.trim();
  if (url !== before.url) {
    patch.url = url;
  }
  const types = inCatalogOrder(values.eventTypes);
  const typesBefore = inCatalogOrder(before.eventTypes);
  if (types.join() !== typesBefore.join()) {
    patch.eventTypes = types;
  }
  const description = values.description.trim() || null;
  if (description !== before.description) {
    patch.description = description;
  }
  if (values.enabled !== before.enabled) {
    patch.enabled = values.enabled;
  }
  return patch;
}
