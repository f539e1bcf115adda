import { Alert, Button, Group, NativeSelect, Stack, TextInput } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import type { StaffRole } from '../../api/session';
import { useErrorMessage } from '../../components/use-error-message';
import { useApiForm } from '../../forms/use-api-form';
import { useCreateApiKey, type CreatedApiKey } from './api-keys-query';
import { ROLES, STORE_ROLES } from './roles';

interface KeyValues extends Record<string, unknown> {
  name: string;
  role: StaffRole;
  storeId: string;
}

export function CreateKeyForm({
  onCreated,
  onCancel,
}: {
  onCreated: (key: CreatedApiKey) => void;
  onCancel: () => void;
}) {
  const { t } = useTranslation();
  const errorMessage = useErrorMessage();
  const create = useCreateApiKey();
  const { form, onSubmit, formError, submitting } = useApiForm<KeyValues>({
    mode: 'controlled',
    initialValues: { name: '', role: 'integration', storeId: '' },
    validate: {
      name: (value) => (value.trim() ? null : t('apiKeys.nameRequired')),
      storeId: (value, values) =>
        values.role === 'cashier' && !value.trim() ? t('apiKeys.storeRequired') : null,
    },
    submit: async (values) => {
      const storeId = values.storeId.trim();
      const created = await create.mutateAsync({
        name: values.name.trim(),
        role: values.role,
        ...(STORE_ROLES.includes(values.role) && storeId ? { storeId } : {}),
      });
      onCreated(created);
    },
  });
  const role = form.getValues().role;
  return (
    <form onSubmit={onSubmit} noValidate>
      <Stack gap="sm">
        <TextInput
          label={t('apiKeys.name')}
          description={t('apiKeys.nameHint')}
          required
          data-autofocus
          {...form.getInputProps('name')}
        />
        <NativeSelect
          label={t('apiKeys.role')}
          data={ROLES.map((value) => ({ value, label: t(`session.role.${value}`) }))}
          {...form.getInputProps('role')}
        />
        {STORE_ROLES.includes(role) && (
          <TextInput
            label={t('apiKeys.store')}
            description={
              role === 'cashier' ? t('apiKeys.storeHintCashier') : t('apiKeys.storeHintIntegration')
            }
            required={role === 'cashier'}
            dir="ltr"
            {...form.getInputProps('storeId')}
          />
        )}
        {formError !== null && (
          <Alert color="red" role="alert">
            {errorMessage(formError)}
          </Alert>
        )}
        <Group>
          <Button type="submit" loading={submitting}>
            {t('apiKeys.create')}
          </Button>
          <Button variant="default" onClick={onCancel}>
            {t('apiKeys.cancel')}
          </Button>
        </Group>
      </Stack>
    </form>
  );
}
