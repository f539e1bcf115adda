import {
  Alert,
  Button,
  Group,
  MultiSelect,
  NumberInput,
  Select,
  SimpleGrid,
  Stack,
  Switch,
  Textarea,
  TextInput,
} from '@mantine/core';
import { useQuery } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { api, unwrap } from '../../api/client';
import { useErrorMessage } from '../../components/use-error-message';
import { useApiForm } from '../../forms/use-api-form';
import {
  NUMERIC_VALUE,
  REWARD_TYPES,
  toRewardBody,
  validateReward,
  type RewardBody,
  type RewardFormValues,
  type RewardType,
} from './reward-form';
import { useRewardTypeLabels } from './reward-labels';

interface RewardFormProps {
  initialValues: RewardFormValues;
  save: (body: RewardBody) => Promise<unknown>;
}

/** The value field says what it means for the chosen type. */
function useValueField(type: RewardType): { label: string; description: string } {
  const { t } = useTranslation();
  switch (type) {
    case 'discount_amount':
      return { label: t('rewards.value.amount'), description: t('rewards.value.amountHint') };
    case 'discount_percent':
      return { label: t('rewards.value.percent'), description: t('rewards.value.percentHint') };
    case 'free_product':
      return { label: t('rewards.value.sku'), description: t('rewards.value.skuHint') };
    case 'service_perk':
    case 'gift':
      return { label: t('rewards.value.what'), description: t('rewards.value.whatHint') };
  }
}

/** A catalog reward's whole body; API validation problems appear beside their fields. */
export function RewardForm({ initialValues, save }: RewardFormProps) {
  const { t } = useTranslation();
  const errorMessage = useErrorMessage();
  const typeLabels = useRewardTypeLabels();
  const { form, onSubmit, formError, submitting } = useApiForm<RewardFormValues>({
    mode: 'controlled',
    initialValues,
    validate: (values) => validateReward(values, t),
    submit: (values) => save(toRewardBody(values)),
  });
  const tiers = useQuery({
    queryKey: ['tiers', 'all'],
    queryFn: () => unwrap(api.GET('/v1/tiers', { params: { query: { limit: 200 } } })),
  });
  const values = form.getValues();
  const valueField = useValueField(values.type);
  const numeric = NUMERIC_VALUE.has(values.type);

  return (
    <form onSubmit={onSubmit} noValidate>
      <Stack>
        <SimpleGrid cols={{ base: 1, sm: 2 }}>
          <TextInput label={t('rewards.name')} required {...form.getInputProps('name')} />
          <Select
            label={t('rewards.type')}
            data={REWARD_TYPES.map((type) => ({ value: type, label: typeLabels[type] }))}
            allowDeselect={false}
            {...form.getInputProps('type')}
            onChange={(type) => {
              // A number does not mean the same under a text type, nor the other way round.
              if (type === null) {
                return;
              }
              const wasNumeric = NUMERIC_VALUE.has(values.type);
              form.setFieldValue('type', type as RewardType);
              if (wasNumeric !== NUMERIC_VALUE.has(type as RewardType)) {
                form.setFieldValue('value', '');
              }
            }}
          />
        </SimpleGrid>
        <Textarea
          label={t('rewards.description')}
          autosize
          minRows={2}
          {...form.getInputProps('description')}
        />
        <SimpleGrid cols={{ base: 1, sm: 3 }}>
          {numeric ? (
            <NumberInput
              key={`value-${values.type}`}
              label={valueField.label}
              description={valueField.description}
              allowDecimal={false}
              {...form.getInputProps('value')}
            />
          ) : (
            <TextInput
              key={`value-${values.type}`}
              label={valueField.label}
              description={valueField.description}
              dir={values.type === 'free_product' ? 'ltr' : undefined}
              {...form.getInputProps('value')}
            />
          )}
          <NumberInput
            label={t('rewards.pointsCost')}
            required
            min={0}
            allowDecimal={false}
            {...form.getInputProps('pointsCost')}
          />
          <NumberInput
            label={t('rewards.stock')}
            description={t('rewards.unlimitedHint')}
            min={0}
            allowDecimal={false}
            {...form.getInputProps('stock')}
          />
          <NumberInput
            label={t('rewards.perMemberLimit')}
            description={t('rewards.unlimitedHint')}
            min={1}
            allowDecimal={false}
            {...form.getInputProps('perMemberLimit')}
          />
          <NumberInput
            label={t('rewards.validDays')}
            description={t('rewards.validDaysHint')}
            min={1}
            allowDecimal={false}
            {...form.getInputProps('validDays')}
          />
          <MultiSelect
            label={t('rewards.tiers')}
            description={t('rewards.tiersHint')}
            data={(tiers.data?.items ?? []).map((tier) => ({ value: tier.code, label: tier.name }))}
            {...form.getInputProps('tiers')}
          />
          <TextInput
            type="datetime-local"
            label={t('rewards.activeFrom')}
            description={t('rewards.activeFromHint')}
            {...form.getInputProps('activeFrom')}
          />
          <TextInput
            type="datetime-local"
            label={t('rewards.activeUntil')}
            description={t('rewards.activeUntilHint')}
            {...form.getInputProps('activeUntil')}
          />
        </SimpleGrid>
        <Switch
          label={t('rewards.active')}
          {...form.getInputProps('active', { type: 'checkbox' })}
        />
        {formError !== null && (
          <Alert color="red" role="alert">
            {errorMessage(formError)}
          </Alert>
        )}
        <Group>
          <Button type="submit" loading={submitting}>
            {t('rewards.save')}
          </Button>
        </Group>
      </Stack>
    </form>
  );
}
