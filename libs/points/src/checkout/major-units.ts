/**
 * An amount in minor units written in major units with as many decimals as the currency has
 * (`majorUnits(150, 100)` is "1.50", `majorUnits(1500, 1000)` is "1.500", `majorUnits(150, 1)`
 * is "150"), in exact integer arithmetic.
 */
export function majorUnits(minor: number, minorUnitsPerMajor: number): string {
  let decimals = 0;
  for (let scale = 1; scale < minorUnitsPerMajor; scale *= 10) {
    decimals += 1;
  }
  if (10 ** decimals !== minorUnitsPerMajor) {
    // Not a power of ten (e.g. 5 khoums to the ouguiya): a decimal fraction, rounded.
    return (minor / minorUnitsPerMajor).toFixed(decimals);
  }
  const sign = minor < 0 ? '-' : '';
  const abs = Math.abs(minor);
  const whole = Math.floor(abs / minorUnitsPerMajor);
  const fraction = abs % minorUnitsPerMajor;
  return decimals === 0
    ? `${sign}${whole}`
    : `${sign}${whole}.${String(fraction).padStart(decimals, '0')}`;
}
