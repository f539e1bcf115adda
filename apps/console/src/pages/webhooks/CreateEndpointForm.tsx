import { Alert, Button, Group, Stack } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { useApiForm } from '../../forms/use-api-form';
import { EndpointFields } from './EndpointFields';
import { EMPTY_ENDPOINT, toCreateBody, type EndpointValues } from './endpoint-values';
import { isUrlRefused, useWebhookError } from './use-webhook-error';
import { useCreateEndpoint, type CreatedEndpoint } from './webhooks-query';

export function CreateEndpointForm({
  onCreated,
  onCancel,
}: {
  onCreated: (endpoint: CreatedEndpoint) => void;
  onCancel: () => void;
}) {
  const { t } = useTranslation();
  const webhookError = useWebhookError();
  const create = useCreateEndpoint();
  const { form, onSubmit, formError, submitting } = useApiForm<EndpointValues>({
    mode: 'controlled',
    initialValues: EMPTY_ENDPOINT,
    validate: { url: (value) => (value.trim() ? null : t('webhooks.urlRequired')) },
    submit: async (values) => {
      try {
        onCreated(await create.mutateAsync(toCreateBody(values)));
      } catch (error) {
        if (!isUrlRefused(error)) {
          throw error;
        }
        form.setFieldError('url', webhookError(error));
      }
    },
  });
  return (
    <form onSubmit={onSubmit} noValidate>
      <Stack gap="sm">
        <EndpointFields form={form} />
        {formError !== null && (
          <Alert color="red" role="alert">
            {webhookError(formError)}
          </Alert>
        )}
        <Group>
          <Button type="submit" loading={submitting}>
            {t('webhooks.create')}
          </Button>
          <Button variant="default" onClick={onCancel}>
            {t('webhooks.cancel')}
          </Button>
        </Group>
      </Stack>
    </form>
  );
}
