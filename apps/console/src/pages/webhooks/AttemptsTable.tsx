import { Code, Table, Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { useFormat } from '../../format/use-format';
import type { DeliveryAttempt } from './webhooks-query';

/** Every attempt of one delivery, oldest first, with what the receiver answered. */
export function AttemptsTable({ attempts, label }: { attempts: DeliveryAttempt[]; label: string }) {
  const { t } = useTranslation();
  const format = useFormat();
  if (attempts.length === 0) {
    return (
      <Text size="sm" c="dimmed">
        {t('webhooks.attempts.none')}
      </Text>
    );
  }
  return (
    <Table.ScrollContainer
      minWidth={680}
      // Wider than a phone it scrolls sideways: the keyboard must be able to scroll it too.
      scrollAreaProps={{ viewportProps: { tabIndex: 0 } }}
    >
      <Table aria-label={label} verticalSpacing="xs">
        <Table.Thead>
          <Table.Tr>
            <Table.Th>{t('webhooks.attempts.at')}</Table.Th>
            <Table.Th>{t('webhooks.attempts.statusCode')}</Table.Th>
            <Table.Th>{t('webhooks.attempts.duration')}</Table.Th>
            <Table.Th>{t('webhooks.attempts.error')}</Table.Th>
            <Table.Th>{t('webhooks.attempts.response')}</Table.Th>
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {attempts.map((attempt) => (
            <Table.Tr key={attempt.at}>
              <Table.Td>{format.dateTime(attempt.at)}</Table.Td>
              <Table.Td>
                {attempt.statusCode === null ? (
                  t('webhooks.attempts.noAnswer')
                ) : (
                  <span dir="ltr">{format.digits(String(attempt.statusCode))}</span>
                )}
              </Table.Td>
              <Table.Td>
                {t('webhooks.attempts.ms', { ms: format.number(attempt.durationMs) })}
              </Table.Td>
              <Table.Td dir="ltr">{attempt.error ?? ''}</Table.Td>
              <Table.Td maw={320}>
                {attempt.responseExcerpt !== null && attempt.responseExcerpt !== '' && (
                  <Code
                    block
                    dir="ltr"
                    style={{ overflowWrap: 'anywhere', whiteSpace: 'pre-wrap' }}
                  >
                    {attempt.responseExcerpt}
                  </Code>
                )}
              </Table.Td>
            </Table.Tr>
          ))}
        </Table.Tbody>
      </Table>
    </Table.ScrollContainer>
  );
}
