import { useInfiniteQuery, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { api, unwrap } from '../../api/client';
import type { components } from '../../api/schema';
import { DUE_REFRESH_MS, hasDeliveryDueSoon } from './delivery-refresh';

export type Endpoint = components['schemas']['WebhookEndpointDto'];
export type CreatedEndpoint = components['schemas']['CreatedWebhookEndpointDto'];
export type CreateEndpoint = components['schemas']['CreateWebhookEndpointDto'];
export type PatchEndpoint = components['schemas']['PatchWebhookEndpointDto'];
export type RotatedSecret = components['schemas']['RotatedSecretDto'];
export type Delivery = components['schemas']['WebhookDeliveryDto'];
export type DeliveryAttempt = components['schemas']['DeliveryAttemptDto'];
export type DeliveryStatus = Delivery['status'];

const KEY = ['webhooks'] as const;
const PAGE_SIZE = 50;

export function useEndpoints() {
  return useInfiniteQuery({
    queryKey: [...KEY, 'list'],
    queryFn: ({ pageParam }) =>
      unwrap(
        api.GET('/v1/webhook-endpoints', {
          params: { query: { cursor: pageParam, limit: PAGE_SIZE } },
        }),
      ),
    initialPageParam: undefined as string | undefined,
    getNextPageParam: (page) => page.nextCursor ?? undefined,
  });
}

export function useEndpoint(id: string) {
  return useQuery({
    queryKey: [...KEY, id],
    queryFn: () => unwrap(api.GET('/v1/webhook-endpoints/{id}', { params: { path: { id } } })),
  });
}

export function useDeliveries(endpointId: string, status: DeliveryStatus | undefined) {
  return useInfiniteQuery({
    queryKey: [...KEY, endpointId, 'deliveries', status ?? 'all'],
    queryFn: ({ pageParam }) =>
      unwrap(
        api.GET('/v1/webhook-endpoints/{id}/deliveries', {
          params: {
            path: { id: endpointId },
            query: { status, cursor: pageParam, limit: PAGE_SIZE },
          },
        }),
      ),
    initialPageParam: undefined as string | undefined,
    getNextPageParam: (page) => page.nextCursor ?? undefined,
    // A delivery on its way ends as succeeded or failed: follow it without a reload.
    refetchInterval: (query) =>
      hasDeliveryDueSoon(query.state.data?.pages.flatMap((page) => page.items) ?? [], Date.now())
        ? DUE_REFRESH_MS
        : false,
  });
}

export function useCreateEndpoint() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (body: CreateEndpoint) => unwrap(api.POST('/v1/webhook-endpoints', { body })),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: KEY }),
  });
}

export function usePatchEndpoint(id: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (body: PatchEndpoint) =>
      unwrap(api.PATCH('/v1/webhook-endpoints/{id}', { params: { path: { id } }, body })),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: KEY }),
  });
}

export function useDeleteEndpoint() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (id: string) =>
      unwrap(api.DELETE('/v1/webhook-endpoints/{id}', { params: { path: { id } } })),
    onSuccess: (_, id) => {
      queryClient.removeQueries({ queryKey: [...KEY, id] });
      return queryClient.invalidateQueries({ queryKey: [...KEY, 'list'] });
    },
  });
}

export function useRotateSecret(id: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: () =>
      unwrap(api.POST('/v1/webhook-endpoints/{id}/rotate-secret', { params: { path: { id } } })),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: [...KEY, id] }),
  });
}

export function useSendTest(id: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: () =>
      unwrap(api.POST('/v1/webhook-endpoints/{id}/test', { params: { path: { id } } })),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: [...KEY, id, 'deliveries'] }),
  });
}

export function useRedeliver(endpointId: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (deliveryId: string) =>
      unwrap(
        api.POST('/v1/webhook-deliveries/{id}/redeliver', {
          params: { path: { id: deliveryId } },
        }),
      ),
    onSuccess: () =>
      queryClient.invalidateQueries({ queryKey: [...KEY, endpointId, 'deliveries'] }),
  });
}
