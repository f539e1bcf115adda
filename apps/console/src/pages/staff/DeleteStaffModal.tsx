import { Alert, Button, Group, Modal, Stack, Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { useDeleteStaffUser, type StaffUser } from './staff-query';
import { useStaffError } from './use-staff-error';

export function DeleteStaffModal({
  user,
  onClose,
}: {
  user: StaffUser | null;
  onClose: () => void;
}) {
  const { t } = useTranslation();
  const staffError = useStaffError();
  const remove = useDeleteStaffUser();
  const close = () => {
    remove.reset();
    onClose();
  };
  return (
    <Modal
      opened={user !== null}
      onClose={close}
      title={t('staff.deleteTitle')}
      centered
      closeButtonProps={{ 'aria-label': t('staff.close') }}
    >
      {user && (
        <Stack gap="sm">
          <Text>{t('staff.deleteConfirm', { name: user.name })}</Text>
          {remove.isError && (
            <Alert color="red" role="alert">
              {staffError(remove.error)}
            </Alert>
          )}
          <Group>
            <Button
              color="red.9"
              loading={remove.isPending}
              onClick={() => remove.mutate(user.id, { onSuccess: close })}
            >
              {t('staff.delete')}
            </Button>
            <Button variant="default" onClick={close}>
              {t('staff.cancel')}
            </Button>
          </Group>
        </Stack>
      )}
    </Modal>
  );
}
