import { useQuery } from '@tanstack/react-query';
import { api, unwrap } from '../api/client';
import { formatMoney } from './money';
import { useFormat } from './use-format';

export interface Money {
  /** The program's currency code, e.g. "IRR". */
  currency: string;
  minorUnitsPerMajor: number;
  /** Minor units to text in the program's currency and the language on screen. */
  format: (minor: number) => string;
  /** A major amount typed by the user to the API's minor units. */
  toMinor: (major: number) => number;
  toMajor: (minor: number) => number;
}

/** Money in the program's currency; undefined until the program settings have loaded. */
export function useMoney(): Money | undefined {
  const format = useFormat();
  const program = useQuery({
    queryKey: ['program'],
    queryFn: () => unwrap(api.GET('/v1/program')),
  });
  if (program.data === undefined) {
    return undefined;
  }
  const { currency, minorUnitsPerMajor } = program.data;
  return {
    currency,
    minorUnitsPerMajor,
    format: (minor) => formatMoney(format.language, minor, currency, minorUnitsPerMajor),
    toMinor: (major) => Math.round(major * minorUnitsPerMajor),
    toMajor: (minor) => minor / minorUnitsPerMajor,
  };
}
