import {
  Alert,
  Button,
  Fieldset,
  Group,
  NumberInput,
  Select,
  SimpleGrid,
  Stack,
  TagsInput,
  TextInput,
} from '@mantine/core';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { useNavigate } from 'react-router';
import { api, unwrap } from '../../api/client';
import { useErrorMessage } from '../../components/use-error-message';
import { useApiForm } from '../../forms/use-api-form';
import {
  EMPTY_TIER,
  METRICS,
  toTierBody,
  toTierValues,
  type Tier,
  type TierBody,
  type TierFormValues,
} from './tier-values';

/** Every field of a tier; POST for a new one, PUT for a stored one. */
export function TierForm({ tier }: { tier: Tier | null }) {
  const { t } = useTranslation();
  const errorMessage = useErrorMessage();
  const navigate = useNavigate();
  const queryClient = useQueryClient();
  const save = useMutation({
    mutationFn: (body: TierBody) =>
      tier === null
        ? unwrap(api.POST('/v1/tiers', { body }))
        : unwrap(api.PUT('/v1/tiers/{id}', { params: { path: { id: tier.id } }, body })),
    onSuccess: async () => {
      await queryClient.invalidateQueries({ queryKey: ['tiers'] });
      await navigate('/tiers');
    },
  });
  const { form, onSubmit, formError, submitting } = useApiForm<TierFormValues>({
    initialValues: tier === null ? EMPTY_TIER : toTierValues(tier),
    submit: (values) => save.mutateAsync(toTierBody(values)),
  });
  const metric = form.getValues().qualification.metric;

  return (
    <form onSubmit={onSubmit} noValidate>
      <Stack maw={880}>
        <SimpleGrid cols={{ base: 1, sm: 3 }}>
          <TextInput label={t('tiers.fields.name')} required {...form.getInputProps('name')} />
          <TextInput
            label={t('tiers.fields.code')}
            description={t('tiers.hints.code')}
            required
            dir="ltr"
            {...form.getInputProps('code')}
          />
          <NumberInput
            label={t('tiers.fields.rank')}
            description={t('tiers.hints.rank')}
            required
            allowDecimal={false}
            {...form.getInputProps('rank')}
          />
        </SimpleGrid>
        <Fieldset legend={t('tiers.qualificationLegend')}>
          <SimpleGrid cols={{ base: 1, sm: 3 }}>
            <Select
              label={t('tiers.fields.metric')}
              data={METRICS.map((value) => ({ value, label: t(`tiers.metric.${value}`) }))}
              allowDeselect={false}
              {...form.getInputProps('qualification.metric')}
            />
            <NumberInput
              label={t('tiers.fields.threshold')}
              description={t(`tiers.hints.threshold.${metric}`)}
              allowDecimal={false}
              {...form.getInputProps('qualification.threshold')}
            />
            <NumberInput
              label={t('tiers.fields.windowDays')}
              allowDecimal={false}
              {...form.getInputProps('qualification.windowDays')}
            />
          </SimpleGrid>
        </Fieldset>
        <Fieldset legend={t('tiers.benefitsLegend')}>
          <SimpleGrid cols={{ base: 1, sm: 2 }}>
            <NumberInput
              label={t('tiers.fields.pointsMultiplier')}
              description={t('tiers.hints.pointsMultiplier')}
              decimalScale={4}
              {...form.getInputProps('benefits.pointsMultiplier')}
            />
            <TagsInput
              label={t('tiers.fields.perks')}
              description={t('tiers.hints.perks')}
              {...form.getInputProps('benefits.perks')}
            />
          </SimpleGrid>
        </Fieldset>
        <NumberInput
          label={t('tiers.fields.downgradeGraceDays')}
          description={t('tiers.hints.downgradeGraceDays')}
          allowDecimal={false}
          maw={420}
          {...form.getInputProps('downgradeGraceDays')}
        />
        {formError !== null && (
          <Alert color="red" role="alert">
            {errorMessage(formError)}
          </Alert>
        )}
        <Group>
          <Button type="submit" loading={submitting}>
            {t('tiers.save')}
          </Button>
          <Button variant="default" onClick={() => void navigate('/tiers')}>
            {t('tiers.cancel')}
          </Button>
        </Group>
      </Stack>
    </form>
  );
}
