import { useTranslation } from 'react-i18next';
import type { components } from '../../api/schema';
import { useFormat } from '../../format/use-format';
import type { Money } from '../../format/use-money';

type RewardType = components['schemas']['MyRewardDto']['type'];

/** What a reward or coupon gives, in words: 5.00 off, 10% off, one COF-1 free, or the perk. */
export function useRewardValue(money: Money): (type: RewardType, value: number | string) => string {
  const { t } = useTranslation();
  const format = useFormat();
  return (type, value) => {
    if (type === 'discount_amount' && typeof value === 'number') {
      return t('till.reward.amountOff', { amount: money.format(value) });
    }
    if (type === 'discount_percent' && typeof value === 'number') {
      return t('till.reward.percentOff', { percent: format.number(value) });
    }
    if (type === 'free_product') {
      return t('till.reward.freeProduct', { sku: String(value) });
    }
    return typeof value === 'number' ? format.number(value) : value;
  };
}
