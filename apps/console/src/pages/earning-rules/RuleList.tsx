import { Anchor, Badge, Button, Group, Stack, Table, Title } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { QueryState } from '../../components/QueryState';
import { useFormat } from '../../format/use-format';
import { useMoney } from '../../format/use-money';
import { RuleActions } from './RuleActions';
import { TryBasket } from './TryBasket';
import { useEarningRules } from './rules-query';
import { useRuleSummary } from './use-rule-summary';
import { LoadMoreButton } from '../../components/LoadMoreButton';

export function RuleList() {
  const { t } = useTranslation();
  const format = useFormat();
  const money = useMoney();
  const summary = useRuleSummary(money);
  const rules = useEarningRules();

  return (
    <Stack>
      <Group justify="space-between">
        <Title order={1}>{t('earningRules.title')}</Title>
        <Button component={Link} to="new">
          {t('earningRules.create')}
        </Button>
      </Group>
      <QueryState
        query={rules}
        isEmpty={(data) => data.pages.every((page) => page.items.length === 0)}
        emptyText={t('earningRules.none')}
      >
        {(data) => (
          <Stack>
            <Table.ScrollContainer minWidth={860}>
              <Table striped aria-label={t('earningRules.title')}>
                <Table.Thead>
                  <Table.Tr>
                    <Table.Th>{t('earningRules.columns.name')}</Table.Th>
                    <Table.Th>{t('earningRules.columns.active')}</Table.Th>
                    <Table.Th>{t('earningRules.columns.priority')}</Table.Th>
                    <Table.Th>{t('earningRules.columns.effect')}</Table.Th>
                    <Table.Th>{t('earningRules.columns.conditions')}</Table.Th>
                    <Table.Th>{t('earningRules.columns.actions')}</Table.Th>
                  </Table.Tr>
                </Table.Thead>
                <Table.Tbody>
                  {data.pages.flatMap((page) =>
                    page.items.map((rule) => (
                      <Table.Tr key={rule.id}>
                        <Table.Td>
                          <Anchor component={Link} to={rule.id}>
                            {rule.name}
                          </Anchor>
                        </Table.Td>
                        <Table.Td>
                          <Badge color={rule.active ? 'teal.9' : 'gray.7'} variant="filled">
                            {rule.active ? t('earningRules.active') : t('earningRules.inactive')}
                          </Badge>
                        </Table.Td>
                        <Table.Td>{format.number(rule.priority)}</Table.Td>
                        <Table.Td>{summary.effect(rule)}</Table.Td>
                        <Table.Td>{summary.conditions(rule)}</Table.Td>
                        <Table.Td>
                          <RuleActions rule={rule} />
                        </Table.Td>
                      </Table.Tr>
                    )),
                  )}
                </Table.Tbody>
              </Table>
            </Table.ScrollContainer>
            <LoadMoreButton query={rules} label={t('earningRules.loadMore')} />
          </Stack>
        )}
      </QueryState>
      <TryBasket />
    </Stack>
  );
}
