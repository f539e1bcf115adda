import { Badge, Group, List, Stack, Table, Text, Title } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { useFormat } from '../../format/use-format';
import type { Money } from '../../format/use-money';
import { orderBonus, type CheckoutBody, type CheckoutResult } from './basket-values';

interface BasketResultProps {
  result: CheckoutResult;
  basket: CheckoutBody;
  money: Money;
}

/** A simulated checkout: each line's points and the rules behind them, then the totals. */
export function BasketResult({ result, basket, money }: BasketResultProps) {
  const { t } = useTranslation();
  const format = useFormat();
  const ruleName = new Map(result.appliedRules.map((rule) => [rule.ruleId, rule.name]));
  const bonus = orderBonus(result);

  return (
    <Stack mt="lg" aria-live="polite">
      <Title order={3} size="h4">
        {t('earningRules.basket.resultTitle')}
      </Title>
      <Table.ScrollContainer minWidth={640}>
        <Table aria-label={t('earningRules.basket.linesTable')}>
          <Table.Thead>
            <Table.Tr>
              <Table.Th>{t('earningRules.basket.sku')}</Table.Th>
              <Table.Th>{t('earningRules.basket.quantity')}</Table.Th>
              <Table.Th>{t('earningRules.basket.amount')}</Table.Th>
              <Table.Th>{t('earningRules.basket.basePoints')}</Table.Th>
              <Table.Th>{t('earningRules.basket.points')}</Table.Th>
              <Table.Th>{t('earningRules.basket.rules')}</Table.Th>
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {result.lines.map((line) => {
              const sent = basket.lines[line.index];
              return (
                <Table.Tr key={line.index}>
                  <Table.Td dir="ltr">{line.sku}</Table.Td>
                  <Table.Td>{sent ? format.number(sent.quantity) : ''}</Table.Td>
                  <Table.Td>{sent ? money.format(sent.quantity * sent.unitPrice) : ''}</Table.Td>
                  <Table.Td>{format.number(line.basePoints)}</Table.Td>
                  <Table.Td>{format.number(line.points)}</Table.Td>
                  <Table.Td>
                    {line.appliedRuleIds.length === 0 ? (
                      <Text size="sm" c="dimmed">
                        {t('earningRules.basket.noRules')}
                      </Text>
                    ) : (
                      <Group gap={4}>
                        {line.appliedRuleIds.map((id) => (
                          <Badge key={id} variant="outline" color="blue.9" tt="none">
                            {ruleName.get(id) ?? id}
                          </Badge>
                        ))}
                      </Group>
                    )}
                  </Table.Td>
                </Table.Tr>
              );
            })}
          </Table.Tbody>
        </Table>
      </Table.ScrollContainer>
      {result.appliedRules.length > 0 && (
        <Stack gap={4}>
          <Text fw={500}>{t('earningRules.basket.appliedRules')}</Text>
          <List size="sm">
            {result.appliedRules.map((rule) => (
              <List.Item key={rule.ruleId}>
                {t('earningRules.basket.rulePoints', {
                  name: rule.name,
                  points: format.number(rule.points),
                })}
              </List.Item>
            ))}
          </List>
        </Stack>
      )}
      {bonus > 0 && (
        <Text size="sm">
          {t('earningRules.basket.orderBonus', { points: format.number(bonus) })}
        </Text>
      )}
      <Group gap="xl">
        <Text fw={700}>
          {t('earningRules.basket.totalPoints', { points: format.number(result.pointsEarned) })}
        </Text>
        <Text>{t('earningRules.basket.subtotal', { amount: money.format(result.subtotal) })}</Text>
        <Text>{t('earningRules.basket.total', { amount: money.format(result.total) })}</Text>
      </Group>
      {result.messages.length > 0 && (
        <List size="sm" c="dimmed">
          {result.messages.map((message) => (
            <List.Item key={message}>{message}</List.Item>
          ))}
        </List>
      )}
    </Stack>
  );
}
