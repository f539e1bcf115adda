import { useTranslation } from 'react-i18next';
import { ApiError } from '../../api/api-error';
import { useErrorMessage } from '../../components/use-error-message';

/** The API refused the destination (its scheme, or credentials in it): said beside the URL. */
export const isUrlRefused = (error: unknown): error is ApiError =>
  error instanceof ApiError && error.code === 'WEBHOOK_URL_NOT_ALLOWED';

/** The API's sentence, or ours for the cases this section knows. */
export function useWebhookError(): (error: unknown) => string {
  const { t } = useTranslation();
  const errorMessage = useErrorMessage();
  return (error) => {
    if (isUrlRefused(error)) {
      return t('webhooks.errors.urlRefused');
    }
    if (error instanceof ApiError && error.code === 'WEBHOOK_ENDPOINT_DISABLED') {
      return t('webhooks.errors.disabled');
    }
    return errorMessage(error);
  };
}
