import { Alert, Button, Checkbox, Group, Stack, Text, TextInput } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import type { StaffRole } from '../../api/session';
import { useFormat } from '../../format/use-format';
import { useApiForm } from '../../forms/use-api-form';
import { STORE_ROLES } from '../api-keys/roles';
import { MIN_PASSWORD_LENGTH } from './generate-password';
import { PasswordField } from './PasswordField';
import { RoleStoreFields, storeError } from './RoleStoreFields';
import { usePatchStaffUser, type PatchStaffUser, type StaffUser } from './staff-query';
import { useStaffError } from './use-staff-error';

interface EditValues extends Record<string, unknown> {
  name: string;
  role: StaffRole;
  storeId: string;
  disabled: boolean;
  password: string;
}

/** Only what changed is sent: a PATCH that changes nothing writes nothing. */
function changes(user: StaffUser, values: EditValues): PatchStaffUser {
  const patch: PatchStaffUser = {};
  if (values.name.trim() !== user.name) {
    patch.name = values.name.trim();
  }
  if (values.role !== user.role) {
    patch.role = values.role;
  }
  const storeId =
    STORE_ROLES.includes(values.role) && values.storeId.trim() ? values.storeId.trim() : null;
  if (storeId !== user.storeId) {
    patch.storeId = storeId;
  }
  if (values.disabled !== user.disabled) {
    patch.disabled = values.disabled;
  }
  if (values.password !== '') {
    patch.password = values.password;
  }
  return patch;
}

export function EditStaffForm({ user, onDone }: { user: StaffUser; onDone: () => void }) {
  const { t } = useTranslation();
  const format = useFormat();
  const staffError = useStaffError();
  const patch = usePatchStaffUser(user.id);
  const { form, onSubmit, formError, submitting } = useApiForm<EditValues>({
    mode: 'controlled',
    initialValues: {
      name: user.name,
      role: user.role,
      storeId: user.storeId ?? '',
      disabled: user.disabled,
      password: '',
    },
    validate: {
      name: (value) => (value.trim() ? null : t('staff.nameRequired')),
      storeId: storeError(t('staff.storeRequired')),
      password: (value) =>
        value === '' || value.length >= MIN_PASSWORD_LENGTH
          ? null
          : t('staff.passwordTooShort', { min: format.number(MIN_PASSWORD_LENGTH) }),
    },
    submit: async (values) => {
      const body = changes(user, values);
      if (Object.keys(body).length > 0) {
        await patch.mutateAsync(body);
      }
      onDone();
    },
  });
  return (
    <form onSubmit={onSubmit} noValidate>
      <Stack gap="sm">
        <Text size="sm" dir="ltr" style={{ alignSelf: 'flex-start' }}>
          {user.email}
        </Text>
        <TextInput
          label={t('staff.name')}
          autoComplete="off"
          required
          data-autofocus
          {...form.getInputProps('name')}
        />
        <RoleStoreFields form={form} />
        <Checkbox
          label={t('staff.disabled')}
          description={t('staff.disabledHint')}
          {...form.getInputProps('disabled', { type: 'checkbox' })}
        />
        <PasswordField
          form={form}
          label={t('staff.newPassword')}
          description={t('staff.newPasswordHint', { min: format.number(MIN_PASSWORD_LENGTH) })}
        />
        {formError !== null && (
          <Alert color="red" role="alert">
            {staffError(formError)}
          </Alert>
        )}
        <Group>
          <Button type="submit" loading={submitting}>
            {t('staff.save')}
          </Button>
          <Button variant="default" onClick={onDone}>
            {t('staff.cancel')}
          </Button>
        </Group>
      </Stack>
    </form>
  );
}
