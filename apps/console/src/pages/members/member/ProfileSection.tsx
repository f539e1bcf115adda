import { Button, Group, Table, Text } from '@mantine/core';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useFormat } from '../../../format/use-format';
import type { Member } from './member-queries';
import { ProfileForm } from './ProfileForm';
import { Section } from './Section';

/** The member's details; those who may edit them get an edit form in place. */
export function ProfileSection({ member, canEdit }: { member: Member; canEdit: boolean }) {
  const { t } = useTranslation();
  const format = useFormat();
  const [editing, setEditing] = useState(false);
  const rows: [string, React.ReactNode][] = [
    [t('member.profile.name'), member.name ?? '—'],
    [t('member.profile.email'), <span dir="ltr">{member.email ?? '—'}</span>],
    [
      t('member.profile.phone'),
      <span dir="ltr">{member.phone ? format.digits(member.phone) : '—'}</span>,
    ],
    [t('member.profile.birthDate'), member.birthDate ? format.date(member.birthDate) : '—'],
    [t('member.profile.card'), <span dir="ltr">{format.digits(member.cardNumber)}</span>],
    [t('member.profile.referralCode'), <span dir="ltr">{member.referralCode}</span>],
    [t('member.profile.externalId'), <span dir="ltr">{member.externalId ?? '—'}</span>],
    [t('member.profile.joined'), format.date(member.joinedAt)],
  ];
  return (
    <Section title={t('member.profile.title')}>
      {editing ? (
        <ProfileForm member={member} onDone={() => setEditing(false)} />
      ) : (
        <>
          <Table variant="vertical" layout="fixed" withTableBorder={false}>
            <Table.Tbody>
              {rows.map(([label, value]) => (
                <Table.Tr key={label}>
                  <Table.Th w={140}>{label}</Table.Th>
                  <Table.Td>
                    <Text size="sm" style={{ overflowWrap: 'anywhere' }}>
                      {value}
                    </Text>
                  </Table.Td>
                </Table.Tr>
              ))}
            </Table.Tbody>
          </Table>
          {canEdit && (
            <Group>
              <Button variant="default" onClick={() => setEditing(true)}>
                {t('member.profile.edit')}
              </Button>
            </Group>
          )}
        </>
      )}
    </Section>
  );
}
