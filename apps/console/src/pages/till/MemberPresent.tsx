import { Button, Group, Paper, Progress, SimpleGrid, Stack, Text, Title } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { QueryState } from '../../components/QueryState';
import { useFormat } from '../../format/use-format';
import type { Money } from '../../format/use-money';
import { useMember, type Member } from '../members/member/member-queries';

function Figure({ label, value }: { label: string; value: string }) {
  return (
    <Stack gap={0}>
      <Text size="sm" c="dimmed">
        {label}
      </Text>
      <Text size="lg" fw={700}>
        {value}
      </Text>
    </Stack>
  );
}

/** The points that expire within 30 days, with the first date they do. */
function expiring(member: Member): { points: number; firstDate: string | null } {
  const lots = member.points.expiringSoon;
  const points = lots.reduce((sum, lot) => sum + lot.points, 0);
  const firstDate = lots.map((lot) => lot.expiresAt).sort()[0] ?? null;
  return { points, firstDate };
}

function TierLine({ member, money }: { member: Member; money: Money }) {
  const { t } = useTranslation();
  const format = useFormat();
  const progress = member.tierProgress;
  if (!progress) {
    return (
      <Text size="sm">
        {t('till.member.tier', { tier: member.tier?.name ?? t('till.member.noTier') })}
      </Text>
    );
  }
  const amount = (value: number) =>
    progress.metric === 'spend'
      ? money.format(value)
      : t('till.member.points', { points: format.number(value) });
  const percent =
    progress.required > 0
      ? Math.min(100, Math.round((progress.current / progress.required) * 100))
      : 0;
  return (
    <Stack gap={4}>
      <Text size="sm">
        {t('till.member.tier', { tier: member.tier?.name ?? t('till.member.noTier') })}
        {' · '}
        {t('till.member.towards', {
          remaining: amount(progress.remaining),
          tier: progress.nextTier,
        })}
      </Text>
      <Progress
        value={percent}
        aria-label={t('till.member.progressLabel', { tier: progress.nextTier })}
      />
    </Stack>
  );
}

interface MemberPresentProps {
  memberId: string;
  money: Money;
  onDone: () => void;
}

/** The member being served: who, their points now, and their tier; refreshed after every write. */
export function MemberPresent({ memberId, money, onDone }: MemberPresentProps) {
  const { t } = useTranslation();
  const format = useFormat();
  const member = useMember(memberId);

  return (
    <Paper withBorder p="md" component="section" aria-labelledby="till-member-name">
      <QueryState query={member}>
        {(data) => {
          const soon = expiring(data);
          return (
            <Stack gap="sm">
              <Group justify="space-between" align="flex-start" gap="xs">
                <Stack gap={0}>
                  <Title order={2} size="h3" id="till-member-name">
                    {data.name ?? t('till.member.noName')}
                  </Title>
                  <Text size="sm" c="dimmed">
                    {t('till.member.card')} <span dir="ltr">{format.digits(data.cardNumber)}</span>
                  </Text>
                </Stack>
                <Button variant="default" size="xs" onClick={onDone}>
                  {t('till.member.done')}
                </Button>
              </Group>
              <SimpleGrid
                cols={{ base: 2, xs: 3 }}
                spacing="sm"
                role="group"
                aria-label={t('till.member.balance')}
              >
                <Figure
                  label={t('till.member.available')}
                  value={format.number(data.points.available)}
                />
                <Figure
                  label={t('till.member.pending')}
                  value={format.number(data.points.pending)}
                />
                <Figure label={t('till.member.expiring')} value={format.number(soon.points)} />
              </SimpleGrid>
              {soon.firstDate !== null && (
                <Text size="sm" c="dimmed">
                  {t('till.member.expiringFrom', { date: format.date(soon.firstDate) })}
                </Text>
              )}
              <TierLine member={data} money={money} />
            </Stack>
          );
        }}
      </QueryState>
    </Paper>
  );
}
