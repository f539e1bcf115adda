import { Alert, Button, Code, CopyButton, Group, Stack, Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import type { CreatedApiKey } from './api-keys-query';

/** The secret, this once: the API stores only its hash. */
export function NewKeyShown({ created, onDone }: { created: CreatedApiKey; onDone: () => void }) {
  const { t } = useTranslation();
  return (
    <Stack gap="sm">
      <Alert color="orange" role="alert">
        <Text size="sm" fw={700}>
          {t('apiKeys.onceTitle')}
        </Text>
        <Text size="sm">{t('apiKeys.onceWarning')}</Text>
      </Alert>
      <Text size="sm">{t('apiKeys.createdFor', { name: created.name })}</Text>
      <Code
        block
        dir="ltr"
        aria-label={t('apiKeys.secret')}
        style={{ overflowWrap: 'anywhere', whiteSpace: 'pre-wrap' }}
      >
        {created.key}
      </Code>
      <Group>
        <CopyButton value={created.key}>
          {({ copied, copy }) => (
            <Button color={copied ? 'teal' : undefined} onClick={copy}>
              {copied ? t('apiKeys.copied') : t('apiKeys.copy')}
            </Button>
          )}
        </CopyButton>
        <Button variant="default" onClick={onDone}>
          {t('apiKeys.done')}
        </Button>
      </Group>
    </Stack>
  );
}
