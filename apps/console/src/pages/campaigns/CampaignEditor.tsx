import { Alert, Anchor, Button, Group, Modal, Stack, Text, Title } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useNavigate, useParams } from 'react-router';
import { api, unwrap } from '../../api/client';
import type { components } from '../../api/schema';
import { QueryState } from '../../components/QueryState';
import { useErrorMessage } from '../../components/use-error-message';
import {
  NEW_CAMPAIGN,
  toCampaignForm,
  type CampaignBody,
  type CampaignView,
} from './campaign-form';
import { CampaignForm } from './CampaignForm';
import { PreviewResult } from './PreviewResult';
import { StatusBadge } from './StatusBadge';
import { campaignResultsKey, RunsTable } from './RunsTable';

// The generated type marks fields with a default as required; a PATCH names only what changes.
type PatchBody = components['schemas']['PatchCampaignDto'];

/** /campaigns/new: an empty form; saving opens the saved campaign. */
export function NewCampaign() {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const queryClient = useQueryClient();
  const save = async (body: CampaignBody) => {
    const created = await unwrap(api.POST('/v1/campaigns', { body }));
    await queryClient.invalidateQueries({ queryKey: ['campaigns'] });
    notifications.show({
      message: t('campaigns.saved'),
      closeButtonProps: { 'aria-label': t('campaigns.closeNotice') },
    });
    void navigate(`/campaigns/${created.id}`);
  };
  return (
    <Stack>
      <Anchor component={Link} to="/campaigns">
        {t('campaigns.back')}
      </Anchor>
      <Title order={1}>{t('campaigns.newTitle')}</Title>
      <CampaignForm initialValues={NEW_CAMPAIGN} save={save} />
    </Stack>
  );
}

/** /campaigns/:id: edit, run now, pause or resume, and the runs. */
export function EditCampaign() {
  const { id = '' } = useParams();
  const campaign = useQuery({
    queryKey: ['campaigns', id],
    queryFn: () => unwrap(api.GET('/v1/campaigns/{id}', { params: { path: { id } } })),
  });
  return <QueryState query={campaign}>{(data) => <SavedCampaign campaign={data} />}</QueryState>;
}

function SavedCampaign({ campaign }: { campaign: CampaignView }) {
  const { t } = useTranslation();
  const errorMessage = useErrorMessage();
  const queryClient = useQueryClient();
  const [confirming, setConfirming] = useState(false);
  const id = campaign.id;
  const refresh = () => queryClient.invalidateQueries({ queryKey: ['campaigns'] });

  const save = async (body: CampaignBody) => {
    await unwrap(api.PUT('/v1/campaigns/{id}', { params: { path: { id } }, body }));
    await refresh();
    notifications.show({
      message: t('campaigns.saved'),
      closeButtonProps: { 'aria-label': t('campaigns.closeNotice') },
    });
  };
  const setActive = useMutation({
    mutationFn: (active: boolean) =>
      unwrap(
        api.PATCH('/v1/campaigns/{id}', {
          params: { path: { id } },
          body: { active } as PatchBody,
        }),
      ),
    onSuccess: refresh,
  });
  const run = useMutation({
    mutationFn: () =>
      unwrap(api.POST('/v1/campaigns/{id}/run', { params: { path: { id } }, body: {} })),
    onSettled: () => {
      setConfirming(false);
      void queryClient.invalidateQueries({ queryKey: campaignResultsKey(id) });
    },
  });
  const actionError = setActive.error ?? run.error;

  return (
    <Stack>
      <Anchor component={Link} to="/campaigns">
        {t('campaigns.back')}
      </Anchor>
      <Group justify="space-between" align="center">
        <Group gap="sm">
          <Title order={1}>{campaign.name}</Title>
          <StatusBadge active={campaign.active} />
        </Group>
        <Group gap="sm">
          <Button onClick={() => setConfirming(true)} disabled={!campaign.active}>
            {t('campaigns.runNow')}
          </Button>
          <Button
            variant="default"
            loading={setActive.isPending}
            onClick={() => setActive.mutate(!campaign.active)}
          >
            {campaign.active ? t('campaigns.pause') : t('campaigns.resume')}
          </Button>
        </Group>
      </Group>
      {actionError !== null && (
        <Alert color="red" role="alert">
          {errorMessage(actionError)}
        </Alert>
      )}
      {run.data !== undefined && (
        <PreviewResult result={run.data} title={t('campaigns.runResult')} />
      )}
      <Modal
        opened={confirming}
        onClose={() => setConfirming(false)}
        title={t('campaigns.confirmRunTitle')}
        closeButtonProps={{ 'aria-label': t('campaigns.cancel') }}
      >
        <Stack>
          <Text>{t('campaigns.confirmRun', { name: campaign.name })}</Text>
          <Group justify="flex-end">
            <Button variant="default" onClick={() => setConfirming(false)}>
              {t('campaigns.cancel')}
            </Button>
            <Button loading={run.isPending} onClick={() => run.mutate()}>
              {t('campaigns.confirmRunButton')}
            </Button>
          </Group>
        </Stack>
      </Modal>
      {/* The key renews the form after a pause or resume changes the campaign underneath. */}
      <CampaignForm
        key={`${campaign.id}:${String(campaign.active)}`}
        initialValues={toCampaignForm(campaign)}
        save={save}
      />
      <RunsTable campaignId={id} />
    </Stack>
  );
}
