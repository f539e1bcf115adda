import { Alert, Button, Group, Stack, Switch } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { useApiForm } from '../../forms/use-api-form';
import { EndpointFields } from './EndpointFields';
import { toEndpointValues, toPatchBody, type EndpointValues } from './endpoint-values';
import { isUrlRefused, useWebhookError } from './use-webhook-error';
import { usePatchEndpoint, type Endpoint } from './webhooks-query';

export function EditEndpointForm({ endpoint, onDone }: { endpoint: Endpoint; onDone: () => void }) {
  const { t } = useTranslation();
  const webhookError = useWebhookError();
  const patch = usePatchEndpoint(endpoint.id);
  const { form, onSubmit, formError, submitting } = useApiForm<EndpointValues>({
    mode: 'controlled',
    initialValues: toEndpointValues(endpoint),
    validate: { url: (value) => (value.trim() ? null : t('webhooks.urlRequired')) },
    submit: async (values) => {
      const body = toPatchBody(values, endpoint);
      try {
        if (Object.keys(body).length > 0) {
          await patch.mutateAsync(body);
        }
        onDone();
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
        <Switch
          label={t('webhooks.fields.enabled')}
          description={t('webhooks.hints.enabled')}
          {...form.getInputProps('enabled', { type: 'checkbox' })}
        />
        {formError !== null && (
          <Alert color="red" role="alert">
            {webhookError(formError)}
          </Alert>
        )}
        <Group>
          <Button type="submit" loading={submitting}>
            {t('webhooks.save')}
          </Button>
          <Button variant="default" onClick={onDone}>
            {t('webhooks.cancel')}
          </Button>
        </Group>
      </Stack>
    </form>
  );
}
