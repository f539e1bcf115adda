import { Progress, Stack, Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { useFormat } from '../../../format/use-format';
import type { Member } from './member-queries';
import { Section } from './Section';
import { TierChangeForm } from './TierChangeForm';

export function TierSection({ member, canChange }: { member: Member; canChange: boolean }) {
  const { t } = useTranslation();
  const format = useFormat();
  const progress = member.tierProgress;
  const percent =
    progress && progress.required > 0
      ? Math.min(100, Math.round((progress.current / progress.required) * 100))
      : 0;
  const metric = (value: number) =>
    progress?.metric === 'spend'
      ? t('member.tier.spend', { value: format.number(value) })
      : t('member.tier.points', { value: format.number(value) });
  return (
    <Section title={t('member.tier.title')}>
      <Text fw={700} size="lg">
        {member.tier?.name ?? t('member.tier.none')}
      </Text>
      {progress ? (
        <Stack gap={4}>
          <Text size="sm">
            {t('member.tier.towards', {
              tier: progress.nextTier,
              current: metric(progress.current),
              required: metric(progress.required),
            })}
          </Text>
          <Progress
            value={percent}
            aria-label={t('member.tier.progressLabel', { tier: progress.nextTier })}
          />
          <Text size="sm" c="dimmed">
            {t('member.tier.remaining', { remaining: metric(progress.remaining) })}
            {progress.windowEndsAt
              ? ` ${t('member.tier.windowEnds', { date: format.date(progress.windowEndsAt) })}`
              : ''}
          </Text>
        </Stack>
      ) : (
        member.tier && (
          <Text size="sm" c="dimmed">
            {t('member.tier.top')}
          </Text>
        )
      )}
      {canChange && member.tier && <TierChangeForm member={member} />}
    </Section>
  );
}
