import { Alert, Button, Group, NumberInput, Paper, Stack, Text, Title } from '@mantine/core';
import { useForm } from '@mantine/form';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useEffect, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { ApiError } from '../../api/api-error';
import { api, unwrap } from '../../api/client';
import { useFormat } from '../../format/use-format';
import type { Money } from '../../format/use-money';
import {
  basketProblems,
  emptyBasket,
  formFieldOf,
  newOrderId,
  toCheckoutBody,
  type BasketValues,
  type CheckoutBody,
  type CheckoutResult,
} from './basket-values';
import { BasketLines, lineFieldId } from './BasketLines';
import { BasketPreview } from './BasketPreview';
import { CheckoutDone } from './CheckoutDone';
import { CouponPicker } from './CouponPicker';
import { KeyedSender } from './keyed-sender';
import type { TillProgram } from './till-program';
import { useBasketPreview } from './use-basket-preview';
import { useTillError } from './use-till-error';

interface BasketProps {
  memberId: string;
  available: number;
  storeId: string | null;
  program: TillProgram;
  money: Money;
  onCheckedOut: (result: CheckoutResult) => void;
}

/**
 * The member's basket: lines, points to redeem and coupons, previewed as it changes, and
 * **Check out**, which records it once (POST /v1/pos/checkouts with an Idempotency-Key made on
 * the first press and kept for a retry or a double tap until the answer comes or the basket
 * changes). The order id is made with the basket, so even a changed retry cannot record it twice.
 */
export function Basket({
  memberId,
  available,
  storeId,
  program,
  money,
  onCheckedOut,
}: BasketProps) {
  const { t } = useTranslation();
  const format = useFormat();
  const tillError = useTillError();
  const queryClient = useQueryClient();
  const form = useForm<BasketValues>({ initialValues: emptyBasket() });
  const [orderId, setOrderId] = useState(newOrderId);
  const [done, setDone] = useState<CheckoutResult | null>(null);
  const [nothingToCheckOut, setNothingToCheckOut] = useState(false);
  const checkout = useMutation({
    mutationFn: ({ body, key }: { body: CheckoutBody; key: string }) =>
      unwrap(
        api.POST('/v1/pos/checkouts', { params: { header: { 'Idempotency-Key': key } }, body }),
      ),
    onSuccess: () =>
      Promise.all([
        queryClient.invalidateQueries({ queryKey: ['members'] }),
        queryClient.invalidateQueries({ queryKey: ['till', 'preview'] }),
      ]),
  });
  const [sender] = useState(
    () =>
      new KeyedSender<CheckoutBody, CheckoutResult>((body, key) =>
        checkout.mutateAsync({ body, key }),
      ),
  );
  const checkingOut = useRef(false);

  const values = form.getValues();
  const body = toCheckoutBody(values, {
    memberId,
    orderId,
    storeId,
    minorUnitsPerMajor: program.minorUnitsPerMajor,
  });
  const { preview, current } = useBasketPreview(body);

  // A new member's basket starts at its first SKU: the scanner's next read belongs there.
  useEffect(() => document.getElementById(lineFieldId(0, 'sku'))?.focus(), []);

  const startNewBasket = () => {
    form.setValues(emptyBasket());
    form.clearErrors();
    setOrderId(newOrderId());
    sender.forget();
  };

  const showFieldProblems = (error: unknown): boolean => {
    if (!(error instanceof ApiError) || error.fieldProblems.length === 0) {
      return false;
    }
    for (const { field, problems } of error.fieldProblems) {
      form.setFieldError(formFieldOf(field, values), problems.join(' '));
    }
    return true;
  };

  const onCheckOut = async () => {
    if (checkingOut.current) {
      return;
    }
    const problems = basketProblems(values, program.minorUnitsPerMajor);
    form.setErrors(
      Object.fromEntries(
        Object.entries(problems).map(([field, problem]) => [
          field,
          t(`till.basket.problems.${problem}`),
        ]),
      ),
    );
    setNothingToCheckOut(body === null);
    if (Object.keys(problems).length > 0 || body === null) {
      return;
    }
    checkingOut.current = true;
    checkout.reset();
    try {
      const result = await sender.submit(body);
      setDone(result);
      startNewBasket();
      onCheckedOut(result);
    } catch (error) {
      showFieldProblems(error);
    } finally {
      checkingOut.current = false;
    }
  };

  const checkoutError =
    checkout.isError && !(checkout.error instanceof ApiError && checkout.error.fieldProblems.length)
      ? checkout.error
      : null;

  return (
    <Paper withBorder p="md" component="section" aria-labelledby="till-basket-title">
      <form onSubmit={(event) => event.preventDefault()} noValidate>
        <Stack gap="sm">
          <Title order={2} size="h4" id="till-basket-title">
            {t('till.basket.title')}
          </Title>
          {done !== null && <CheckoutDone result={done} money={money} />}
          <Text size="sm" c="dimmed">
            {t('till.basket.intro')}
          </Text>
          <BasketLines form={form} currency={money.currency} />
          <NumberInput
            label={t('till.basket.redeemPoints')}
            description={t('till.basket.redeemHint', {
              available: format.number(available),
              points: format.number(program.redemptionPoints),
              amount: money.format(program.redemptionValue),
              percent: format.number(program.maxRedeemPercent),
            })}
            min={0}
            allowDecimal={false}
            allowNegative={false}
            {...form.getInputProps('redeemPoints')}
          />
          <CouponPicker
            memberId={memberId}
            money={money}
            value={values.couponCodes}
            onChange={(codes) => form.setFieldValue('couponCodes', codes)}
          />
          {body !== null && <BasketPreview preview={preview} current={current} money={money} />}
          {nothingToCheckOut && (
            <Text size="sm" c="red.9" role="alert">
              {t('till.basket.empty')}
            </Text>
          )}
          {checkoutError !== null && (
            <Alert color="red" role="alert">
              {tillError(checkoutError)}
            </Alert>
          )}
          <Group gap="sm">
            <Button size="md" loading={checkout.isPending} onClick={() => void onCheckOut()}>
              {t('till.basket.checkOut')}
            </Button>
            <Button variant="default" onClick={startNewBasket}>
              {t('till.basket.clear')}
            </Button>
          </Group>
        </Stack>
      </form>
    </Paper>
  );
}
