import { Alert, Button, Code, Group, Modal, Stack, Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { useWebhookError } from './use-webhook-error';
import { useDeleteEndpoint, type Endpoint } from './webhooks-query';

/** Deleting stops every delivery to the URL and cannot be undone, so ask first. */
export function DeleteEndpointModal({
  endpoint,
  onClose,
  onDeleted,
}: {
  endpoint: Endpoint | null;
  onClose: () => void;
  onDeleted: () => void;
}) {
  const { t } = useTranslation();
  const webhookError = useWebhookError();
  const remove = useDeleteEndpoint();
  const close = () => {
    remove.reset();
    onClose();
  };
  return (
    <Modal
      opened={endpoint !== null}
      onClose={close}
      title={t('webhooks.deleteTitle')}
      centered
      closeButtonProps={{ 'aria-label': t('webhooks.close') }}
    >
      {endpoint && (
        <Stack gap="sm">
          <Code block dir="ltr" style={{ overflowWrap: 'anywhere', whiteSpace: 'pre-wrap' }}>
            {endpoint.url}
          </Code>
          <Text>{t('webhooks.deleteConfirm')}</Text>
          {remove.isError && (
            <Alert color="red" role="alert">
              {webhookError(remove.error)}
            </Alert>
          )}
          <Group>
            <Button
              color="red.9"
              loading={remove.isPending}
              onClick={() => remove.mutate(endpoint.id, { onSuccess: onDeleted })}
            >
              {t('webhooks.delete')}
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
