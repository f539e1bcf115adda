import { Alert, Button, Group, Stack, Text, TextInput } from '@mantine/core';
import { useMutation } from '@tanstack/react-query';
import { useState, type RefObject } from 'react';
import { useTranslation } from 'react-i18next';
import { api, unwrap } from '../../api/client';
import type { Member } from '../members/member/member-queries';
import { MIN_SEARCH_LENGTH } from '../members/members-query';
import { EnrolForm } from './EnrolForm';
import { MemberMatches } from './MemberMatches';
import { latinDigits } from './money-input';
import { useTillError } from './use-till-error';

/** What the last search found: several members to choose from, or nobody. */
type Outcome = { kind: 'several'; members: Member[] } | { kind: 'none'; query: string } | null;

const MATCHES_SHOWN = 20;

interface FindMemberProps {
  onFound: (member: Member) => void;
  inputRef: RefObject<HTMLInputElement | null>;
}

/**
 * The **Find member** field: a card number (a barcode scanner types it and Enter), a phone or a
 * name. One match opens the member, several are listed to choose from, none offers enrolment.
 */
export function FindMember({ onFound, inputRef }: FindMemberProps) {
  const { t } = useTranslation();
  const tillError = useTillError();
  const [query, setQuery] = useState('');
  const [tooShort, setTooShort] = useState(false);
  const [outcome, setOutcome] = useState<Outcome>(null);
  const [enrolling, setEnrolling] = useState(false);
  const search = useMutation({
    mutationFn: (q: string) =>
      unwrap(api.GET('/v1/members', { params: { query: { q, limit: MATCHES_SHOWN } } })),
  });

  const found = (member: Member) => {
    setOutcome(null);
    setEnrolling(false);
    setQuery('');
    onFound(member);
  };

  const onSubmit = (event: React.FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    // A Persian keyboard types Persian digits; cards and phones are stored with Latin ones.
    const q = latinDigits(query.trim());
    setTooShort(q.length < MIN_SEARCH_LENGTH);
    if (q.length < MIN_SEARCH_LENGTH || search.isPending) {
      return;
    }
    setEnrolling(false);
    search.mutate(q, {
      onSuccess: ({ items }) => {
        const [only] = items;
        if (items.length === 1 && only !== undefined) {
          found(only);
        } else if (items.length === 0) {
          setOutcome({ kind: 'none', query: q });
        } else {
          setOutcome({ kind: 'several', members: items });
        }
      },
    });
  };

  return (
    <Stack gap="sm">
      <form onSubmit={onSubmit} role="search" noValidate>
        <Group align="flex-end" gap="xs" wrap="nowrap">
          <TextInput
            ref={inputRef}
            label={t('till.find.label')}
            description={t('till.find.hint')}
            value={query}
            onChange={(event) => {
              setQuery(event.currentTarget.value);
              setTooShort(false);
            }}
            error={tooShort ? t('till.find.tooShort') : undefined}
            autoComplete="off"
            style={{ flex: 1, minWidth: 0 }}
          />
          <Button type="submit" loading={search.isPending}>
            {t('till.find.submit')}
          </Button>
        </Group>
      </form>
      {search.isError && (
        <Alert color="red" role="alert">
          {tillError(search.error)}
        </Alert>
      )}
      {outcome?.kind === 'several' && <MemberMatches members={outcome.members} onChoose={found} />}
      {outcome?.kind === 'none' && !enrolling && (
        <Group gap="sm" role="status">
          <Text size="sm">{t('till.find.none', { query: outcome.query })}</Text>
          <Button variant="light" onClick={() => setEnrolling(true)}>
            {t('till.enrol.open')}
          </Button>
        </Group>
      )}
      {enrolling && (
        <EnrolForm
          typed={outcome?.kind === 'none' ? outcome.query : ''}
          onEnrolled={found}
          onCancel={() => {
            setEnrolling(false);
            inputRef.current?.focus();
          }}
        />
      )}
    </Stack>
  );
}
