import { Anchor, Button, Group, Stack, Table, Title } from '@mantine/core';
import { useQuery } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { api, unwrap } from '../../api/client';
import { QueryState } from '../../components/QueryState';
import { useFormat } from '../../format/use-format';
import { DeleteTier } from './DeleteTier';

export function TierList() {
  const { t } = useTranslation();
  const format = useFormat();
  const tiers = useQuery({
    queryKey: ['tiers', 'list'],
    queryFn: () => unwrap(api.GET('/v1/tiers', { params: { query: { limit: 200 } } })),
  });

  return (
    <Stack>
      <Group justify="space-between">
        <Title order={1}>{t('tiers.title')}</Title>
        <Button component={Link} to="new">
          {t('tiers.create')}
        </Button>
      </Group>
      <QueryState
        query={tiers}
        isEmpty={(data) => data.items.length === 0}
        emptyText={t('tiers.none')}
      >
        {(data) => (
          <Table.ScrollContainer minWidth={760}>
            <Table striped aria-label={t('tiers.title')}>
              <Table.Thead>
                <Table.Tr>
                  <Table.Th>{t('tiers.columns.rank')}</Table.Th>
                  <Table.Th>{t('tiers.columns.name')}</Table.Th>
                  <Table.Th>{t('tiers.columns.code')}</Table.Th>
                  <Table.Th>{t('tiers.columns.qualification')}</Table.Th>
                  <Table.Th>{t('tiers.columns.benefits')}</Table.Th>
                  <Table.Th>{t('tiers.columns.actions')}</Table.Th>
                </Table.Tr>
              </Table.Thead>
              <Table.Tbody>
                {[...data.items]
                  .sort((a, b) => a.rank - b.rank)
                  .map((tier) => (
                    <Table.Tr key={tier.id}>
                      <Table.Td>{format.number(tier.rank)}</Table.Td>
                      <Table.Td>
                        <Anchor component={Link} to={tier.id}>
                          {tier.name}
                        </Anchor>
                      </Table.Td>
                      <Table.Td dir="ltr">{tier.code}</Table.Td>
                      <Table.Td>
                        {t(`tiers.qualifies.${tier.qualification.metric}`, {
                          threshold: format.number(tier.qualification.threshold),
                          days: format.number(tier.qualification.windowDays),
                        })}
                      </Table.Td>
                      <Table.Td>
                        {[
                          tier.benefits.pointsMultiplier === undefined
                            ? undefined
                            : t('tiers.multiplierSummary', {
                                multiplier: format.number(tier.benefits.pointsMultiplier),
                              }),
                          ...(tier.benefits.perks ?? []),
                        ]
                          .filter((part) => part !== undefined)
                          .join(' · ')}
                      </Table.Td>
                      <Table.Td>
                        <DeleteTier tier={tier} />
                      </Table.Td>
                    </Table.Tr>
                  ))}
              </Table.Tbody>
            </Table>
          </Table.ScrollContainer>
        )}
      </QueryState>
    </Stack>
  );
}
