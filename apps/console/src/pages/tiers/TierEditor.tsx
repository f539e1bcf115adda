import { Stack, Title } from '@mantine/core';
import { useQuery } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { useParams } from 'react-router';
import { api, unwrap } from '../../api/client';
import { QueryState } from '../../components/QueryState';
import { TierForm } from './TierForm';

export function TierEditor() {
  const { t } = useTranslation();
  const { id } = useParams();
  const tier = useQuery({
    queryKey: ['tiers', 'one', id],
    queryFn: () =>
      id === undefined
        ? Promise.resolve(null)
        : unwrap(api.GET('/v1/tiers/{id}', { params: { path: { id } } })),
  });
  return (
    <Stack>
      <Title order={1}>{id === undefined ? t('tiers.newTitle') : t('tiers.editTitle')}</Title>
      <QueryState query={tier}>{(stored) => <TierForm tier={stored} />}</QueryState>
    </Stack>
  );
}
