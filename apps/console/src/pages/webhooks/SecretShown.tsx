import { Alert, Button, Code, CopyButton, Group, Stack, Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { useFormat } from '../../format/use-format';

/**
 * A signing secret, this once: the API keeps it encrypted and never answers it again. After a
 * rotation, until when the old secret still signs beside it.
 */
export function SecretShown({
  secret,
  previousSecretExpiresAt,
  onDone,
}: {
  secret: string;
  previousSecretExpiresAt?: string;
  onDone: () => void;
}) {
  const { t } = useTranslation();
  const format = useFormat();
  return (
    <Stack gap="sm">
      <Alert color="orange" role="alert">
        <Text size="sm" fw={700}>
          {t('webhooks.secret.onceTitle')}
        </Text>
        <Text size="sm">{t('webhooks.secret.onceWarning')}</Text>
      </Alert>
      <Code
        block
        dir="ltr"
        aria-label={t('webhooks.secret.label')}
        style={{ overflowWrap: 'anywhere', whiteSpace: 'pre-wrap' }}
      >
        {secret}
      </Code>
      {previousSecretExpiresAt !== undefined && (
        <Text size="sm">
          {t('webhooks.secret.previousUntil', {
            date: format.dateTime(previousSecretExpiresAt),
          })}
        </Text>
      )}
      <Text size="sm" c="dimmed">
        {t('webhooks.secret.verifyHint')}
      </Text>
      <Group>
        <CopyButton value={secret}>
          {({ copied, copy }) => (
            <Button color={copied ? 'teal.9' : undefined} onClick={copy}>
              {copied ? t('webhooks.secret.copied') : t('webhooks.secret.copy')}
            </Button>
          )}
        </CopyButton>
        <Button variant="default" onClick={onDone}>
          {t('webhooks.secret.done')}
        </Button>
      </Group>
    </Stack>
  );
}
