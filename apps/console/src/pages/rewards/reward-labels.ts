import { useTranslation } from 'react-i18next';
import type { RewardType } from './reward-form';

export function useRewardTypeLabels(): Record<RewardType, string> {
  const { t } = useTranslation();
  return {
    discount_amount: t('rewards.types.discountAmount'),
    discount_percent: t('rewards.types.discountPercent'),
    free_product: t('rewards.types.freeProduct'),
    service_perk: t('rewards.types.servicePerk'),
    gift: t('rewards.types.gift'),
  };
}
