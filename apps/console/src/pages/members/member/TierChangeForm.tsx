import { Alert, Button, NativeSelect, NumberInput, Stack, TextInput, Title } from '@mantine/core';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { api, unwrap } from '../../../api/client';
import { useErrorMessage } from '../../../components/use-error-message';
import { useFormat } from '../../../format/use-format';
import { useApiForm } from '../../../forms/use-api-form';
import { useTiers, type Member } from './member-queries';

interface TierChangeValues extends Record<string, unknown> {
  tierCode: string;
  reason: string;
  holdDays: number | string;
}

/** PUT /v1/members/{id}/tier: a status match or a service recovery, with why and a hold. */
export function TierChangeForm({ member }: { member: Member }) {
  const { t } = useTranslation();
  const format = useFormat();
  const errorMessage = useErrorMessage();
  const queryClient = useQueryClient();
  const tiers = useTiers(true);
  const [done, setDone] = useState<string | null>(null);
  const assign = useMutation({
    mutationFn: (body: { tierCode: string; reason: string; holdDays: number }) =>
      unwrap(api.PUT('/v1/members/{id}/tier', { params: { path: { id: member.id } }, body })),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: ['members'] }),
  });
  const { form, onSubmit, formError, submitting } = useApiForm<TierChangeValues>({
    mode: 'uncontrolled',
    initialValues: { tierCode: member.tier?.code ?? '', reason: '', holdDays: 0 },
    validate: {
      tierCode: (value) => (value ? null : t('member.tierChange.tierRequired')),
      reason: (value) => (value.trim() ? null : t('member.tierChange.reasonRequired')),
    },
    submit: async (values) => {
      setDone(null);
      const result = await assign.mutateAsync({
        tierCode: values.tierCode,
        reason: values.reason.trim(),
        holdDays: Number(values.holdDays || 0),
      });
      setDone(
        result.heldUntil
          ? t('member.tierChange.doneHeld', {
              tier: result.tier.name,
              date: format.date(result.heldUntil),
            })
          : t('member.tierChange.done', { tier: result.tier.name }),
      );
      form.setFieldValue('reason', '');
    },
  });
  const options = (tiers.data?.items ?? []).map((tier) => ({
    value: tier.code,
    label: tier.name,
  }));

  return (
    <form onSubmit={onSubmit} noValidate aria-label={t('member.tierChange.title')}>
      <Stack gap="sm">
        <Title order={3} size="h5">
          {t('member.tierChange.title')}
        </Title>
        <NativeSelect
          label={t('member.tierChange.tier')}
          data={[{ value: '', label: t('member.tierChange.choose') }, ...options]}
          disabled={tiers.isPending}
          error={tiers.isError ? errorMessage(tiers.error) : undefined}
          key={form.key('tierCode')}
          {...form.getInputProps('tierCode')}
        />
        <TextInput
          label={t('member.tierChange.reason')}
          description={t('member.tierChange.reasonHint')}
          required
          key={form.key('reason')}
          {...form.getInputProps('reason')}
        />
        <NumberInput
          label={t('member.tierChange.holdDays')}
          description={t('member.tierChange.holdDaysHint')}
          min={0}
          allowDecimal={false}
          key={form.key('holdDays')}
          {...form.getInputProps('holdDays')}
        />
        {formError !== null && (
          <Alert color="red" role="alert">
            {errorMessage(formError)}
          </Alert>
        )}
        {done !== null && (
          <Alert color="green" role="status">
            {done}
          </Alert>
        )}
        <Button type="submit" loading={submitting} style={{ alignSelf: 'flex-start' }}>
          {t('member.tierChange.submit')}
        </Button>
      </Stack>
    </form>
  );
}
