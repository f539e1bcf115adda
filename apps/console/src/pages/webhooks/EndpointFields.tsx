import { MultiSelect, Stack, Text, TextInput, Textarea } from '@mantine/core';
import type { UseFormReturnType } from '@mantine/form';
import { useTranslation } from 'react-i18next';
import type { EndpointValues } from './endpoint-values';
import { EVENT_TYPES, eventTypeDescription, isEventType } from './event-types';

/** The URL, the event types (codes, each with what it means) and the note of an endpoint. */
export function EndpointFields({ form }: { form: UseFormReturnType<EndpointValues> }) {
  const { t } = useTranslation();
  return (
    <>
      <TextInput
        label={t('webhooks.fields.url')}
        description={t('webhooks.hints.url')}
        placeholder="https://"
        required
        dir="ltr"
        data-autofocus
        {...form.getInputProps('url')}
      />
      <MultiSelect
        label={t('webhooks.fields.eventTypes')}
        description={t('webhooks.hints.eventTypes')}
        placeholder={form.getValues().eventTypes.length === 0 ? t('webhooks.allEvents') : ''}
        data={EVENT_TYPES.map((type) => ({ value: type, label: type }))}
        searchable
        clearable
        hidePickedOptions
        maxDropdownHeight={280}
        comboboxProps={{ withinPortal: true }}
        renderOption={({ option }) => (
          <Stack gap={0}>
            <Text size="sm" dir="ltr" ff="monospace">
              {option.value}
            </Text>
            {isEventType(option.value) && (
              <Text size="xs" c="dimmed">
                {eventTypeDescription(t, option.value)}
              </Text>
            )}
          </Stack>
        )}
        {...form.getInputProps('eventTypes')}
      />
      <Textarea
        label={t('webhooks.fields.description')}
        description={t('webhooks.hints.description')}
        autosize
        minRows={2}
        maxLength={500}
        {...form.getInputProps('description')}
      />
    </>
  );
}
