import { Alert, Button } from '@mantine/core';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { api, unwrap } from '../../api/client';
import type { Perk } from './till-queries';
import { useTillError } from './use-till-error';

/**
 * Marks a service perk or gift as handed over (POST /v1/rewards/redemptions/{id}/use). The API
 * uses a perk once whatever is sent, so the button only waits while a press is on its way.
 */
export function HandOverPerk({ perk }: { perk: Perk }) {
  const { t } = useTranslation();
  const tillError = useTillError();
  const queryClient = useQueryClient();
  const handOver = useMutation({
    mutationFn: () =>
      unwrap(api.POST('/v1/rewards/redemptions/{id}/use', { params: { path: { id: perk.id } } })),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: ['members'] }),
  });
  return (
    <>
      <Button
        size="compact-sm"
        variant="light"
        loading={handOver.isPending}
        disabled={handOver.isSuccess}
        aria-label={t('till.perks.handOverNamed', { name: perk.name })}
        onClick={() => {
          if (!handOver.isPending) {
            handOver.mutate();
          }
        }}
      >
        {t('till.perks.handOver')}
      </Button>
      {handOver.isError && (
        <Alert color="red" role="alert" w="100%">
          {tillError(handOver.error)}
        </Alert>
      )}
    </>
  );
}
