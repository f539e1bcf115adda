import {
  Alert,
  Button,
  Group,
  Paper,
  Stack,
  Table,
  Text,
  Title,
  VisuallyHidden,
} from '@mantine/core';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { api, unwrap } from '../../api/client';
import type { components } from '../../api/schema';
import { LoadMoreButton } from '../../components/LoadMoreButton';
import { QueryState } from '../../components/QueryState';
import { useFormat } from '../../format/use-format';
import type { Money } from '../../format/use-money';
import { KeyedSender } from './keyed-sender';
import { blockedBecause } from './reward-status';
import { useTillRewards, type TillReward } from './till-queries';
import { useRewardValue } from './use-reward-value';
import { useTillError } from './use-till-error';

type RedemptionBody = components['schemas']['TillRedemptionDto'];
type Redemption = components['schemas']['RedemptionResultDto'];

function RedeemedNotice({ redeemed }: { redeemed: Redemption }) {
  const { t } = useTranslation();
  const format = useFormat();
  return (
    <Alert color="green" role="status">
      <Stack gap={4}>
        <Text size="sm" fw={700}>
          {t('till.rewards.redeemed', { name: redeemed.name })}
        </Text>
        <Text size="sm">
          {t('till.rewards.spent', {
            points: format.number(redeemed.pointsSpent),
            available: format.number(redeemed.balance.available),
          })}
        </Text>
        {redeemed.code !== undefined && (
          <Text size="sm">
            {t('till.rewards.code')}{' '}
            <Text span fw={700} dir="ltr">
              {redeemed.code}
            </Text>
          </Text>
        )}
        {redeemed.perk !== undefined && (
          <Text size="sm">{t('till.rewards.perk', { perk: redeemed.perk })}</Text>
        )}
        {redeemed.expiresAt !== undefined && (
          <Text size="sm">
            {t('till.rewards.validUntil', { date: format.date(redeemed.expiresAt) })}
          </Text>
        )}
      </Stack>
    </Alert>
  );
}

/**
 * POST /v1/pos/redemptions: the catalog this member may redeem, each with a Redeem button. A
 * double tap or a retry redeems once (one Idempotency-Key per reward until it succeeds).
 */
export function RedeemRewards({ memberId, money }: { memberId: string; money: Money }) {
  const { t } = useTranslation();
  const format = useFormat();
  const tillError = useTillError();
  const rewardValue = useRewardValue(money);
  const queryClient = useQueryClient();
  const rewards = useTillRewards(memberId);
  const [redeemed, setRedeemed] = useState<Redemption | null>(null);
  const redeem = useMutation({
    mutationFn: ({ body, key }: { body: RedemptionBody; key: string }) =>
      unwrap(
        api.POST('/v1/pos/redemptions', { params: { header: { 'Idempotency-Key': key } }, body }),
      ),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: ['members'] }),
  });
  const [sender] = useState(
    () =>
      new KeyedSender<RedemptionBody, Redemption>((body, key) => redeem.mutateAsync({ body, key })),
  );

  const onRedeem = (reward: TillReward) => {
    setRedeemed(null);
    redeem.reset();
    sender
      .submit({ member: { id: memberId }, rewardId: reward.id })
      .then(setRedeemed, () => undefined);
  };

  return (
    <Paper withBorder p="md" component="section" aria-labelledby="till-rewards-title">
      <Stack gap="sm">
        <Title order={2} size="h4" id="till-rewards-title">
          {t('till.rewards.title')}
        </Title>
        {redeemed !== null && <RedeemedNotice redeemed={redeemed} />}
        {redeem.isError && (
          <Alert color="red" role="alert">
            {tillError(redeem.error)}
          </Alert>
        )}
        <QueryState
          query={rewards}
          isEmpty={(data) => data.pages.every((page) => page.items.length === 0)}
          emptyText={t('till.rewards.none')}
        >
          {(data) => (
            <Table.ScrollContainer minWidth={0}>
              <Table aria-labelledby="till-rewards-title" verticalSpacing="xs">
                <Table.Thead>
                  <Table.Tr>
                    <Table.Th>{t('till.rewards.reward')}</Table.Th>
                    <Table.Th>{t('till.rewards.cost')}</Table.Th>
                    <Table.Th>
                      <VisuallyHidden>{t('till.rewards.action')}</VisuallyHidden>
                    </Table.Th>
                  </Table.Tr>
                </Table.Thead>
                <Table.Tbody>
                  {data.pages.flatMap((page) =>
                    page.items.map((reward) => {
                      const blocked = blockedBecause(reward);
                      return (
                        <Table.Tr key={reward.id}>
                          <Table.Td>
                            <Text size="sm" fw={500}>
                              {reward.name}
                            </Text>
                            <Text size="xs" c="dimmed">
                              {rewardValue(reward.type, reward.value)}
                            </Text>
                          </Table.Td>
                          <Table.Td>{format.number(reward.pointsCost)}</Table.Td>
                          <Table.Td>
                            <Group gap="xs" justify="flex-end" wrap="nowrap">
                              {blocked !== null ? (
                                <Text size="xs" c="dimmed">
                                  {t(`till.rewards.blocked.${blocked}`)}
                                </Text>
                              ) : (
                                <Button
                                  size="xs"
                                  loading={
                                    redeem.isPending && redeem.variables.body.rewardId === reward.id
                                  }
                                  aria-label={t('till.rewards.redeemNamed', { name: reward.name })}
                                  onClick={() => onRedeem(reward)}
                                >
                                  {t('till.rewards.redeem')}
                                </Button>
                              )}
                            </Group>
                          </Table.Td>
                        </Table.Tr>
                      );
                    }),
                  )}
                </Table.Tbody>
              </Table>
            </Table.ScrollContainer>
          )}
        </QueryState>
        <LoadMoreButton query={rewards} label={t('till.loadMore')} />
      </Stack>
    </Paper>
  );
}
