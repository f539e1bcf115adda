import { directionOf } from '../../i18n/i18n';
import { useFormat } from '../../format/use-format';

const TICK = { fontSize: 12, fill: 'currentColor' };

export interface ChartDirection {
  rtl: boolean;
  /** For a Mantine chart's `xAxisProps`: right to left, the first category sits on the right. */
  xAxisProps: { reversed: boolean };
  /** For `yAxisProps`: right to left, the value axis stands on the right. */
  yAxisProps: {
    orientation: 'left' | 'right';
    tick: { transform: string; fontSize: number; fill: string };
  };
  /** For `valueFormatter` (value axis and tooltip) and numeric `tickFormatter`s: localized digits. */
  number: (value: number) => string;
  /** A 0..1 share as a localized percentage, for share axes. */
  percent: (share: number) => string;
}

/**
 * Props that make a Mantine chart follow the language: mirrored axes right to left (the SVG itself
 * stays left to right, so Recharts' layout maths holds) and the language's digits on ticks.
 * Spread them, adding your own axis props after: `xAxisProps={{ ...direction.xAxisProps, … }}`.
 */
export function useChartDirection(): ChartDirection {
  const format = useFormat();
  const rtl = directionOf(format.language) === 'rtl';
  return {
    rtl,
    xAxisProps: { reversed: rtl },
    yAxisProps: {
      orientation: rtl ? 'right' : 'left',
      // Mantine nudges left-axis ticks 10px outwards; a right axis needs the opposite nudge.
      tick: { ...TICK, transform: rtl ? 'translate(10, 0)' : 'translate(-10, 0)' },
    },
    number: format.number,
    percent: format.percent,
  };
}
