import { Badge, Stack, Table } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { QueryState } from '../../../components/QueryState';
import { useFormat } from '../../../format/use-format';
import { useMemberPerks } from './member-queries';
import { Section } from './Section';
import { LoadMoreButton } from '../../../components/LoadMoreButton';

const STATUS_COLOR = { active: 'teal', used: 'gray', expired: 'orange', cancelled: 'red' } as const;

/** Rewards redeemed or granted to the member, and whether each is still usable. */
export function PerksSection({ memberId }: { memberId: string }) {
  const { t } = useTranslation();
  const format = useFormat();
  const perks = useMemberPerks(memberId);
  const status = {
    active: t('member.perks.status.active'),
    used: t('member.perks.status.used'),
    expired: t('member.perks.status.expired'),
    cancelled: t('member.perks.status.cancelled'),
  };
  return (
    <Section title={t('member.perks.title')}>
      <QueryState
        query={perks}
        isEmpty={(data) => data.pages.every((page) => page.items.length === 0)}
        emptyText={t('member.perks.none')}
      >
        {(data) => (
          <Stack>
            <Table.ScrollContainer minWidth={520}>
              <Table aria-label={t('member.perks.title')}>
                <Table.Thead>
                  <Table.Tr>
                    <Table.Th>{t('member.perks.name')}</Table.Th>
                    <Table.Th>{t('member.perks.statusLabel')}</Table.Th>
                    <Table.Th>{t('member.perks.code')}</Table.Th>
                    <Table.Th>{t('member.perks.issued')}</Table.Th>
                    <Table.Th>{t('member.perks.expires')}</Table.Th>
                  </Table.Tr>
                </Table.Thead>
                <Table.Tbody>
                  {data.pages.flatMap((page) =>
                    page.items.map((perk) => (
                      <Table.Tr key={perk.id}>
                        <Table.Td>{perk.name}</Table.Td>
                        <Table.Td>
                          <Badge variant="light" color={STATUS_COLOR[perk.status]}>
                            {status[perk.status]}
                          </Badge>
                        </Table.Td>
                        <Table.Td dir="ltr">{perk.code ?? ''}</Table.Td>
                        <Table.Td>{format.date(perk.issuedAt)}</Table.Td>
                        <Table.Td>{perk.expiresAt ? format.date(perk.expiresAt) : ''}</Table.Td>
                      </Table.Tr>
                    )),
                  )}
                </Table.Tbody>
              </Table>
            </Table.ScrollContainer>
            <LoadMoreButton query={perks} label={t('member.loadMore')} />
          </Stack>
        )}
      </QueryState>
    </Section>
  );
}
