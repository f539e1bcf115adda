import { Card, Stack, Title } from '@mantine/core';
import type { UseQueryResult } from '@tanstack/react-query';
import type { ReactNode } from 'react';
import { QueryState } from '../../components/QueryState';

interface ReportStateProps<T> {
  title: string;
  query: Pick<UseQueryResult<T>, 'isPending' | 'isError' | 'error' | 'refetch' | 'data'>;
  /** The report's own section (a ChartPanel), once its data is here. */
  children: (data: T) => ReactNode;
}

/** A report section: its heading stays while the report loads or fails (with Try again). */
export function ReportState<T>({ title, query, children }: ReportStateProps<T>) {
  if (!query.isError && query.data !== undefined) {
    return <>{children(query.data)}</>;
  }
  return (
    <Card withBorder component="section" aria-label={title} padding="md">
      <Stack gap="sm">
        <Title order={2} size="h4">
          {title}
        </Title>
        <QueryState query={query}>{() => null}</QueryState>
      </Stack>
    </Card>
  );
}
