import { Alert, Button, Group, Stack, TextInput } from '@mantine/core';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { ApiError } from '../../../api/api-error';
import { api, unwrap } from '../../../api/client';
import type { components } from '../../../api/schema';
import { useErrorMessage } from '../../../components/use-error-message';
import { useApiForm } from '../../../forms/use-api-form';
import type { Member } from './member-queries';

type MemberUpdate = components['schemas']['UpdateMemberDto'];

interface ProfileValues extends Record<string, unknown> {
  name: string;
  email: string;
  phone: string;
  birthDate: string;
  externalId: string;
}

const orNull = (value: string): string | null => (value.trim() === '' ? null : value.trim());

/** PATCH /v1/members/{id}: an emptied field clears it. */
export function ProfileForm({ member, onDone }: { member: Member; onDone: () => void }) {
  const { t } = useTranslation();
  const errorMessage = useErrorMessage();
  const queryClient = useQueryClient();
  const update = useMutation({
    mutationFn: (body: MemberUpdate) =>
      unwrap(api.PATCH('/v1/members/{id}', { params: { path: { id: member.id } }, body })),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: ['members'] }),
  });
  const { form, onSubmit, formError, submitting } = useApiForm<ProfileValues>({
    mode: 'uncontrolled',
    initialValues: {
      name: member.name ?? '',
      email: member.email ?? '',
      phone: member.phone ?? '',
      birthDate: member.birthDate ?? '',
      externalId: member.externalId ?? '',
    },
    submit: async (values) => {
      try {
        await update.mutateAsync({
          name: orNull(values.name),
          email: orNull(values.email),
          phone: orNull(values.phone),
          birthDate: orNull(values.birthDate),
          externalId: orNull(values.externalId),
        });
      } catch (error) {
        // These codes concern one field but come without field details.
        if (error instanceof ApiError && error.code === 'PHONE_INVALID') {
          form.setFieldError('phone', error.message);
          return;
        }
        if (error instanceof ApiError && error.code === 'MEMBER_EXISTS') {
          form.setFieldError('email', error.message);
          return;
        }
        throw error;
      }
      onDone();
    },
  });
  return (
    <form onSubmit={onSubmit} noValidate aria-label={t('member.profile.editTitle')}>
      <Stack gap="sm">
        <TextInput
          label={t('member.profile.name')}
          autoComplete="off"
          key={form.key('name')}
          {...form.getInputProps('name')}
        />
        <TextInput
          label={t('member.profile.email')}
          type="email"
          dir="ltr"
          autoComplete="off"
          key={form.key('email')}
          {...form.getInputProps('email')}
        />
        <TextInput
          label={t('member.profile.phone')}
          type="tel"
          dir="ltr"
          autoComplete="off"
          key={form.key('phone')}
          {...form.getInputProps('phone')}
        />
        <TextInput
          label={t('member.profile.birthDate')}
          description={t('member.profile.birthDateHint')}
          dir="ltr"
          placeholder="1990-04-21"
          key={form.key('birthDate')}
          {...form.getInputProps('birthDate')}
        />
        <TextInput
          label={t('member.profile.externalId')}
          dir="ltr"
          key={form.key('externalId')}
          {...form.getInputProps('externalId')}
        />
        {formError !== null && (
          <Alert color="red" role="alert">
            {errorMessage(formError)}
          </Alert>
        )}
        <Group>
          <Button type="submit" loading={submitting}>
            {t('member.profile.save')}
          </Button>
          <Button variant="default" onClick={onDone}>
            {t('member.profile.cancel')}
          </Button>
        </Group>
      </Stack>
    </form>
  );
}
