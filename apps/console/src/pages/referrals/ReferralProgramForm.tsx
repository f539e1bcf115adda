import {
  Alert,
  Button,
  Fieldset,
  Group,
  NumberInput,
  SimpleGrid,
  Stack,
  Switch,
  TextInput,
} from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { api, unwrap } from '../../api/client';
import { useErrorMessage } from '../../components/use-error-message';
import { useApiForm } from '../../forms/use-api-form';
import {
  NUMBER_FIELDS,
  toReferralPatch,
  type ReferralProgram,
  type ReferralProgramPatch,
  type ReferralProgramValues,
} from './referral-values';

export function ReferralProgramForm({ settings }: { settings: ReferralProgram }) {
  const { t } = useTranslation();
  const errorMessage = useErrorMessage();
  const queryClient = useQueryClient();
  const save = useMutation({
    mutationFn: (body: ReferralProgramPatch) => unwrap(api.PATCH('/v1/referral-program', { body })),
    onSuccess: (saved) => {
      queryClient.setQueryData(['referrals', 'program'], saved);
      notifications.show({ color: 'teal', message: t('referrals.saved') });
    },
  });
  const { form, onSubmit, formError, submitting } = useApiForm<ReferralProgramValues>({
    mode: 'uncontrolled',
    initialValues: settings,
    submit: (values) => save.mutateAsync(toReferralPatch(values, settings)),
  });

  return (
    <form onSubmit={onSubmit} noValidate>
      <Fieldset legend={t('referrals.programLegend')} maw={880}>
        <Stack>
          <Switch
            label={t('referrals.fields.active')}
            key={form.key('active')}
            {...form.getInputProps('active', { type: 'checkbox' })}
          />
          <SimpleGrid cols={{ base: 1, sm: 2 }}>
            {NUMBER_FIELDS.map((field) => (
              <NumberInput
                key={form.key(field)}
                label={t(`referrals.fields.${field}`)}
                description={t(`referrals.hints.${field}`)}
                allowDecimal={false}
                {...form.getInputProps(field)}
              />
            ))}
          </SimpleGrid>
          <TextInput
            label={t('referrals.fields.shareBaseUrl')}
            description={t('referrals.hints.shareBaseUrl')}
            dir="ltr"
            key={form.key('shareBaseUrl')}
            {...form.getInputProps('shareBaseUrl')}
          />
          {formError !== null && (
            <Alert color="red" role="alert">
              {errorMessage(formError)}
            </Alert>
          )}
          <Group>
            <Button type="submit" loading={submitting}>
              {t('referrals.save')}
            </Button>
          </Group>
        </Stack>
      </Fieldset>
    </form>
  );
}
