import { Alert, Button, Center, Loader, Stack, Text } from '@mantine/core';
import type { UseQueryResult } from '@tanstack/react-query';
import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { useErrorMessage } from './use-error-message';

interface QueryStateProps<T> {
  query: Pick<UseQueryResult<T>, 'isPending' | 'isError' | 'error' | 'refetch' | 'data'>;
  /** True when the loaded data has nothing to show. */
  isEmpty?: (data: T) => boolean;
  emptyText?: string;
  children: (data: T) => ReactNode;
}

/**
 * Loading, error (with a retry) and empty states of one query, so no API error leaves a spinner
 * turning: every page renders its data through it.
 */
export function QueryState<T>({ query, isEmpty, emptyText, children }: QueryStateProps<T>) {
  const { t } = useTranslation();
  const errorMessage = useErrorMessage();
  if (query.isError) {
    return (
      <Alert color="red" title={t('query.errorTitle')} role="alert">
        <Stack gap="sm" align="flex-start">
          <Text size="sm">{errorMessage(query.error)}</Text>
          <Button variant="light" color="red" onClick={() => void query.refetch()}>
            {t('query.retry')}
          </Button>
        </Stack>
      </Alert>
    );
  }
  if (query.isPending || query.data === undefined) {
    return (
      <Center py="xl" role="status" aria-live="polite">
        <Loader aria-label={t('query.loading')} />
      </Center>
    );
  }
  if (isEmpty?.(query.data)) {
    return (
      <Text c="dimmed" py="md">
        {emptyText ?? t('query.empty')}
      </Text>
    );
  }
  return <>{children(query.data)}</>;
}
