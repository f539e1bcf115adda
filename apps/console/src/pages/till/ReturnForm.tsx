import {
  Alert,
  Button,
  Fieldset,
  Group,
  NumberInput,
  Paper,
  SimpleGrid,
  Stack,
  Text,
  TextInput,
  Title,
} from '@mantine/core';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { api, unwrap } from '../../api/client';
import type { components } from '../../api/schema';
import { useFormat } from '../../format/use-format';
import { useApiForm } from '../../forms/use-api-form';
import { KeyedSender } from './keyed-sender';
import {
  emptyReturn,
  emptyReturnLine,
  toReturnBody,
  type ReturnBody,
  type ReturnValues,
} from './return-values';
import { useTillError } from './use-till-error';

type ReturnResult = components['schemas']['ReturnResultDto'];

/**
 * POST /v1/pos/returns: units of an order brought back, by order id and SKU. The points they
 * earned are taken back and points the order spent are given back; a double tap or a retry
 * returns once.
 */
export function ReturnForm({ orderId }: { orderId: string }) {
  const { t } = useTranslation();
  const format = useFormat();
  const tillError = useTillError();
  const queryClient = useQueryClient();
  const [returned, setReturned] = useState<ReturnResult | null>(null);
  const send = useMutation({
    mutationFn: ({ body, key }: { body: ReturnBody; key: string }) =>
      unwrap(api.POST('/v1/pos/returns', { params: { header: { 'Idempotency-Key': key } }, body })),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: ['members'] }),
  });
  const [sender] = useState(
    () => new KeyedSender<ReturnBody, ReturnResult>((body, key) => send.mutateAsync({ body, key })),
  );
  const { form, onSubmit, formError, submitting } = useApiForm<ReturnValues>({
    initialValues: emptyReturn(orderId),
    validate: {
      orderId: (value) => (value.trim() === '' ? t('till.returns.orderRequired') : null),
      lines: {
        sku: (value) => (value.trim() === '' ? t('till.returns.skuRequired') : null),
        quantity: (value) =>
          Number.isInteger(Number(value)) && Number(value) >= 1
            ? null
            : t('till.returns.quantityInvalid'),
      },
    },
    submit: async (values) => {
      setReturned(null);
      const result = await sender.submit(toReturnBody(values));
      setReturned(result);
      form.setValues(emptyReturn());
    },
  });
  const lines = form.getValues().lines;

  return (
    <Paper withBorder p="md" component="section" aria-labelledby="till-returns-title">
      <form onSubmit={onSubmit} noValidate>
        <Stack gap="sm">
          <Title order={2} size="h4" id="till-returns-title">
            {t('till.returns.title')}
          </Title>
          <TextInput
            label={t('till.returns.orderId')}
            description={t('till.returns.orderIdHint')}
            dir="ltr"
            autoComplete="off"
            {...form.getInputProps('orderId')}
          />
          {lines.map((_, index) => {
            const number = format.number(index + 1);
            return (
              <Fieldset key={index} legend={t('till.returns.line', { number })} p="sm">
                <SimpleGrid cols={2} spacing="xs">
                  <TextInput
                    label={t('till.returns.sku')}
                    dir="ltr"
                    autoComplete="off"
                    {...form.getInputProps(`lines.${index}.sku`)}
                  />
                  <NumberInput
                    label={t('till.returns.quantity')}
                    min={1}
                    allowDecimal={false}
                    allowNegative={false}
                    {...form.getInputProps(`lines.${index}.quantity`)}
                  />
                </SimpleGrid>
                {lines.length > 1 && (
                  <Button
                    mt="xs"
                    size="xs"
                    variant="outline"
                    color="red.9"
                    onClick={() => form.removeListItem('lines', index)}
                  >
                    {t('till.returns.removeLine', { number })}
                  </Button>
                )}
              </Fieldset>
            );
          })}
          {formError !== null && (
            <Alert color="red" role="alert">
              {tillError(formError)}
            </Alert>
          )}
          {returned !== null && (
            <Alert color="green" role="status">
              <Text size="sm" fw={700}>
                {t('till.returns.done', { orderId: returned.orderId })}
              </Text>
              <Text size="sm">
                {t('till.returns.points', {
                  reversed: format.number(returned.pointsReversed),
                  refunded: format.number(returned.pointsRefunded),
                })}
              </Text>
              <Text size="sm">
                {t('till.returns.balance', {
                  available: format.number(returned.balance.available),
                  pending: format.number(returned.balance.pending),
                })}
              </Text>
            </Alert>
          )}
          <Group gap="sm">
            <Button type="submit" loading={submitting}>
              {t('till.returns.submit')}
            </Button>
            <Button
              variant="default"
              onClick={() => form.insertListItem('lines', emptyReturnLine())}
            >
              {t('till.returns.addLine')}
            </Button>
          </Group>
        </Stack>
      </form>
    </Paper>
  );
}
