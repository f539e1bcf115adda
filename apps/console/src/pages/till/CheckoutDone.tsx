import { Alert, List, SimpleGrid, Stack, Text, Title } from '@mantine/core';
import { useEffect, useRef } from 'react';
import { useTranslation } from 'react-i18next';
import { useFormat } from '../../format/use-format';
import type { Money } from '../../format/use-money';
import type { CheckoutResult } from './basket-values';

function Figure({ label, value }: { label: string; value: string }) {
  return (
    <Stack gap={0}>
      <Text size="sm">{label}</Text>
      <Text fw={700}>{value}</Text>
    </Stack>
  );
}

/**
 * A recorded checkout: points earned and spent, what was paid, the new balance, a tier change
 * and the API's messages for the member. Its heading takes the focus, so the cashier (and a
 * screen reader) lands on the outcome.
 */
export function CheckoutDone({ result, money }: { result: CheckoutResult; money: Money }) {
  const { t } = useTranslation();
  const format = useFormat();
  const heading = useRef<HTMLHeadingElement>(null);
  useEffect(() => heading.current?.focus(), [result]);

  return (
    <Alert color="green" variant="light" role="status">
      <Stack gap="xs">
        <Title order={3} size="h5" ref={heading} tabIndex={-1}>
          {t('till.done.title')} <span dir="ltr">{result.orderId}</span>
        </Title>
        <SimpleGrid cols={{ base: 2, sm: 4 }} spacing="xs">
          <Figure label={t('till.done.earned')} value={format.number(result.pointsEarned)} />
          <Figure label={t('till.done.spent')} value={format.number(result.pointsRedeemed)} />
          <Figure label={t('till.done.paid')} value={money.format(result.total)} />
          <Figure
            label={t('till.done.balance')}
            value={t('till.done.balanceValue', {
              available: format.number(result.balance.available),
              pending: format.number(result.balance.pending),
            })}
          />
        </SimpleGrid>
        {result.tierChanged !== null && (
          <Text fw={700}>
            {t('till.done.tierChanged', { tier: result.tier?.name ?? result.tierChanged.to })}
          </Text>
        )}
        {result.messages.length > 0 && (
          <List size="sm">
            {result.messages.map((message) => (
              <List.Item key={message}>{message}</List.Item>
            ))}
          </List>
        )}
      </Stack>
    </Alert>
  );
}
