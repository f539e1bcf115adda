import { Button, Group, NativeSelect, SimpleGrid, TextInput } from '@mantine/core';
import { useForm } from '@mantine/form';
import { useTranslation } from 'react-i18next';
import { RESOURCE_TYPES, type AuditFilters, type ResourceType } from './audit-query';
import { resourceTypeLabel } from './labels';

interface FilterValues {
  resourceType: string;
  resourceId: string;
  actorId: string;
  fromDay: string;
  toDay: string;
}

const toValues = (filters: AuditFilters): FilterValues => ({
  resourceType: filters.resourceType ?? '',
  resourceId: filters.resourceId ?? '',
  actorId: filters.actorId ?? '',
  fromDay: filters.fromDay ?? '',
  toDay: filters.toDay ?? '',
});

function toFilters(values: FilterValues): AuditFilters {
  const filters: AuditFilters = {};
  if (values.resourceType) {
    filters.resourceType = values.resourceType as ResourceType;
  }
  if (values.resourceId.trim()) {
    filters.resourceId = values.resourceId.trim();
  }
  if (values.actorId.trim()) {
    filters.actorId = values.actorId.trim();
  }
  if (values.fromDay) {
    filters.fromDay = values.fromDay;
  }
  if (values.toDay) {
    filters.toDay = values.toDay;
  }
  return filters;
}

/** The filters, applied on submit; `key` it by the applied filters so it shows them. */
export function AuditFiltersForm({
  filters,
  onApply,
}: {
  filters: AuditFilters;
  onApply: (filters: AuditFilters) => void;
}) {
  const { t } = useTranslation();
  const form = useForm<FilterValues>({ mode: 'uncontrolled', initialValues: toValues(filters) });
  return (
    <form
      onSubmit={form.onSubmit((values) => onApply(toFilters(values)))}
      aria-label={t('auditLog.filters')}
    >
      <SimpleGrid cols={{ base: 1, sm: 2, lg: 5 }}>
        <NativeSelect
          label={t('auditLog.resourceType')}
          data={[
            { value: '', label: t('auditLog.anyResource') },
            ...RESOURCE_TYPES.map((type) => ({ value: type, label: resourceTypeLabel(t, type) })),
          ]}
          key={form.key('resourceType')}
          {...form.getInputProps('resourceType')}
        />
        <TextInput
          label={t('auditLog.resourceId')}
          dir="ltr"
          key={form.key('resourceId')}
          {...form.getInputProps('resourceId')}
        />
        <TextInput
          label={t('auditLog.actorId')}
          description={t('auditLog.actorIdHint')}
          dir="ltr"
          key={form.key('actorId')}
          {...form.getInputProps('actorId')}
        />
        <TextInput
          type="date"
          label={t('auditLog.from')}
          key={form.key('fromDay')}
          {...form.getInputProps('fromDay')}
        />
        <TextInput
          type="date"
          label={t('auditLog.to')}
          key={form.key('toDay')}
          {...form.getInputProps('toDay')}
        />
      </SimpleGrid>
      <Group mt="sm">
        <Button type="submit">{t('auditLog.apply')}</Button>
        <Button variant="default" onClick={() => onApply({})}>
          {t('auditLog.clear')}
        </Button>
      </Group>
    </form>
  );
}
