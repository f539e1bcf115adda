import {
  Alert,
  Button,
  NativeSelect,
  NumberInput,
  Stack,
  Textarea,
  TextInput,
} from '@mantine/core';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { api, unwrap } from '../../../api/client';
import type { components } from '../../../api/schema';
import { useErrorMessage } from '../../../components/use-error-message';
import { useFormat } from '../../../format/use-format';
import { useApiForm } from '../../../forms/use-api-form';
import { IdempotencyKeys } from './idempotency-key';
import type { Member } from './member-queries';
import { Section } from './Section';

type Adjustment = components['schemas']['CreateAdjustmentDto'];
type AdjustmentResult = components['schemas']['AdjustmentResultDto'];

interface GoodwillValues extends Record<string, unknown> {
  points: number | string;
  reason: Adjustment['reason'];
  ticketId: string;
  note: string;
}

const INITIAL: GoodwillValues = { points: '', reason: 'goodwill', ticketId: '', note: '' };

function toBody(values: GoodwillValues): Adjustment {
  return {
    points: Number(values.points),
    reason: values.reason,
    ...(values.ticketId.trim() ? { ticketId: values.ticketId.trim() } : {}),
    ...(values.note.trim() ? { note: values.note.trim() } : {}),
  };
}

/**
 * POST /v1/members/{id}/adjustments. A double click or a retry sends the same Idempotency-Key
 * (and a submit while one is on its way waits for that one), so the member is credited once.
 */
export function GoodwillForm({ member }: { member: Member }) {
  const { t } = useTranslation();
  const format = useFormat();
  const errorMessage = useErrorMessage();
  const queryClient = useQueryClient();
  const keys = useRef(new IdempotencyKeys());
  const inFlight = useRef<Promise<AdjustmentResult> | null>(null);
  const [granted, setGranted] = useState<AdjustmentResult | null>(null);
  const grant = useMutation({
    mutationFn: ({ body, key }: { body: Adjustment; key: string }) =>
      unwrap(
        api.POST('/v1/members/{id}/adjustments', {
          params: { path: { id: member.id }, header: { 'Idempotency-Key': key } },
          body,
        }),
      ),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: ['members'] }),
  });
  const { form, onSubmit, formError, submitting } = useApiForm<GoodwillValues>({
    mode: 'uncontrolled',
    initialValues: INITIAL,
    validate: {
      points: (value) =>
        value !== '' && Number.isInteger(Number(value)) && Number(value) !== 0
          ? null
          : t('member.grant.pointsInvalid'),
    },
    submit: async (values) => {
      if (inFlight.current) {
        return inFlight.current;
      }
      setGranted(null);
      const body = toBody(values);
      const sending = grant.mutateAsync({ body, key: keys.current.keyFor(body) });
      inFlight.current = sending;
      try {
        const result = await sending;
        keys.current.reset();
        form.reset();
        setGranted(result);
        return result;
      } finally {
        inFlight.current = null;
      }
    },
  });

  return (
    <Section title={t('member.grant.title')}>
      <form onSubmit={onSubmit} noValidate>
        <Stack gap="sm">
          <NumberInput
            label={t('member.grant.points')}
            description={t('member.grant.pointsHint')}
            allowDecimal={false}
            required
            key={form.key('points')}
            {...form.getInputProps('points')}
          />
          <NativeSelect
            label={t('member.grant.reason')}
            data={[
              { value: 'goodwill', label: t('member.grant.reasons.goodwill') },
              { value: 'correction', label: t('member.grant.reasons.correction') },
              { value: 'migration', label: t('member.grant.reasons.migration') },
            ]}
            key={form.key('reason')}
            {...form.getInputProps('reason')}
          />
          <TextInput
            label={t('member.grant.ticket')}
            dir="ltr"
            key={form.key('ticketId')}
            {...form.getInputProps('ticketId')}
          />
          <Textarea
            label={t('member.grant.note')}
            autosize
            minRows={2}
            key={form.key('note')}
            {...form.getInputProps('note')}
          />
          {formError !== null && (
            <Alert color="red" role="alert">
              {errorMessage(formError)}
            </Alert>
          )}
          {granted !== null && (
            <Alert color="green" role="status">
              {t('member.grant.done', {
                points: format.number(granted.points),
                available: format.number(granted.balance.available),
              })}
            </Alert>
          )}
          <Button type="submit" loading={submitting} style={{ alignSelf: 'flex-start' }}>
            {t('member.grant.submit')}
          </Button>
        </Stack>
      </form>
    </Section>
  );
}
