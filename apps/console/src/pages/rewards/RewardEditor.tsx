import { Anchor, Stack, Title } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { useQuery, useQueryClient } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { Link, useNavigate, useParams } from 'react-router';
import { api, unwrap } from '../../api/client';
import { QueryState } from '../../components/QueryState';
import { NEW_REWARD, toRewardForm, type RewardBody } from './reward-form';
import { RewardForm } from './RewardForm';

function useSaved() {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const queryClient = useQueryClient();
  return async () => {
    await queryClient.invalidateQueries({ queryKey: ['rewards'] });
    notifications.show({
      message: t('rewards.saved'),
      closeButtonProps: { 'aria-label': t('rewards.closeNotice') },
    });
    void navigate('/rewards');
  };
}

/** /rewards/new */
export function NewReward() {
  const { t } = useTranslation();
  const saved = useSaved();
  const save = async (body: RewardBody) => {
    await unwrap(api.POST('/v1/rewards', { body }));
    await saved();
  };
  return (
    <Stack>
      <Anchor component={Link} to="/rewards">
        {t('rewards.back')}
      </Anchor>
      <Title order={1}>{t('rewards.newTitle')}</Title>
      <RewardForm initialValues={NEW_REWARD} save={save} />
    </Stack>
  );
}

/** /rewards/:id */
export function EditReward() {
  const { t } = useTranslation();
  const { id = '' } = useParams();
  const saved = useSaved();
  const reward = useQuery({
    queryKey: ['rewards', id],
    queryFn: () => unwrap(api.GET('/v1/rewards/{id}', { params: { path: { id } } })),
  });
  const save = async (body: RewardBody) => {
    await unwrap(api.PUT('/v1/rewards/{id}', { params: { path: { id } }, body }));
    await saved();
  };
  return (
    <Stack>
      <Anchor component={Link} to="/rewards">
        {t('rewards.back')}
      </Anchor>
      <QueryState query={reward}>
        {(data) => (
          <Stack>
            <Title order={1}>{data.name}</Title>
            <RewardForm initialValues={toRewardForm(data)} save={save} />
          </Stack>
        )}
      </QueryState>
    </Stack>
  );
}
