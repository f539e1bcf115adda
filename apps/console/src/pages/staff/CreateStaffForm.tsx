import { Alert, Button, Group, Stack, TextInput } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { ApiError } from '../../api/api-error';
import type { StaffRole } from '../../api/session';
import { useFormat } from '../../format/use-format';
import { useApiForm } from '../../forms/use-api-form';
import { STORE_ROLES } from '../api-keys/roles';
import { MIN_PASSWORD_LENGTH } from './generate-password';
import { PasswordField } from './PasswordField';
import { RoleStoreFields, storeError } from './RoleStoreFields';
import { useCreateStaffUser } from './staff-query';
import { useStaffError } from './use-staff-error';

interface CreateValues extends Record<string, unknown> {
  email: string;
  name: string;
  role: StaffRole;
  storeId: string;
  password: string;
}

export function CreateStaffForm({ onDone }: { onDone: () => void }) {
  const { t } = useTranslation();
  const format = useFormat();
  const staffError = useStaffError();
  const create = useCreateStaffUser();
  const { form, onSubmit, formError, submitting } = useApiForm<CreateValues>({
    mode: 'controlled',
    initialValues: { email: '', name: '', role: 'marketer', storeId: '', password: '' },
    validate: {
      email: (value) => (value.trim() ? null : t('staff.emailRequired')),
      name: (value) => (value.trim() ? null : t('staff.nameRequired')),
      storeId: storeError(t('staff.storeRequired')),
      password: (value) =>
        value.length >= MIN_PASSWORD_LENGTH
          ? null
          : t('staff.passwordTooShort', { min: format.number(MIN_PASSWORD_LENGTH) }),
    },
    submit: async (values) => {
      const storeId = values.storeId.trim();
      try {
        await create.mutateAsync({
          email: values.email.trim(),
          name: values.name.trim(),
          role: values.role,
          password: values.password,
          ...(STORE_ROLES.includes(values.role) && storeId ? { storeId } : {}),
        });
      } catch (error) {
        if (error instanceof ApiError && error.code === 'STAFF_USER_EXISTS') {
          form.setFieldError('email', error.message);
          return;
        }
        throw error;
      }
      onDone();
    },
  });
  return (
    <form onSubmit={onSubmit} noValidate>
      <Stack gap="sm">
        <TextInput
          label={t('staff.email')}
          type="email"
          dir="ltr"
          autoComplete="off"
          required
          data-autofocus
          {...form.getInputProps('email')}
        />
        <TextInput
          label={t('staff.name')}
          autoComplete="off"
          required
          {...form.getInputProps('name')}
        />
        <RoleStoreFields form={form} />
        <PasswordField
          form={form}
          label={t('staff.password')}
          description={t('staff.passwordHint', { min: format.number(MIN_PASSWORD_LENGTH) })}
          required
        />
        {formError !== null && (
          <Alert color="red" role="alert">
            {staffError(formError)}
          </Alert>
        )}
        <Group>
          <Button type="submit" loading={submitting}>
            {t('staff.create')}
          </Button>
          <Button variant="default" onClick={onDone}>
            {t('staff.cancel')}
          </Button>
        </Group>
      </Stack>
    </form>
  );
}
