import { useQuery } from '@tanstack/react-query';
import { api, unwrap } from '../../api/client';
import type { components } from '../../api/schema';
import { formatMoney } from '../../format/money';
import { useFormat } from '../../format/use-format';
import type { Money } from '../../format/use-money';

export type TillProgram = components['schemas']['TillProgramDto'];

/**
 * The program's currency and redemption value as the till may read them (GET /v1/pos/program;
 * a cashier may not read GET /v1/program), with money formatted in the language on screen.
 */
export function useTillProgram() {
  const format = useFormat();
  const program = useQuery({
    queryKey: ['till', 'program'],
    queryFn: () => unwrap(api.GET('/v1/pos/program')),
    staleTime: 60_000,
  });
  const money = (settings: TillProgram): Money => ({
    currency: settings.currency,
    minorUnitsPerMajor: settings.minorUnitsPerMajor,
    format: (minor) =>
      formatMoney(format.language, minor, settings.currency, settings.minorUnitsPerMajor),
    toMinor: (major) => Math.round(major * settings.minorUnitsPerMajor),
    toMajor: (minor) => minor / settings.minorUnitsPerMajor,
  });
  return { program, money };
}
