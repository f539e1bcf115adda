import { Button, Group, Modal, Text } from '@mantine/core';
import { useDisclosure } from '@mantine/hooks';
import { notifications } from '@mantine/notifications';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { api, unwrap } from '../../api/client';
import { useErrorMessage } from '../../components/use-error-message';
import type { components } from '../../api/schema';
import type { EarningRule } from './rule-values';

type PatchEarningRule = components['schemas']['PatchEarningRuleDto'];

/** Activate or deactivate a rule (PATCH {active}), and delete it after a confirmation. */
export function RuleActions({ rule }: { rule: EarningRule }) {
  const { t } = useTranslation();
  const errorMessage = useErrorMessage();
  const queryClient = useQueryClient();
  const [confirming, confirm] = useDisclosure(false);
  const refresh = () => queryClient.invalidateQueries({ queryKey: ['earningRules'] });
  const fail = (error: unknown) =>
    notifications.show({ color: 'red', message: errorMessage(error) });

  const toggle = useMutation({
    mutationFn: () =>
      unwrap(
        api.PATCH('/v1/earning-rules/{id}', {
          params: { path: { id: rule.id } },
          // The schema marks fields with a default as required; a PATCH sends only what changes.
          body: { active: !rule.active } as PatchEarningRule,
        }),
      ),
    onSuccess: refresh,
    onError: fail,
  });
  const remove = useMutation({
    mutationFn: () =>
      unwrap(api.DELETE('/v1/earning-rules/{id}', { params: { path: { id: rule.id } } })),
    onSuccess: async () => {
      confirm.close();
      await refresh();
    },
    onError: fail,
  });

  return (
    <Group gap="xs" wrap="nowrap">
      <Button
        size="xs"
        variant="default"
        loading={toggle.isPending}
        onClick={() => toggle.mutate()}
        aria-label={t(rule.active ? 'earningRules.deactivateNamed' : 'earningRules.activateNamed', {
          name: rule.name,
        })}
      >
        {rule.active ? t('earningRules.deactivate') : t('earningRules.activate')}
      </Button>
      <Button
        size="xs"
        variant="light"
        color="red"
        onClick={confirm.open}
        aria-label={t('earningRules.deleteNamed', { name: rule.name })}
      >
        {t('earningRules.delete')}
      </Button>
      <Modal
        opened={confirming}
        onClose={confirm.close}
        title={t('earningRules.deleteTitle')}
        closeButtonProps={{ 'aria-label': t('earningRules.close') }}
      >
        <Text mb="md">{t('earningRules.deleteConfirm', { name: rule.name })}</Text>
        <Group justify="flex-end">
          <Button variant="default" onClick={confirm.close}>
            {t('earningRules.cancel')}
          </Button>
          <Button color="red.8" loading={remove.isPending} onClick={() => remove.mutate()}>
            {t('earningRules.deleteConfirmButton')}
          </Button>
        </Group>
      </Modal>
    </Group>
  );
}
