import { Button, Group, Text, TextInput } from '@mantine/core';
import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { useFormat } from '../../format/use-format';
import { isValidPeriod, type Period } from './dashboard-period';

interface PeriodPickerProps {
  period: Period;
  onChange: (period: Period) => void;
}

/** From and to dates for the period reports, applied together with Show. */
export function PeriodPicker({ period, onChange }: PeriodPickerProps) {
  const { t } = useTranslation();
  const format = useFormat();
  const [draft, setDraft] = useState(period);
  const [shown, setShown] = useState(period);
  // A period chosen elsewhere (the address, Back) replaces the draft.
  if (shown.from !== period.from || shown.to !== period.to) {
    setShown(period);
    setDraft(period);
  }
  const valid = isValidPeriod(draft);
  const endsBeforeStart = draft.from !== '' && draft.to !== '' && draft.to < draft.from;
  const submit = (event: FormEvent) => {
    event.preventDefault();
    if (isValidPeriod(draft)) {
      onChange(draft);
    }
  };
  return (
    <form onSubmit={submit} aria-label={t('dashboard.period.label')}>
      <Group align="flex-end" gap="sm">
        <TextInput
          type="date"
          label={t('dashboard.period.from')}
          value={draft.from}
          onChange={(event) => setDraft({ ...draft, from: event.currentTarget.value })}
          required
        />
        <TextInput
          type="date"
          label={t('dashboard.period.to')}
          value={draft.to}
          onChange={(event) => setDraft({ ...draft, to: event.currentTarget.value })}
          error={endsBeforeStart ? t('dashboard.period.toBeforeFrom') : undefined}
          required
        />
        <Button type="submit" disabled={!valid}>
          {t('dashboard.period.show')}
        </Button>
      </Group>
      <Text size="sm" c="dimmed" mt="xs" aria-live="polite">
        {t('dashboard.period.showing', {
          from: format.date(`${period.from}T12:00:00Z`),
          to: format.date(`${period.to}T12:00:00Z`),
        })}
      </Text>
    </form>
  );
}
