import { Badge, Group, List, Paper, Stack, Text, Title } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { LoadMoreButton } from '../../components/LoadMoreButton';
import { QueryState } from '../../components/QueryState';
import { useFormat } from '../../format/use-format';
import type { Money } from '../../format/use-money';
import { HandOverPerk } from './HandOverPerk';
import { useTillPerks } from './till-queries';
import { useRewardValue } from './use-reward-value';

/**
 * The member's usable coupons (to apply in the basket) and perks (to hand over): the only place
 * a cashier sees their codes.
 */
export function MemberPerks({ memberId, money }: { memberId: string; money: Money }) {
  const { t } = useTranslation();
  const format = useFormat();
  const rewardValue = useRewardValue(money);
  const perks = useTillPerks(memberId);

  return (
    <Paper withBorder p="md" component="section" aria-labelledby="till-perks-title">
      <Stack gap="sm">
        <Title order={2} size="h4" id="till-perks-title">
          {t('till.perks.title')}
        </Title>
        <QueryState
          query={perks}
          isEmpty={(data) => data.pages.every((page) => page.items.length === 0)}
          emptyText={t('till.perks.none')}
        >
          {(data) => (
            <List listStyleType="none" spacing="xs">
              {data.pages.flatMap((page) =>
                page.items.map((perk) => (
                  <List.Item key={perk.id}>
                    <Group gap="xs" wrap="wrap">
                      <Text size="sm" fw={500}>
                        {perk.name}
                      </Text>
                      <Text size="sm">{rewardValue(perk.type, perk.value)}</Text>
                      {perk.code !== null ? (
                        <Badge variant="outline" color="blue.9" tt="none" dir="ltr">
                          {perk.code}
                        </Badge>
                      ) : (
                        <Badge variant="light" color="grape.9" tt="none">
                          {t('till.perks.perk')}
                        </Badge>
                      )}
                      {perk.expiresAt !== null && (
                        <Text size="xs" c="dimmed">
                          {t('till.perks.expires', { date: format.date(perk.expiresAt) })}
                        </Text>
                      )}
                      {perk.code === null && perk.status === 'active' && (
                        <HandOverPerk perk={perk} />
                      )}
                    </Group>
                  </List.Item>
                )),
              )}
            </List>
          )}
        </QueryState>
        <LoadMoreButton query={perks} label={t('till.loadMore')} />
      </Stack>
    </Paper>
  );
}
