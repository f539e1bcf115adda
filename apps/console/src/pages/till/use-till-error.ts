import { useTranslation } from 'react-i18next';
import { useErrorMessage } from '../../components/use-error-message';
import { useFormat } from '../../format/use-format';
import { tillErrorText } from './till-errors';

/**
 * A sentence for an error at the till: the codes a cashier meets (a refused coupon, too few
 * points, a return of more than was bought) said in their language with the API's numbers;
 * anything else in the API's own words.
 */
export function useTillError(): (error: unknown) => string {
  const { t } = useTranslation();
  const format = useFormat();
  const errorMessage = useErrorMessage();
  return (error) => {
    const text = tillErrorText(error);
    if (text === null) {
      return errorMessage(error);
    }
    const values = Object.fromEntries(
      Object.entries(text.values).map(([name, value]) => [
        name,
        typeof value === 'number' ? format.number(value) : value,
      ]),
    );
    const sentence = t(`till.errors.${text.key}`, values);
    // An answer without the details the sentence names is told in the API's own words.
    return sentence.includes('{{') ? errorMessage(error) : sentence;
  };
}
