import { useTranslation } from 'react-i18next';
import { useFormat } from '../../format/use-format';
import type { Money } from '../../format/use-money';
import type { EarningRule } from './rule-values';

/** A rule's effect and conditions in a few words each, for the list. */
export function useRuleSummary(money: Money | undefined) {
  const { t } = useTranslation();
  const format = useFormat();

  const effect = (rule: EarningRule): string => {
    const { pointsPerUnit, multiplier, fixedPoints } = rule.effect;
    const parts: string[] = [];
    if (pointsPerUnit !== undefined) {
      parts.push(
        t('earningRules.summary.perUnit', {
          points: format.number(pointsPerUnit),
          currency: money?.currency ?? '',
        }),
      );
    }
    if (multiplier !== undefined) {
      parts.push(t('earningRules.summary.multiplier', { multiplier: format.number(multiplier) }));
    }
    if (fixedPoints !== undefined) {
      parts.push(t('earningRules.summary.fixed', { points: format.number(fixedPoints) }));
    }
    return parts.length > 0 ? parts.join(' · ') : t('earningRules.summary.noEffect');
  };

  const conditions = (rule: EarningRule): string => {
    const c = rule.conditions;
    const list = (values: readonly string[] | undefined) => values?.join(', ');
    const parts: [string, string | undefined][] = [
      ['channels', list(c.channels?.map((channel) => t(`earningRules.channel.${channel}`)))],
      ['stores', list(c.storeIds)],
      ['tiers', list(c.tiers)],
      ['categories', list(c.categories)],
      ['skus', list(c.skus)],
      [
        'minOrderTotal',
        c.minOrderTotal === undefined
          ? undefined
          : (money?.format(c.minOrderTotal) ?? format.number(c.minOrderTotal)),
      ],
      ['days', list(c.daysOfWeek?.map((day) => t(`earningRules.weekday.${day}`)))],
      ['from', c.validFrom === undefined ? undefined : format.dateTime(c.validFrom)],
      ['until', c.validUntil === undefined ? undefined : format.dateTime(c.validUntil)],
    ];
    const said = parts
      .filter((part): part is [string, string] => part[1] !== undefined && part[1] !== '')
      .map(([key, value]) => t(`earningRules.summary.${key}`, { value }));
    if (rule.limits?.perMemberPerDay !== undefined) {
      said.push(
        t('earningRules.summary.perDay', { value: format.number(rule.limits.perMemberPerDay) }),
      );
    }
    return said.length > 0 ? said.join(' · ') : t('earningRules.summary.always');
  };

  return { effect, conditions };
}
