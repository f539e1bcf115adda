import { useTranslation } from 'react-i18next';
import { ApiError, NETWORK_ERROR } from '../api/api-error';

/**
 * A sentence for an error: ours translated where we know the case, otherwise the API's own
 * message (it says what to fix).
 */
export function useErrorMessage(): (error: unknown) => string {
  const { t } = useTranslation();
  return (error) => {
    if (error instanceof ApiError) {
      if (error.code === NETWORK_ERROR) {
        return t('errors.network');
      }
      return error.message;
    }
    return error instanceof Error ? error.message : String(error);
  };
}
