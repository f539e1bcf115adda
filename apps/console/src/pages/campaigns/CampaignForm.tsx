import {
  Alert,
  Button,
  Fieldset,
  Group,
  NumberInput,
  SegmentedControl,
  Select,
  SimpleGrid,
  Stack,
  Switch,
  Text,
  TextInput,
} from '@mantine/core';
import { useMutation, useQuery } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { api, unwrap } from '../../api/client';
import { useErrorMessage } from '../../components/use-error-message';
import { useFormat } from '../../format/use-format';
import { applyApiErrors } from '../../forms/apply-api-errors';
import { useApiForm } from '../../forms/use-api-form';
import { AudienceBuilder } from './AudienceBuilder';
import {
  toCampaignBody,
  validateCampaign,
  withFormPaths,
  type CampaignBody,
  type CampaignFormValues,
  type GiftType,
} from './campaign-form';
import { cronInWords } from './cron-words';
import { PreviewResult } from './PreviewResult';

interface CampaignFormProps {
  initialValues: CampaignFormValues;
  save: (body: CampaignBody) => Promise<unknown>;
}

/** A campaign's whole body, with a Preview of the unsaved form (POST /v1/campaigns/preview). */
export function CampaignForm({ initialValues, save }: CampaignFormProps) {
  const { t } = useTranslation();
  const format = useFormat();
  const errorMessage = useErrorMessage();
  const { form, onSubmit, formError, submitting } = useApiForm<CampaignFormValues>({
    mode: 'controlled',
    initialValues,
    validate: (values) => validateCampaign(values, t),
    submit: async (values) => {
      try {
        await save(toCampaignBody(values));
      } catch (error) {
        throw withFormPaths(error);
      }
    },
  });
  const rewards = useQuery({
    queryKey: ['rewards', 'all'],
    queryFn: () => unwrap(api.GET('/v1/rewards', { params: { query: { limit: 200 } } })),
  });
  const preview = useMutation({
    mutationFn: (body: CampaignBody) => unwrap(api.POST('/v1/campaigns/preview', { body })),
    onError: (error) => {
      applyApiErrors(form, withFormPaths(error), Object.keys(form.getValues()));
    },
  });
  const runPreview = () => {
    if (form.validate().hasErrors) {
      return;
    }
    preview.mutate(toCampaignBody(form.getValues()));
  };

  const values = form.getValues();
  const schedule = values.schedule.trim();
  const scheduleWords =
    schedule === ''
      ? t('campaigns.cron.none')
      : (cronInWords(schedule, format.language, t) ?? t('campaigns.cron.asWritten', { schedule }));
  const giftTypes: { value: GiftType; label: string }[] = [
    { value: 'points', label: t('campaigns.gift.points') },
    { value: 'reward', label: t('campaigns.gift.reward') },
    { value: 'perk', label: t('campaigns.gift.perk') },
  ];
  const rewardOptions = (rewards.data?.items ?? [])
    .filter((reward) => values.gift.type !== 'perk' || reward.type === 'service_perk')
    .map((reward) => ({ value: reward.id, label: reward.name }));
  const previewFailed = preview.isError ? withFormPaths(preview.error) : null;

  return (
    <form onSubmit={onSubmit} noValidate>
      <Stack>
        <SimpleGrid cols={{ base: 1, sm: 2 }}>
          <TextInput label={t('campaigns.name')} required {...form.getInputProps('name')} />
          <TextInput
            label={t('campaigns.schedule')}
            description={scheduleWords}
            placeholder="0 10 * * 1"
            dir="ltr"
            {...form.getInputProps('schedule')}
          />
        </SimpleGrid>
        <Switch
          label={t('campaigns.active')}
          {...form.getInputProps('active', { type: 'checkbox' })}
        />

        <AudienceBuilder form={form} />

        <Fieldset legend={t('campaigns.gift.legend')}>
          <Stack>
            <SegmentedControl
              aria-label={t('campaigns.gift.type')}
              data={giftTypes}
              {...form.getInputProps('gift.type')}
            />
            {values.gift.type === 'points' ? (
              <NumberInput
                label={t('campaigns.gift.pointsAmount')}
                min={1}
                allowDecimal={false}
                maw={240}
                {...form.getInputProps('gift.points')}
              />
            ) : (
              <Select
                label={t('campaigns.gift.rewardChoice')}
                data={rewardOptions}
                searchable
                nothingFoundMessage={t('campaigns.gift.noRewards')}
                maw={400}
                {...form.getInputProps('gift.rewardId')}
              />
            )}
          </Stack>
        </Fieldset>

        <Fieldset legend={t('campaigns.delivery')}>
          <SimpleGrid cols={{ base: 1, sm: 3 }}>
            <NumberInput
              label={t('campaigns.probability')}
              description={t('campaigns.probabilityHint')}
              min={0.0001}
              max={1}
              step={0.05}
              decimalScale={4}
              {...form.getInputProps('probability')}
            />
            <NumberInput
              label={t('campaigns.cooldownDays')}
              min={0}
              max={3650}
              allowDecimal={false}
              {...form.getInputProps('cooldownDays')}
            />
            <NumberInput
              label={t('campaigns.holdoutPercent')}
              description={t('campaigns.holdoutHint')}
              min={0}
              max={90}
              allowDecimal={false}
              {...form.getInputProps('holdoutPercent')}
            />
            <NumberInput
              label={t('campaigns.followUpDays')}
              description={t('campaigns.followUpHint')}
              min={1}
              max={365}
              allowDecimal={false}
              {...form.getInputProps('followUpDays')}
            />
            <NumberInput
              label={t('campaigns.maxGrantsPerRun')}
              description={t('campaigns.noLimitHint')}
              min={1}
              allowDecimal={false}
              {...form.getInputProps('budget.maxGrantsPerRun')}
            />
            <NumberInput
              label={t('campaigns.maxPointsTotal')}
              description={t('campaigns.noLimitHint')}
              min={1}
              allowDecimal={false}
              {...form.getInputProps('budget.maxPointsTotal')}
            />
          </SimpleGrid>
        </Fieldset>

        {formError !== null && (
          <Alert color="red" role="alert">
            {errorMessage(formError)}
          </Alert>
        )}
        {previewFailed !== null && !applyApiErrorsPlaced(previewFailed, Object.keys(values)) && (
          <Alert color="red" role="alert">
            {errorMessage(previewFailed)}
          </Alert>
        )}
        {preview.data !== undefined && !preview.isPending && (
          <PreviewResult result={preview.data} title={t('campaigns.previewTitle')} />
        )}
        <Text size="sm" c="dimmed">
          {t('campaigns.previewHint')}
        </Text>
        <Group>
          <Button variant="default" onClick={runPreview} loading={preview.isPending}>
            {t('campaigns.preview')}
          </Button>
          <Button type="submit" loading={submitting}>
            {t('campaigns.save')}
          </Button>
        </Group>
      </Stack>
    </form>
  );
}

/** Whether every field problem of a preview's error has a field on the form (shown there). */
function applyApiErrorsPlaced(error: unknown, fields: string[]): boolean {
  return applyApiErrors({ setFieldError: () => undefined }, error, fields);
}
