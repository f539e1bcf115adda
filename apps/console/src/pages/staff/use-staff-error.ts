import { useTranslation } from 'react-i18next';
import { ApiError } from '../../api/api-error';
import { useErrorMessage } from '../../components/use-error-message';

/** The API's message, with LAST_ADMIN said plainly: the console must keep an admin. */
export function useStaffError(): (error: unknown) => string {
  const { t } = useTranslation();
  const errorMessage = useErrorMessage();
  return (error) =>
    error instanceof ApiError && error.code === 'LAST_ADMIN'
      ? t('staff.lastAdmin')
      : errorMessage(error);
}
