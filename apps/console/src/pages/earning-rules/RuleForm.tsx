import {
  Alert,
  Button,
  Checkbox,
  Chip,
  Fieldset,
  Group,
  Input,
  MultiSelect,
  NumberInput,
  SimpleGrid,
  Stack,
  Switch,
  TagsInput,
  TextInput,
} from '@mantine/core';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { useNavigate } from 'react-router';
import { api, unwrap } from '../../api/client';
import { useErrorMessage } from '../../components/use-error-message';
import type { Money } from '../../format/use-money';
import { useApiForm } from '../../forms/use-api-form';
import {
  CHANNELS,
  EMPTY_RULE,
  toRuleBody,
  toRuleValues,
  WEEKDAYS,
  type EarningRule,
  type EarningRuleBody,
  type RuleFormValues,
} from './rule-values';

interface RuleFormProps {
  /** null for a new rule. */
  rule: EarningRule | null;
  money: Money;
}

/** Every condition, effect and limit of an earning rule; saved with POST, or PUT for a stored one. */
export function RuleForm({ rule, money }: RuleFormProps) {
  const { t } = useTranslation();
  const errorMessage = useErrorMessage();
  const navigate = useNavigate();
  const queryClient = useQueryClient();
  const tiers = useQuery({
    queryKey: ['tiers', 'list'],
    queryFn: () => unwrap(api.GET('/v1/tiers', { params: { query: { limit: 200 } } })),
  });
  const save = useMutation({
    mutationFn: (body: EarningRuleBody) =>
      rule === null
        ? unwrap(api.POST('/v1/earning-rules', { body }))
        : unwrap(api.PUT('/v1/earning-rules/{id}', { params: { path: { id: rule.id } }, body })),
    onSuccess: async () => {
      await queryClient.invalidateQueries({ queryKey: ['earningRules'] });
      await navigate('/earning-rules');
    },
  });
  const { form, onSubmit, formError, submitting } = useApiForm<RuleFormValues>({
    mode: 'uncontrolled',
    initialValues: rule === null ? EMPTY_RULE : toRuleValues(rule, money.toMajor),
    submit: (values) => save.mutateAsync(toRuleBody(values, money.toMinor)),
  });
  const tierCodes = (tiers.data?.items ?? []).map((tier) => ({
    value: tier.code,
    label: `${tier.name} (${tier.code})`,
  }));
  const daysError = form.getInputProps('conditions.daysOfWeek').error as string | undefined;

  return (
    <form onSubmit={onSubmit} noValidate>
      <Stack maw={880}>
        <SimpleGrid cols={{ base: 1, sm: 2 }}>
          <TextInput
            label={t('earningRules.fields.name')}
            required
            key={form.key('name')}
            {...form.getInputProps('name')}
          />
          <NumberInput
            label={t('earningRules.fields.priority')}
            description={t('earningRules.hints.priority')}
            allowDecimal={false}
            key={form.key('priority')}
            {...form.getInputProps('priority')}
          />
        </SimpleGrid>
        <Group>
          <Switch
            label={t('earningRules.fields.active')}
            key={form.key('active')}
            {...form.getInputProps('active', { type: 'checkbox' })}
          />
          <Checkbox
            label={t('earningRules.fields.stackable')}
            description={t('earningRules.hints.stackable')}
            key={form.key('stackable')}
            {...form.getInputProps('stackable', { type: 'checkbox' })}
          />
        </Group>

        <Fieldset legend={t('earningRules.effectLegend')}>
          <SimpleGrid cols={{ base: 1, sm: 3 }}>
            <NumberInput
              label={t('earningRules.fields.pointsPerUnit', { currency: money.currency })}
              description={t('earningRules.hints.pointsPerUnit')}
              min={0}
              decimalScale={4}
              key={form.key('effect.pointsPerUnit')}
              {...form.getInputProps('effect.pointsPerUnit')}
            />
            <NumberInput
              label={t('earningRules.fields.multiplier')}
              description={t('earningRules.hints.multiplier')}
              decimalScale={4}
              key={form.key('effect.multiplier')}
              {...form.getInputProps('effect.multiplier')}
            />
            <NumberInput
              label={t('earningRules.fields.fixedPoints')}
              description={t('earningRules.hints.fixedPoints')}
              min={0}
              allowDecimal={false}
              key={form.key('effect.fixedPoints')}
              {...form.getInputProps('effect.fixedPoints')}
            />
          </SimpleGrid>
          {typeof form.errors.effect === 'string' && (
            <Input.Error mt="xs">{form.errors.effect}</Input.Error>
          )}
        </Fieldset>

        <Fieldset legend={t('earningRules.conditionsLegend')}>
          <Stack>
            <Input.Description>{t('earningRules.hints.conditions')}</Input.Description>
            <MultiSelect
              label={t('earningRules.fields.channels')}
              data={CHANNELS.map((channel) => ({
                value: channel,
                label: t(`earningRules.channel.${channel}`),
              }))}
              key={form.key('conditions.channels')}
              {...form.getInputProps('conditions.channels')}
            />
            <SimpleGrid cols={{ base: 1, sm: 2 }}>
              <TagsInput
                label={t('earningRules.fields.storeIds')}
                description={t('earningRules.hints.tags')}
                key={form.key('conditions.storeIds')}
                {...form.getInputProps('conditions.storeIds')}
              />
              <MultiSelect
                label={t('earningRules.fields.tiers')}
                data={tierCodes}
                searchable
                key={form.key('conditions.tiers')}
                {...form.getInputProps('conditions.tiers')}
              />
              <TagsInput
                label={t('earningRules.fields.categories')}
                description={t('earningRules.hints.tags')}
                key={form.key('conditions.categories')}
                {...form.getInputProps('conditions.categories')}
              />
              <TagsInput
                label={t('earningRules.fields.skus')}
                description={t('earningRules.hints.tags')}
                key={form.key('conditions.skus')}
                {...form.getInputProps('conditions.skus')}
              />
              <NumberInput
                label={t('earningRules.fields.minOrderTotal', { currency: money.currency })}
                min={0}
                decimalScale={Math.round(Math.log10(money.minorUnitsPerMajor))}
                key={form.key('conditions.minOrderTotal')}
                {...form.getInputProps('conditions.minOrderTotal')}
              />
              <NumberInput
                label={t('earningRules.fields.perMemberPerDay')}
                description={t('earningRules.hints.perMemberPerDay')}
                min={1}
                allowDecimal={false}
                key={form.key('limits.perMemberPerDay')}
                {...form.getInputProps('limits.perMemberPerDay')}
              />
              <TextInput
                type="datetime-local"
                label={t('earningRules.fields.validFrom')}
                key={form.key('conditions.validFrom')}
                {...form.getInputProps('conditions.validFrom')}
              />
              <TextInput
                type="datetime-local"
                label={t('earningRules.fields.validUntil')}
                key={form.key('conditions.validUntil')}
                {...form.getInputProps('conditions.validUntil')}
              />
            </SimpleGrid>
            <Input.Wrapper
              label={t('earningRules.fields.daysOfWeek')}
              description={t('earningRules.hints.daysOfWeek')}
              error={daysError}
              labelElement="div"
            >
              <Chip.Group
                multiple
                key={form.key('conditions.daysOfWeek')}
                {...form.getInputProps('conditions.daysOfWeek')}
              >
                <Group
                  gap="xs"
                  mt="xs"
                  role="group"
                  aria-label={t('earningRules.fields.daysOfWeek')}
                >
                  {WEEKDAYS.map((day) => (
                    <Chip key={day} value={String(day)} size="sm">
                      {t(`earningRules.weekday.${day}`)}
                    </Chip>
                  ))}
                </Group>
              </Chip.Group>
            </Input.Wrapper>
          </Stack>
        </Fieldset>

        {formError !== null && (
          <Alert color="red" role="alert">
            {errorMessage(formError)}
          </Alert>
        )}
        <Group>
          <Button type="submit" loading={submitting}>
            {t('earningRules.save')}
          </Button>
          <Button variant="default" onClick={() => void navigate('/earning-rules')}>
            {t('earningRules.cancel')}
          </Button>
        </Group>
      </Stack>
    </form>
  );
}
