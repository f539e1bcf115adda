import { Group, List, Stack, Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { useFormat } from '../../../format/use-format';
import type { Member } from './member-queries';
import { Section } from './Section';

function Figure({ label, value }: { label: string; value: string }) {
  return (
    <Stack gap={0}>
      <Text size="sm" c="dimmed">
        {label}
      </Text>
      <Text size="xl" fw={700}>
        {value}
      </Text>
    </Stack>
  );
}

export function BalanceSection({ member }: { member: Member }) {
  const { t } = useTranslation();
  const format = useFormat();
  const { points } = member;
  return (
    <Section title={t('member.balance.title')}>
      <Group gap="xl">
        <Figure label={t('member.balance.available')} value={format.number(points.available)} />
        <Figure label={t('member.balance.pending')} value={format.number(points.pending)} />
        <Figure label={t('member.balance.lifetime')} value={format.number(points.lifetimeEarned)} />
      </Group>
      <Text size="sm" fw={500}>
        {t('member.balance.expiringSoon')}
      </Text>
      {points.expiringSoon.length === 0 ? (
        <Text size="sm" c="dimmed">
          {t('member.balance.noneExpiring')}
        </Text>
      ) : (
        <List size="sm">
          {points.expiringSoon.map((lot) => (
            <List.Item key={lot.expiresAt}>
              {t('member.balance.expiresOn', {
                points: format.number(lot.points),
                date: format.date(lot.expiresAt),
              })}
            </List.Item>
          ))}
        </List>
      )}
    </Section>
  );
}
