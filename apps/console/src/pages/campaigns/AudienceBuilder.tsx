import {
  ActionIcon,
  Button,
  Fieldset,
  Group,
  MultiSelect,
  NumberInput,
  Select,
  Stack,
  Text,
} from '@mantine/core';
import type { UseFormReturnType } from '@mantine/form';
import { useQuery } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { api, unwrap } from '../../api/client';
import {
  AUDIENCE_SEGMENTS,
  emptyCriterion,
  type AudienceSegment,
  type CampaignFormValues,
} from './campaign-form';
import { RFM_SEGMENTS } from '../members/segment-labels';

/** The criteria the API accepts under `and` (AudienceDto: at most 10 besides the first). */
const MAX_CRITERIA = 11;

export function useSegmentLabels(): Record<AudienceSegment, string> {
  const { t } = useTranslation();
  return {
    all: t('campaigns.segment.all'),
    top_clv_percent: t('campaigns.segment.topClvPercent'),
    rfm_segment: t('campaigns.segment.rfmSegment'),
    tier: t('campaigns.segment.tier'),
    birthday_today: t('campaigns.segment.birthdayToday'),
    inactive_days: t('campaigns.segment.inactiveDays'),
  };
}

/** The audience as rows of criteria that must all hold: add, change, remove. */
export function AudienceBuilder({ form }: { form: UseFormReturnType<CampaignFormValues> }) {
  const { t } = useTranslation();
  const labels = useSegmentLabels();
  const tiers = useQuery({
    queryKey: ['tiers', 'all'],
    queryFn: () => unwrap(api.GET('/v1/tiers', { params: { query: { limit: 200 } } })),
  });
  const tierOptions = (tiers.data?.items ?? []).map((tier) => ({
    value: tier.code,
    label: tier.name,
  }));
  const rows = form.getValues().criteria;

  return (
    <Fieldset legend={t('campaigns.audience')}>
      <Stack>
        <Text size="sm" c="dimmed">
          {t('campaigns.audienceHint')}
        </Text>
        {rows.map((row, index) => {
          const number = index + 1;
          const at = `criteria.${index}`;
          return (
            <Group key={form.key(at)} align="flex-end" wrap="wrap" gap="sm">
              <Select
                label={t('campaigns.criterion', { number })}
                data={AUDIENCE_SEGMENTS.map((segment) => ({
                  value: segment,
                  label: labels[segment],
                }))}
                allowDeselect={false}
                w={240}
                {...form.getInputProps(`${at}.segment`)}
              />
              {row.segment === 'top_clv_percent' && (
                <NumberInput
                  label={t('campaigns.percent')}
                  min={0.01}
                  max={100}
                  w={160}
                  {...form.getInputProps(`${at}.percent`)}
                />
              )}
              {row.segment === 'rfm_segment' && (
                <MultiSelect
                  label={t('campaigns.rfmSegments')}
                  data={[...RFM_SEGMENTS]}
                  miw={240}
                  {...form.getInputProps(`${at}.segments`)}
                />
              )}
              {row.segment === 'tier' && (
                <MultiSelect
                  label={t('campaigns.tiers')}
                  data={tierOptions}
                  miw={240}
                  {...form.getInputProps(`${at}.tiers`)}
                />
              )}
              {row.segment === 'inactive_days' && (
                <NumberInput
                  label={t('campaigns.days')}
                  min={1}
                  max={3650}
                  allowDecimal={false}
                  w={160}
                  {...form.getInputProps(`${at}.days`)}
                />
              )}
              {rows.length > 1 && (
                <ActionIcon
                  variant="default"
                  size="lg"
                  mb={2}
                  aria-label={t('campaigns.removeCriterion', { number })}
                  onClick={() => form.removeListItem('criteria', index)}
                >
                  ×
                </ActionIcon>
              )}
            </Group>
          );
        })}
        {rows.length < MAX_CRITERIA && (
          <Button
            variant="default"
            style={{ alignSelf: 'flex-start' }}
            onClick={() => form.insertListItem('criteria', emptyCriterion('tier'))}
          >
            {t('campaigns.addCriterion')}
          </Button>
        )}
      </Stack>
    </Fieldset>
  );
}
