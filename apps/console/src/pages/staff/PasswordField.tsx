import { Button, CopyButton, Group, PasswordInput } from '@mantine/core';
import type { UseFormReturnType } from '@mantine/form';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { generatePassword } from './generate-password';

/** A password input with "Generate", which fills a strong password and shows it to copy. */
export function PasswordField<V extends { password: string }>({
  form,
  label,
  description,
  required,
}: {
  form: UseFormReturnType<V>;
  label: string;
  description: string;
  required?: boolean;
}) {
  const { t } = useTranslation();
  const [visible, setVisible] = useState(false);
  const value = form.getValues().password;
  return (
    <div>
      <PasswordInput
        label={label}
        description={description}
        required={required}
        autoComplete="new-password"
        visible={visible}
        onVisibilityChange={setVisible}
        visibilityToggleButtonProps={{ 'aria-label': t('staff.showPassword') }}
        dir="ltr"
        {...form.getInputProps('password')}
      />
      <Group gap="xs" mt="xs">
        <Button
          size="xs"
          variant="default"
          onClick={() => {
            form.setValues({ password: generatePassword() } as Partial<V>);
            setVisible(true);
          }}
        >
          {t('staff.generate')}
        </Button>
        {value !== '' && (
          <CopyButton value={value}>
            {({ copied, copy }) => (
              <Button size="xs" variant="default" onClick={copy}>
                {copied ? t('staff.copied') : t('staff.copyPassword')}
              </Button>
            )}
          </CopyButton>
        )}
      </Group>
    </div>
  );
}
