import { Alert, Button, Group, Paper, Stack, TextInput, Title } from '@mantine/core';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useEffect, useRef } from 'react';
import { useTranslation } from 'react-i18next';
import { api, unwrap } from '../../api/client';
import { useApiForm } from '../../forms/use-api-form';
import type { Member } from '../members/member/member-queries';
import {
  enrolValuesFrom,
  toCreateMemberBody,
  type CreateMemberBody,
  type EnrolValues,
} from './enrol-values';
import { useTillError } from './use-till-error';

interface EnrolFormProps {
  /** What the cashier searched for, put in the field it most likely is. */
  typed: string;
  onEnrolled: (member: Member) => void;
  onCancel: () => void;
}

/** POST /v1/members: a new member at the counter; the API issues the card number. */
export function EnrolForm({ typed, onEnrolled, onCancel }: EnrolFormProps) {
  const { t } = useTranslation();
  const tillError = useTillError();
  const queryClient = useQueryClient();
  const firstField = useRef<HTMLInputElement>(null);
  // The form opens on the cashier's request: their next keystrokes belong in it.
  useEffect(() => firstField.current?.focus(), []);
  const enrol = useMutation({
    mutationFn: (body: CreateMemberBody) => unwrap(api.POST('/v1/members', { body })),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: ['members'] }),
  });
  const { form, onSubmit, formError, submitting } = useApiForm<EnrolValues>({
    mode: 'uncontrolled',
    initialValues: enrolValuesFrom(typed),
    validate: {
      name: (value) => (value.trim() === '' ? t('till.enrol.nameRequired') : null),
    },
    submit: async (values) => onEnrolled(await enrol.mutateAsync(toCreateMemberBody(values))),
  });

  return (
    <Paper withBorder p="md" component="section" aria-labelledby="till-enrol-title">
      <Title order={3} size="h5" id="till-enrol-title" mb="sm">
        {t('till.enrol.title')}
      </Title>
      <form onSubmit={onSubmit} noValidate>
        <Stack gap="sm">
          <TextInput
            label={t('till.enrol.name')}
            required
            ref={firstField}
            key={form.key('name')}
            {...form.getInputProps('name')}
          />
          <TextInput
            label={t('till.enrol.phone')}
            description={t('till.enrol.phoneHint')}
            type="tel"
            dir="ltr"
            key={form.key('phone')}
            {...form.getInputProps('phone')}
          />
          <TextInput
            label={t('till.enrol.email')}
            type="email"
            dir="ltr"
            key={form.key('email')}
            {...form.getInputProps('email')}
          />
          {formError !== null && (
            <Alert color="red" role="alert">
              {tillError(formError)}
            </Alert>
          )}
          <Group gap="sm">
            <Button type="submit" loading={submitting}>
              {t('till.enrol.submit')}
            </Button>
            <Button variant="default" onClick={onCancel}>
              {t('till.enrol.cancel')}
            </Button>
          </Group>
        </Stack>
      </form>
    </Paper>
  );
}
