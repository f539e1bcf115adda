import { useDebouncedValue } from '@mantine/hooks';
import { keepPreviousData, useQuery } from '@tanstack/react-query';
import { api, unwrap } from '../../api/client';
import type { CheckoutBody } from './basket-values';

/** How long the typing must pause before the basket is simulated again. */
const PREVIEW_DELAY_MS = 300;

/**
 * What the basket would earn, from POST /v1/pos/checkouts/simulate (nothing written), following
 * the typing: each basket is its own query, so an answer that comes back late for an older
 * basket never replaces the newer one's. `current` is false while the answer shown is an
 * older basket's.
 */
export function useBasketPreview(body: CheckoutBody | null) {
  const json = body === null ? null : JSON.stringify(body);
  const [debounced] = useDebouncedValue(json, PREVIEW_DELAY_MS);
  const preview = useQuery({
    queryKey: ['till', 'preview', debounced],
    queryFn: ({ signal }) =>
      unwrap(
        api.POST('/v1/pos/checkouts/simulate', {
          body: JSON.parse(debounced ?? 'null') as CheckoutBody,
          signal,
        }),
      ),
    enabled: debounced !== null,
    placeholderData: keepPreviousData,
    retry: false,
  });
  return { preview, current: json !== null && debounced === json && !preview.isPlaceholderData };
}
