import { Button, Group, Stack, Table, Text } from '@mantine/core';
import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { useFormat } from '../../format/use-format';
import { downloadCsv, toCsv } from './csv';

export interface DataColumn<Row> {
  key: string;
  header: string;
  /** The raw value: what the CSV file gets, and what the cell shows (localized) without `render`. */
  value: (row: Row) => string | number | null;
  /** What the cell shows instead of the localized value (money, dates, links). */
  render?: (row: Row) => ReactNode;
  /** Aligned to the end, as numbers are. */
  numeric?: boolean;
}

interface DataTableProps<Row> {
  /** The table's accessible name. */
  label: string;
  columns: DataColumn<Row>[];
  rows: Row[];
  /** The name of the exported file, e.g. "pareto.csv". */
  fileName: string;
}

/**
 * A table of report rows with an **Export CSV** button that saves the raw values; both sit in a
 * group named like the table.
 */
export function DataTable<Row>({ label, columns, rows, fileName }: DataTableProps<Row>) {
  const { t } = useTranslation();
  const format = useFormat();
  const shown = (column: DataColumn<Row>, row: Row): ReactNode => {
    if (column.render) {
      return column.render(row);
    }
    const value = column.value(row);
    return typeof value === 'number' ? format.number(value) : (value ?? '');
  };
  const exportCsv = () =>
    downloadCsv(
      fileName,
      toCsv(
        columns.map((column) => column.header),
        rows.map((row) => columns.map((column) => column.value(row))),
      ),
    );
  return (
    // A group named like the table, so its Export CSV button is found beside it.
    <Stack gap="xs" role="group" aria-label={label}>
      <Table.ScrollContainer
        minWidth={columns.length * 110}
        // A table wider than a phone scrolls sideways: the keyboard must be able to scroll it too.
        scrollAreaProps={{ viewportProps: { tabIndex: 0 } }}
      >
        <Table striped aria-label={label}>
          <Table.Thead>
            <Table.Tr>
              {columns.map((column) => (
                <Table.Th key={column.key} ta={column.numeric ? 'end' : 'start'}>
                  {column.header}
                </Table.Th>
              ))}
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {rows.length === 0 ? (
              <Table.Tr>
                <Table.Td colSpan={columns.length}>
                  <Text c="dimmed" size="sm">
                    {t('data.noRows')}
                  </Text>
                </Table.Td>
              </Table.Tr>
            ) : (
              rows.map((row, index) => (
                <Table.Tr key={index}>
                  {columns.map((column) => (
                    <Table.Td key={column.key} ta={column.numeric ? 'end' : 'start'}>
                      {shown(column, row)}
                    </Table.Td>
                  ))}
                </Table.Tr>
              ))
            )}
          </Table.Tbody>
        </Table>
      </Table.ScrollContainer>
      <Group justify="flex-end">
        <Button variant="default" size="xs" onClick={exportCsv}>
          {t('data.exportCsv')}
        </Button>
      </Group>
    </Stack>
  );
}
