import { Alert, Button, Group, Modal, Text } from '@mantine/core';
import { useDisclosure } from '@mantine/hooks';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { api, unwrap } from '../../api/client';
import { ApiError } from '../../api/api-error';
import { useErrorMessage } from '../../components/use-error-message';
import type { Tier } from './tier-values';

/** Delete after a confirmation; the API's refusal (409 TIER_IN_USE) is said in the dialog. */
export function DeleteTier({ tier }: { tier: Tier }) {
  const { t } = useTranslation();
  const errorMessage = useErrorMessage();
  const queryClient = useQueryClient();
  const [opened, dialog] = useDisclosure(false);
  const remove = useMutation({
    mutationFn: () => unwrap(api.DELETE('/v1/tiers/{id}', { params: { path: { id: tier.id } } })),
    onSuccess: async () => {
      dialog.close();
      await queryClient.invalidateQueries({ queryKey: ['tiers'] });
    },
  });
  const close = () => {
    remove.reset();
    dialog.close();
  };
  const inUse = remove.error instanceof ApiError && remove.error.code === 'TIER_IN_USE';

  return (
    <>
      <Button
        size="xs"
        variant="light"
        color="red"
        onClick={dialog.open}
        aria-label={t('tiers.deleteNamed', { name: tier.name })}
      >
        {t('tiers.delete')}
      </Button>
      <Modal
        opened={opened}
        onClose={close}
        title={t('tiers.deleteTitle')}
        closeButtonProps={{ 'aria-label': t('tiers.close') }}
      >
        <Text mb="md">{t('tiers.deleteConfirm', { name: tier.name })}</Text>
        {remove.error !== null && (
          <Alert color="red" role="alert" mb="md" title={inUse ? t('tiers.inUseTitle') : undefined}>
            {inUse ? t('tiers.inUse', { name: tier.name }) : errorMessage(remove.error)}
          </Alert>
        )}
        <Group justify="flex-end">
          <Button variant="default" onClick={close}>
            {t('tiers.cancel')}
          </Button>
          <Button
            color="red.8"
            loading={remove.isPending}
            disabled={inUse}
            onClick={() => remove.mutate()}
          >
            {t('tiers.deleteConfirmButton')}
          </Button>
        </Group>
      </Modal>
    </>
  );
}
