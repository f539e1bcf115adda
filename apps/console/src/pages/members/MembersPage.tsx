import { Anchor, Button, Group, Stack, Table, Text, TextInput, Title } from '@mantine/core';
import { useDebouncedValue } from '@mantine/hooks';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useSearchParams } from 'react-router';
import { QueryState } from '../../components/QueryState';
import { useFormat } from '../../format/use-format';
import { MIN_SEARCH_LENGTH, useMemberSearch } from './members-query';
import { LoadMoreButton } from '../../components/LoadMoreButton';
import { isSegment, segmentLabel } from './segment-labels';

/** The pattern for list pages: a search box, a table through <QueryState>, "Load more" paging. */
export default function MembersPage() {
  const { t } = useTranslation();
  const format = useFormat();
  const [search, setSearch] = useState('');
  const [debounced] = useDebouncedValue(search, 300);
  const [params, setParams] = useSearchParams();
  const segmentParam = params.get('segment');
  const segment = isSegment(segmentParam) ? segmentParam : undefined;
  const members = useMemberSearch(debounced, segment);
  const clearSegment = () =>
    setParams((current) => {
      current.delete('segment');
      return current;
    });
  const tooShort = search.trim().length > 0 && search.trim().length < MIN_SEARCH_LENGTH;

  return (
    <Stack>
      <Title order={1}>{t('members.title')}</Title>
      <TextInput
        type="search"
        label={t('members.search')}
        description={t('members.searchHint')}
        value={search}
        onChange={(event) => setSearch(event.currentTarget.value)}
        maw={480}
        error={tooShort ? t('members.searchHint') : undefined}
      />
      {segment !== undefined && (
        <Group gap="sm">
          <Text fw={600}>{t('members.segmentFilter', { segment: segmentLabel(t, segment) })}</Text>
          <Button variant="default" size="xs" onClick={clearSegment}>
            {t('members.clearSegment')}
          </Button>
        </Group>
      )}
      <QueryState
        query={members}
        isEmpty={(data) => data.pages.every((page) => page.items.length === 0)}
        emptyText={t('members.none')}
      >
        {(data) => (
          <Stack>
            <Table.ScrollContainer minWidth={640}>
              <Table striped highlightOnHover aria-label={t('members.results')}>
                <Table.Thead>
                  <Table.Tr>
                    <Table.Th>{t('members.name')}</Table.Th>
                    <Table.Th>{t('members.card')}</Table.Th>
                    <Table.Th>{t('members.phone')}</Table.Th>
                    <Table.Th>{t('members.email')}</Table.Th>
                    <Table.Th>{t('members.points')}</Table.Th>
                    <Table.Th>{t('members.tier')}</Table.Th>
                    <Table.Th>{t('members.joined')}</Table.Th>
                  </Table.Tr>
                </Table.Thead>
                <Table.Tbody>
                  {data.pages.flatMap((page) =>
                    page.items.map((member) => (
                      <Table.Tr key={member.id}>
                        <Table.Td>
                          <Anchor component={Link} to={`/members/${member.id}`}>
                            {member.name ?? t('members.noName')}
                          </Anchor>
                        </Table.Td>
                        <Table.Td dir="ltr">{format.digits(member.cardNumber)}</Table.Td>
                        <Table.Td dir="ltr">
                          {member.phone ? format.digits(member.phone) : ''}
                        </Table.Td>
                        <Table.Td dir="ltr">{member.email ?? ''}</Table.Td>
                        <Table.Td>{format.number(member.points.available)}</Table.Td>
                        <Table.Td>{member.tier?.name ?? ''}</Table.Td>
                        <Table.Td>{format.date(member.joinedAt)}</Table.Td>
                      </Table.Tr>
                    )),
                  )}
                </Table.Tbody>
              </Table>
            </Table.ScrollContainer>
            <LoadMoreButton query={members} label={t('members.loadMore')} />
          </Stack>
        )}
      </QueryState>
    </Stack>
  );
}
