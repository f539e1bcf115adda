import { Code, Stack, Switch, Table, Text } from '@mantine/core';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { diffJson, type DiffKind } from './json-diff';

const ROW_BACKGROUND: Record<DiffKind, string | undefined> = {
  same: undefined,
  changed: 'var(--mantine-color-yellow-light)',
  added: 'var(--mantine-color-green-light)',
  removed: 'var(--mantine-color-red-light)',
};

function Value({ json }: { json: string | undefined }) {
  if (json === undefined) {
    return null;
  }
  return (
    <Code dir="ltr" style={{ whiteSpace: 'pre-wrap', overflowWrap: 'anywhere' }}>
      {json}
    </Code>
  );
}

/** An entry's before and after side by side, one row per field, changed fields highlighted. */
export function DiffTable({ before, after }: { before: unknown; after: unknown }) {
  const { t } = useTranslation();
  const [onlyChanged, setOnlyChanged] = useState(false);
  const rows = diffJson(before, after);
  const marker: Record<DiffKind, string | null> = {
    same: null,
    changed: t('auditLog.diff.changed'),
    added: t('auditLog.diff.added'),
    removed: t('auditLog.diff.removed'),
  };
  const shown = onlyChanged ? rows.filter((row) => row.kind !== 'same') : rows;
  return (
    <Stack gap="xs">
      <Switch
        label={t('auditLog.diff.onlyChanged')}
        checked={onlyChanged}
        onChange={(event) => setOnlyChanged(event.currentTarget.checked)}
      />
      <Table.ScrollContainer minWidth={560}>
        <Table
          layout="fixed"
          withTableBorder
          withColumnBorders
          aria-label={t('auditLog.diff.label')}
        >
          <Table.Thead>
            <Table.Tr>
              <Table.Th w="26%">{t('auditLog.diff.field')}</Table.Th>
              <Table.Th>{t('auditLog.diff.before')}</Table.Th>
              <Table.Th>{t('auditLog.diff.after')}</Table.Th>
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {shown.map((row) => (
              <Table.Tr key={row.path} style={{ background: ROW_BACKGROUND[row.kind] }}>
                <Table.Td>
                  <Text size="sm" dir="ltr" style={{ overflowWrap: 'anywhere' }}>
                    {row.path}
                  </Text>
                  {marker[row.kind] !== null && (
                    <Text size="xs" fw={700}>
                      {marker[row.kind]}
                    </Text>
                  )}
                </Table.Td>
                <Table.Td>
                  <Value json={row.before} />
                </Table.Td>
                <Table.Td>
                  <Value json={row.after} />
                </Table.Td>
              </Table.Tr>
            ))}
          </Table.Tbody>
        </Table>
      </Table.ScrollContainer>
    </Stack>
  );
}
