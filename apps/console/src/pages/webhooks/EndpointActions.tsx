import { Alert, Button, Group, Modal, Stack } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useNavigate } from 'react-router';
import { DeleteEndpointModal } from './DeleteEndpointModal';
import { EditEndpointForm } from './EditEndpointForm';
import { RotateSecretModal } from './RotateSecretModal';
import { useWebhookError } from './use-webhook-error';
import { useSendTest, type Endpoint } from './webhooks-query';

/** What staff do with one endpoint: edit, send a test event, rotate the secret, delete. */
export function EndpointActions({ endpoint }: { endpoint: Endpoint }) {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const webhookError = useWebhookError();
  const sendTest = useSendTest(endpoint.id);
  const [editing, setEditing] = useState(false);
  const [rotating, setRotating] = useState(false);
  const [deleting, setDeleting] = useState(false);

  return (
    <Stack gap="sm">
      <Group>
        <Button variant="default" onClick={() => setEditing(true)}>
          {t('webhooks.edit')}
        </Button>
        <Button
          variant="default"
          loading={sendTest.isPending}
          onClick={() =>
            sendTest.mutate(undefined, {
              onSuccess: () =>
                notifications.show({
                  color: 'teal',
                  message: t('webhooks.testSent'),
                  closeButtonProps: { 'aria-label': t('webhooks.closeNotice') },
                }),
            })
          }
        >
          {t('webhooks.sendTest')}
        </Button>
        <Button variant="default" onClick={() => setRotating(true)}>
          {t('webhooks.rotate.open')}
        </Button>
        <Button color="red.9" variant="outline" onClick={() => setDeleting(true)}>
          {t('webhooks.delete')}
        </Button>
      </Group>
      {sendTest.isError && (
        <Alert color="red" role="alert">
          {webhookError(sendTest.error)}
        </Alert>
      )}
      <Modal
        opened={editing}
        onClose={() => setEditing(false)}
        title={t('webhooks.editTitle')}
        centered
        size="lg"
        closeButtonProps={{ 'aria-label': t('webhooks.close') }}
      >
        <EditEndpointForm endpoint={endpoint} onDone={() => setEditing(false)} />
      </Modal>
      <RotateSecretModal
        endpointId={endpoint.id}
        opened={rotating}
        onClose={() => setRotating(false)}
      />
      <DeleteEndpointModal
        endpoint={deleting ? endpoint : null}
        onClose={() => setDeleting(false)}
        onDeleted={() => void navigate('/webhooks')}
      />
    </Stack>
  );
}
