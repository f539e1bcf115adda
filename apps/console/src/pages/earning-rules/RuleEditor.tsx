import { Stack, Title } from '@mantine/core';
import { useQuery } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { useParams } from 'react-router';
import { api, unwrap } from '../../api/client';
import { QueryState } from '../../components/QueryState';
import { useMoney } from '../../format/use-money';
import { RuleForm } from './RuleForm';

/** The rule form for a new rule (/new) or a stored one (/:id), once the program's money is known. */
export function RuleEditor() {
  const { t } = useTranslation();
  const { id } = useParams();
  const money = useMoney();
  const rule = useQuery({
    queryKey: ['earningRules', 'one', id],
    queryFn: () =>
      id === undefined
        ? Promise.resolve(null)
        : unwrap(api.GET('/v1/earning-rules/{id}', { params: { path: { id } } })),
  });
  const ready = {
    ...rule,
    isPending: rule.isPending || money === undefined,
    data: money === undefined ? undefined : rule.data,
  };
  return (
    <Stack>
      <Title order={1}>
        {id === undefined ? t('earningRules.newTitle') : t('earningRules.editTitle')}
      </Title>
      <QueryState query={ready}>
        {(stored) => money && <RuleForm rule={stored} money={money} />}
      </QueryState>
    </Stack>
  );
}
