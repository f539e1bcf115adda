import {
  Alert,
  Button,
  Fieldset,
  Group,
  NumberInput,
  Paper,
  Select,
  SimpleGrid,
  Stack,
  Text,
  TextInput,
  Title,
} from '@mantine/core';
import { useDebouncedValue } from '@mantine/hooks';
import { useMutation, useQuery } from '@tanstack/react-query';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { api, unwrap } from '../../api/client';
import { useErrorMessage } from '../../components/use-error-message';
import { useFormat } from '../../format/use-format';
import { useMoney } from '../../format/use-money';
import { useApiForm } from '../../forms/use-api-form';
import { BasketResult } from './BasketResult';
import {
  EMPTY_BASKET,
  EMPTY_LINE,
  toCheckoutBody,
  type BasketValues,
  type CheckoutBody,
} from './basket-values';
import { CHANNELS } from './rule-values';

/** Runs POST /v1/pos/checkouts/simulate for a member and a basket, writing nothing. */
export function TryBasket() {
  const { t } = useTranslation();
  const errorMessage = useErrorMessage();
  const format = useFormat();
  const money = useMoney();
  const [memberId, setMemberId] = useState<string | null>(null);
  const [search, setSearch] = useState('');
  const [debounced] = useDebouncedValue(search.trim(), 300);
  const members = useQuery({
    queryKey: ['members', 'search', debounced, 'basket'],
    queryFn: () =>
      unwrap(api.GET('/v1/members', { params: { query: { q: debounced, limit: 20 } } })),
    enabled: debounced.length >= 2,
  });
  const simulate = useMutation({
    mutationFn: (body: CheckoutBody) => unwrap(api.POST('/v1/pos/checkouts/simulate', { body })),
  });
  const { form, onSubmit, formError, submitting } = useApiForm<BasketValues>({
    initialValues: EMPTY_BASKET,
    submit: (values) =>
      simulate.mutateAsync(toCheckoutBody(values, memberId, money?.toMinor ?? ((major) => major))),
  });
  const memberOptions = (members.data?.items ?? []).map((member) => ({
    value: member.id,
    label: `${member.name ?? t('earningRules.basket.noName')} · ${member.cardNumber}`,
  }));
  const lines = form.getValues().lines;

  return (
    <Paper withBorder p="md" component="section" aria-labelledby="try-basket-title">
      <Title order={2} size="h3" id="try-basket-title" mb="xs">
        {t('earningRules.basket.title')}
      </Title>
      <Text size="sm" c="dimmed" mb="md">
        {t('earningRules.basket.intro')}
      </Text>
      <form onSubmit={onSubmit} noValidate>
        <Stack>
          <SimpleGrid cols={{ base: 1, sm: 2 }}>
            <Select
              label={t('earningRules.basket.member')}
              description={t('earningRules.basket.memberHint')}
              searchable
              clearable
              data={memberOptions}
              value={memberId}
              onChange={setMemberId}
              searchValue={search}
              onSearchChange={setSearch}
              filter={({ options }) => options}
              nothingFoundMessage={
                debounced.length >= 2 && !members.isFetching
                  ? t('earningRules.basket.noMembers')
                  : undefined
              }
            />
            <TextInput
              label={t('earningRules.basket.cardNumber')}
              description={t('earningRules.basket.cardHint')}
              dir="ltr"
              disabled={memberId !== null}
              {...form.getInputProps('cardNumber')}
            />
            <Select
              label={t('earningRules.basket.channel')}
              data={CHANNELS.map((channel) => ({
                value: channel,
                label: t(`earningRules.channel.${channel}`),
              }))}
              allowDeselect={false}
              {...form.getInputProps('channel')}
            />
            <TextInput
              label={t('earningRules.basket.store')}
              dir="ltr"
              {...form.getInputProps('storeId')}
            />
          </SimpleGrid>
          {lines.map((_, index) => (
            <Fieldset
              // Lines have no identity of their own; their position is what the API reports.
              key={index}
              legend={t('earningRules.basket.line', { number: format.number(index + 1) })}
            >
              <SimpleGrid cols={{ base: 2, sm: 4 }}>
                <TextInput
                  label={t('earningRules.basket.sku')}
                  required
                  dir="ltr"
                  {...form.getInputProps(`lines.${index}.sku`)}
                />
                <TextInput
                  label={t('earningRules.basket.category')}
                  dir="ltr"
                  {...form.getInputProps(`lines.${index}.category`)}
                />
                <NumberInput
                  label={t('earningRules.basket.quantity')}
                  min={1}
                  {...form.getInputProps(`lines.${index}.quantity`)}
                />
                <NumberInput
                  label={t('earningRules.basket.unitPrice', { currency: money?.currency ?? '' })}
                  min={0}
                  {...form.getInputProps(`lines.${index}.unitPrice`)}
                />
              </SimpleGrid>
              {lines.length > 1 && (
                <Button
                  mt="xs"
                  size="xs"
                  variant="subtle"
                  color="red"
                  onClick={() => form.removeListItem('lines', index)}
                >
                  {t('earningRules.basket.removeLine', { number: format.number(index + 1) })}
                </Button>
              )}
            </Fieldset>
          ))}
          {formError !== null && (
            <Alert color="red" role="alert">
              {errorMessage(formError)}
            </Alert>
          )}
          <Group>
            <Button
              variant="default"
              onClick={() => form.insertListItem('lines', { ...EMPTY_LINE })}
            >
              {t('earningRules.basket.addLine')}
            </Button>
            <Button type="submit" loading={submitting} disabled={money === undefined}>
              {t('earningRules.basket.run')}
            </Button>
          </Group>
        </Stack>
      </form>
      {simulate.data !== undefined && simulate.variables !== undefined && money !== undefined && (
        <BasketResult result={simulate.data} basket={simulate.variables} money={money} />
      )}
    </Paper>
  );
}
