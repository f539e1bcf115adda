import { Badge, Group, Stack, Text, Timeline } from '@mantine/core';
import type { TFunction } from 'i18next';
import { useTranslation } from 'react-i18next';
import { QueryState } from '../../../components/QueryState';
import { useFormat } from '../../../format/use-format';
import { useMemberActivity } from './member-queries';
import { Section } from './Section';
import { LoadMoreButton } from '../../../components/LoadMoreButton';

function typeLabel(t: TFunction, type: string): string {
  const labels: Record<string, string> = {
    earn: t('member.activity.types.earn'),
    redeem: t('member.activity.types.redeem'),
    reverse: t('member.activity.types.reverse'),
    expire: t('member.activity.types.expire'),
    adjust: t('member.activity.types.adjust'),
    referral: t('member.activity.types.referral'),
    campaign: t('member.activity.types.campaign'),
    tier: t('member.activity.types.tier'),
    profile: t('member.activity.types.profile'),
    gift: t('member.activity.types.gift'),
    perk: t('member.activity.types.perk'),
  };
  return labels[type] ?? type;
}

/** The member's history, newest first; each entry's description says why it happened. */
export function ActivitySection({ memberId }: { memberId: string }) {
  const { t } = useTranslation();
  const format = useFormat();
  const activity = useMemberActivity(memberId);
  return (
    <Section title={t('member.activity.title')}>
      <QueryState
        query={activity}
        isEmpty={(data) => data.pages.every((page) => page.items.length === 0)}
        emptyText={t('member.activity.none')}
      >
        {(data) => (
          <Stack>
            <Timeline bulletSize={14} lineWidth={2}>
              {data.pages.flatMap((page) =>
                page.items.map((entry) => {
                  const ticket = entry.reference?.['ticketId'];
                  return (
                    <Timeline.Item
                      key={entry.id}
                      title={
                        <Group gap="xs" wrap="wrap">
                          <Badge variant="light" color={entry.points < 0 ? 'red' : 'teal'}>
                            {typeLabel(t, entry.type)}
                          </Badge>
                          {entry.points !== 0 && (
                            <Text fw={700} size="sm">
                              {t('member.activity.points', {
                                points: `${entry.points > 0 ? '+' : ''}${format.number(entry.points)}`,
                              })}
                            </Text>
                          )}
                        </Group>
                      }
                    >
                      <Text size="sm">{entry.description}</Text>
                      {typeof ticket === 'string' && (
                        <Text size="xs" c="dimmed">
                          {t('member.activity.ticket')} <span dir="ltr">{ticket}</span>
                        </Text>
                      )}
                      <Text size="xs" c="dimmed">
                        {format.dateTime(entry.occurredAt)}
                      </Text>
                    </Timeline.Item>
                  );
                }),
              )}
            </Timeline>
            <LoadMoreButton query={activity} label={t('member.loadMore')} />
          </Stack>
        )}
      </QueryState>
    </Section>
  );
}
