import { Alert, Button, Group, Modal, Stack, Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { useErrorMessage } from '../../components/use-error-message';
import { useRevokeApiKey, type ApiKey } from './api-keys-query';

/** Revoking is final: the key stops working at once, so ask first. */
export function RevokeKeyModal({
  apiKey,
  onClose,
}: {
  apiKey: ApiKey | null;
  onClose: () => void;
}) {
  const { t } = useTranslation();
  const errorMessage = useErrorMessage();
  const revoke = useRevokeApiKey();
  const close = () => {
    revoke.reset();
    onClose();
  };
  return (
    <Modal
      opened={apiKey !== null}
      onClose={close}
      title={t('apiKeys.revokeTitle')}
      centered
      closeButtonProps={{ 'aria-label': t('apiKeys.close') }}
    >
      {apiKey && (
        <Stack gap="sm">
          <Text>{t('apiKeys.revokeConfirm', { name: apiKey.name })}</Text>
          {revoke.isError && (
            <Alert color="red" role="alert">
              {errorMessage(revoke.error)}
            </Alert>
          )}
          <Group>
            <Button
              color="red.9"
              loading={revoke.isPending}
              onClick={() => revoke.mutate(apiKey.id, { onSuccess: close })}
            >
              {t('apiKeys.revoke')}
            </Button>
            <Button variant="default" onClick={close}>
              {t('apiKeys.cancel')}
            </Button>
          </Group>
        </Stack>
      )}
    </Modal>
  );
}
