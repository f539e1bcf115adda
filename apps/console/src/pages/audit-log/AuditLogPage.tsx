import { Accordion, Badge, Button, Group, Stack, Text, Title } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { useSearchParams } from 'react-router';
import { QueryState } from '../../components/QueryState';
import { useFormat } from '../../format/use-format';
import { AuditFiltersForm } from './AuditFiltersForm';
import {
  RESOURCE_TYPES,
  useAuditLog,
  type AuditEntry,
  type AuditFilters,
  type ResourceType,
} from './audit-query';
import { DiffTable } from './DiffTable';
import { actionLabel, resourceTypeLabel } from './labels';
import { LoadMoreButton } from '../../components/LoadMoreButton';

const FILTER_PARAMS = ['resourceType', 'resourceId', 'actorId', 'fromDay', 'toDay'] as const;

/** The filters live in the address, so a filtered view can be linked to and survives a reload. */
function filtersFrom(params: URLSearchParams): AuditFilters {
  const filters: AuditFilters = {};
  const type = params.get('resourceType');
  if (type && (RESOURCE_TYPES as readonly string[]).includes(type)) {
    filters.resourceType = type as ResourceType;
  }
  for (const name of ['resourceId', 'actorId', 'fromDay', 'toDay'] as const) {
    const value = params.get(name);
    if (value) {
      filters[name] = value;
    }
  }
  return filters;
}

function EntrySummary({ entry }: { entry: AuditEntry }) {
  const { t } = useTranslation();
  const format = useFormat();
  const actor =
    entry.actor.kind === 'system'
      ? t('auditLog.system')
      : (entry.actor.name ?? entry.actor.id ?? '');
  return (
    <Group gap="sm" wrap="wrap">
      <Text size="sm" c="dimmed">
        {format.dateTime(entry.at)}
      </Text>
      <Badge variant="outline">{actionLabel(t, entry.action)}</Badge>
      <Text size="sm" fw={600}>
        {resourceTypeLabel(t, entry.resource.type)} <span dir="ltr">{entry.resource.id}</span>
      </Text>
      <Text size="sm">{t('auditLog.by', { actor })}</Text>
    </Group>
  );
}

export default function AuditLogPage() {
  const { t } = useTranslation();
  const [params, setParams] = useSearchParams();
  const filters = filtersFrom(params);
  const log = useAuditLog(filters);
  const apply = (next: AuditFilters) => {
    const search = new URLSearchParams();
    for (const name of FILTER_PARAMS) {
      const value = next[name];
      if (value) {
        search.set(name, value);
      }
    }
    setParams(search);
  };

  return (
    <Stack>
      <Title order={1}>{t('auditLog.title')}</Title>
      <Text c="dimmed">{t('auditLog.intro')}</Text>
      <AuditFiltersForm key={params.toString()} filters={filters} onApply={apply} />
      <QueryState
        query={log}
        isEmpty={(data) => data.pages.every((page) => page.items.length === 0)}
        emptyText={t('auditLog.none')}
      >
        {(data) => (
          <Stack>
            <Accordion multiple variant="separated" chevronPosition="left">
              {data.pages.flatMap((page) =>
                page.items.map((entry) => (
                  <Accordion.Item key={entry.id} value={entry.id}>
                    <Accordion.Control>
                      <EntrySummary entry={entry} />
                    </Accordion.Control>
                    <Accordion.Panel>
                      <Stack gap="sm">
                        <DiffTable before={entry.before} after={entry.after} />
                        <Group gap="xs">
                          <Button
                            size="xs"
                            variant="default"
                            onClick={() =>
                              apply({
                                resourceType: entry.resource.type,
                                resourceId: entry.resource.id,
                              })
                            }
                          >
                            {t('auditLog.onlyResource')}
                          </Button>
                          {entry.actor.id !== null && (
                            <Button
                              size="xs"
                              variant="default"
                              onClick={() => apply({ actorId: entry.actor.id ?? undefined })}
                            >
                              {t('auditLog.onlyActor')}
                            </Button>
                          )}
                        </Group>
                      </Stack>
                    </Accordion.Panel>
                  </Accordion.Item>
                )),
              )}
            </Accordion>
            <LoadMoreButton query={log} label={t('auditLog.loadMore')} />
          </Stack>
        )}
      </QueryState>
    </Stack>
  );
}
