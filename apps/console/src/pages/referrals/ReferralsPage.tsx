import { Stack, Title } from '@mantine/core';
import { useQuery } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { api, unwrap } from '../../api/client';
import { useSession } from '../../api/session';
import { QueryState } from '../../components/QueryState';
import { ReferralList } from './ReferralList';
import { ReferralProgramForm } from './ReferralProgramForm';

/** /console/referrals: the referral program's settings, and (for admins) the referrals. */
export default function ReferralsPage() {
  const { t } = useTranslation();
  const role = useSession().data?.user.role;
  const program = useQuery({
    queryKey: ['referrals', 'program'],
    queryFn: () => unwrap(api.GET('/v1/referral-program')),
  });
  return (
    <Stack>
      <Title order={1}>{t('referrals.title')}</Title>
      <QueryState query={program}>
        {(settings) => <ReferralProgramForm settings={settings} />}
      </QueryState>
      {role === 'admin' && <ReferralList />}
    </Stack>
  );
}
