import { Anchor, Breadcrumbs, SimpleGrid, Stack, Text, Title } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { Link, useParams } from 'react-router';
import { useSession } from '../../../api/session';
import { QueryState } from '../../../components/QueryState';
import { useFormat } from '../../../format/use-format';
import { ActivitySection } from './ActivitySection';
import { BalanceSection } from './BalanceSection';
import { GoodwillForm } from './GoodwillForm';
import { InsightsSection } from './InsightsSection';
import { memberCapabilities } from './member-capabilities';
import { useMember } from './member-queries';
import { PerksSection } from './PerksSection';
import { ProfileSection } from './ProfileSection';
import { TierSection } from './TierSection';

/** /console/members/:id: everything about one member, each part shown only to roles that may call it. */
export default function MemberPage() {
  const { t } = useTranslation();
  const format = useFormat();
  const { id = '' } = useParams();
  const session = useSession();
  const member = useMember(id);
  const can = memberCapabilities(session.data?.user.role ?? 'cashier');

  return (
    <Stack>
      <Breadcrumbs>
        <Anchor component={Link} to="/members">
          {t('members.title')}
        </Anchor>
        <Text size="sm">{member.data?.name ?? t('member.title')}</Text>
      </Breadcrumbs>
      <QueryState query={member}>
        {(data) => (
          <Stack>
            <Stack gap={0}>
              <Title order={1}>{data.name ?? t('members.noName')}</Title>
              <Text c="dimmed" size="sm">
                {t('member.subtitle', { card: format.digits(data.cardNumber) })}
              </Text>
            </Stack>
            <SimpleGrid cols={{ base: 1, md: 2 }}>
              <Stack>
                <BalanceSection member={data} />
                <TierSection member={data} canChange={can.changeTier} />
                {can.grantGoodwill && <GoodwillForm member={data} />}
              </Stack>
              <Stack>
                <ProfileSection member={data} canEdit={can.editProfile} />
                {can.insights && <InsightsSection memberId={data.id} />}
                {can.perks && <PerksSection memberId={data.id} />}
              </Stack>
            </SimpleGrid>
            {can.activity && <ActivitySection memberId={data.id} />}
          </Stack>
        )}
      </QueryState>
    </Stack>
  );
}
