import {
  Alert,
  Button,
  Fieldset,
  Group,
  NumberInput,
  SimpleGrid,
  Stack,
  TagsInput,
  TextInput,
} from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { api, unwrap } from '../../api/client';
import { useErrorMessage } from '../../components/use-error-message';
import { useApiForm } from '../../forms/use-api-form';
import {
  toProgramPatch,
  toProgramValues,
  type NumberField,
  type ProgramFormValues,
  type ProgramPatch,
  type ProgramSettings,
} from './program-values';

const GROUPS: { legend: string; fields: NumberField[] }[] = [
  { legend: 'money', fields: ['minorUnitsPerMajor'] },
  { legend: 'points', fields: ['pointsPendingDays', 'pointsExpiryDays'] },
  { legend: 'redemption', fields: ['redemptionPoints', 'redemptionValue', 'maxRedeemPercent'] },
  { legend: 'goodwill', fields: ['goodwillDailyBudget', 'goodwillMonthlyCap'] },
];

/** The API keeps at most five reminder days. */
const MAX_REMINDERS = 5;

export function ProgramForm({ settings }: { settings: ProgramSettings }) {
  const { t } = useTranslation();
  const errorMessage = useErrorMessage();
  const queryClient = useQueryClient();
  const save = useMutation({
    mutationFn: (body: ProgramPatch) => unwrap(api.PATCH('/v1/program', { body })),
    onSuccess: (saved) => {
      queryClient.setQueryData(['program'], saved);
      notifications.show({
        color: 'teal',
        message: t('program.saved'),
        closeButtonProps: { 'aria-label': t('program.closeNotice') },
      });
    },
  });
  const { form, onSubmit, formError, submitting } = useApiForm<ProgramFormValues>({
    mode: 'uncontrolled',
    initialValues: toProgramValues(settings),
    submit: (values) => save.mutateAsync(toProgramPatch(values, settings)),
  });
  const number = (field: NumberField) => (
    <NumberInput
      key={form.key(field)}
      label={t(`program.fields.${field}`)}
      description={t(`program.hints.${field}`)}
      allowDecimal={false}
      {...form.getInputProps(field)}
    />
  );

  return (
    <form onSubmit={onSubmit} noValidate>
      <Stack maw={880}>
        <Fieldset legend={t('program.legend.general')}>
          <SimpleGrid cols={{ base: 1, sm: 2 }}>
            <TextInput
              label={t('program.fields.name')}
              key={form.key('name')}
              {...form.getInputProps('name')}
            />
            <TextInput
              label={t('program.fields.currency')}
              description={t('program.hints.currency')}
              dir="ltr"
              key={form.key('currency')}
              {...form.getInputProps('currency')}
            />
            <TextInput
              label={t('program.fields.timeZone')}
              description={t('program.hints.timeZone')}
              dir="ltr"
              key={form.key('timeZone')}
              {...form.getInputProps('timeZone')}
            />
            <TextInput
              label={t('program.fields.defaultCountry')}
              description={t('program.hints.defaultCountry')}
              dir="ltr"
              key={form.key('defaultCountry')}
              {...form.getInputProps('defaultCountry')}
            />
          </SimpleGrid>
        </Fieldset>
        {GROUPS.map((group) => (
          <Fieldset key={group.legend} legend={t(`program.legend.${group.legend}`)}>
            <SimpleGrid cols={{ base: 1, sm: 2 }}>{group.fields.map(number)}</SimpleGrid>
          </Fieldset>
        ))}
        <Fieldset legend={t('program.legend.notifications')}>
          <SimpleGrid cols={{ base: 1, sm: 2 }}>
            <TagsInput
              label={t('program.fields.expiryReminderDays')}
              description={t('program.hints.expiryReminderDays')}
              maxTags={MAX_REMINDERS}
              splitChars={[',', '،', ' ']}
              acceptValueOnBlur
              key={form.key('expiryReminderDays')}
              {...form.getInputProps('expiryReminderDays')}
            />
            {number('tierDowngradeWarningDays')}
          </SimpleGrid>
        </Fieldset>
        {formError !== null && (
          <Alert color="red" role="alert">
            {errorMessage(formError)}
          </Alert>
        )}
        <Group>
          <Button type="submit" loading={submitting}>
            {t('program.save')}
          </Button>
        </Group>
      </Stack>
    </form>
  );
}
