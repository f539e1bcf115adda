import { Alert, Button, Group, Modal, Stack, Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { SecretShown } from './SecretShown';
import { useWebhookError } from './use-webhook-error';
import { useRotateSecret } from './webhooks-query';

/** A new signing secret; the old one keeps signing beside it for a while, so receivers can switch. */
export function RotateSecretModal({
  endpointId,
  opened,
  onClose,
}: {
  endpointId: string;
  opened: boolean;
  onClose: () => void;
}) {
  const { t } = useTranslation();
  const webhookError = useWebhookError();
  const rotate = useRotateSecret(endpointId);
  const close = () => {
    rotate.reset();
    onClose();
  };
  const rotated = rotate.data;
  return (
    <Modal
      opened={opened}
      onClose={close}
      title={rotated ? t('webhooks.rotate.doneTitle') : t('webhooks.rotate.title')}
      centered
      closeButtonProps={{ 'aria-label': t('webhooks.close') }}
      // Closing by accident would lose the only sight of the new secret.
      closeOnClickOutside={rotated === undefined}
    >
      {rotated ? (
        <SecretShown
          secret={rotated.secret}
          previousSecretExpiresAt={rotated.previousSecretExpiresAt}
          onDone={close}
        />
      ) : (
        <Stack gap="sm">
          <Text>{t('webhooks.rotate.explain')}</Text>
          {rotate.isError && (
            <Alert color="red" role="alert">
              {webhookError(rotate.error)}
            </Alert>
          )}
          <Group>
            <Button loading={rotate.isPending} onClick={() => rotate.mutate()}>
              {t('webhooks.rotate.confirm')}
            </Button>
            <Button variant="default" onClick={close}>
              {t('webhooks.cancel')}
            </Button>
          </Group>
        </Stack>
      )}
    </Modal>
  );
}
