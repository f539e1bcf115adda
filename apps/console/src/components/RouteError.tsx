import { Alert, Button, Stack, Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { useRouteError } from 'react-router';
import { useErrorMessage } from './use-error-message';

/** A route's error boundary: a page that throws while rendering leaves the rest of the shell usable. */
export function RouteError() {
  const error = useRouteError();
  const { t } = useTranslation();
  const errorMessage = useErrorMessage();
  return (
    <Alert color="red" title={t('errors.routeTitle')} role="alert" m="md">
      <Stack gap="sm" align="flex-start">
        <Text size="sm">{errorMessage(error)}</Text>
        <Button variant="light" color="red" onClick={() => window.location.reload()}>
          {t('errors.reload')}
        </Button>
      </Stack>
    </Alert>
  );
}
