import { NativeSelect, TextInput } from '@mantine/core';
import type { UseFormReturnType } from '@mantine/form';
import { useTranslation } from 'react-i18next';
import type { StaffRole } from '../../api/session';
import { ROLES, STORE_ROLES } from '../api-keys/roles';

export interface RoleStoreValues {
  role: StaffRole;
  storeId: string;
}

/** Role, and the store for a cashier (required) or an integration (optional). */
export function RoleStoreFields<V extends RoleStoreValues>({
  form,
}: {
  form: UseFormReturnType<V>;
}) {
  const { t } = useTranslation();
  const role = form.getValues().role;
  return (
    <>
      <NativeSelect
        label={t('staff.role')}
        data={ROLES.map((value) => ({ value, label: t(`session.role.${value}`) }))}
        {...form.getInputProps('role')}
      />
      {STORE_ROLES.includes(role) && (
        <TextInput
          label={t('staff.store')}
          description={
            role === 'cashier' ? t('staff.storeHintCashier') : t('staff.storeHintIntegration')
          }
          required={role === 'cashier'}
          dir="ltr"
          {...form.getInputProps('storeId')}
        />
      )}
    </>
  );
}

export const storeError =
  (message: string) =>
  (value: string, values: RoleStoreValues): string | null =>
    values.role === 'cashier' && !value.trim() ? message : null;
