import { useFormat } from '../../format/use-format';
import { useMoney } from '../../format/use-money';

/** Minor units as money in the program's currency (a plain number until the program has loaded). */
export function useMoneyText(): (minor: number) => string {
  const money = useMoney();
  const format = useFormat();
  return money?.format ?? format.number;
}
