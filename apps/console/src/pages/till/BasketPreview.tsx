import { Alert, Group, List, Loader, Stack, Text } from '@mantine/core';
import type { UseQueryResult } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { useFormat } from '../../format/use-format';
import type { Money } from '../../format/use-money';
import type { CheckoutResult } from './basket-values';
import { useTillError } from './use-till-error';

interface BasketPreviewProps {
  preview: UseQueryResult<CheckoutResult>;
  /** False while the answer shown is an older basket's (the typing has moved on). */
  current: boolean;
  money: Money;
}

/** What the basket would earn and cost if checked out now; a refusal (a bad coupon) inline. */
export function BasketPreview({ preview, current, money }: BasketPreviewProps) {
  const { t } = useTranslation();
  const format = useFormat();
  const tillError = useTillError();
  const result = preview.data;

  return (
    <Stack gap={4} aria-live="polite" aria-busy={!current}>
      {preview.isError && !preview.isFetching ? (
        <Alert color="red" variant="light">
          <Text size="sm" fw={700}>
            {t('till.preview.refused')}
          </Text>
          <Text size="sm">{tillError(preview.error)}</Text>
        </Alert>
      ) : result === undefined ? (
        <Group gap="xs">
          <Loader size="xs" aria-hidden />
          <Text size="sm" c="dimmed">
            {t('till.preview.working')}
          </Text>
        </Group>
      ) : (
        <>
          <Group gap="xs">
            <Text fw={700} size="lg">
              {t('till.preview.earns', { points: format.number(result.pointsEarned) })}
            </Text>
            {!current && <Loader size="xs" aria-label={t('till.preview.updating')} />}
          </Group>
          <Text size="sm">
            {t('till.preview.amounts', {
              subtotal: money.format(result.subtotal),
              discount: money.format(result.discount),
              total: money.format(result.total),
            })}
          </Text>
          {result.pointsRedeemed > 0 && (
            <Text size="sm">
              {t('till.preview.spends', { points: format.number(result.pointsRedeemed) })}
            </Text>
          )}
          {result.coupons.length > 0 && (
            <List size="sm">
              {result.coupons.map((coupon) => (
                <List.Item key={coupon.code}>
                  <span dir="ltr">{coupon.code}</span>
                  {` · ${coupon.description} · ${t('till.preview.couponTakes', {
                    amount: money.format(coupon.discount),
                  })}`}
                </List.Item>
              ))}
            </List>
          )}
        </>
      )}
    </Stack>
  );
}
