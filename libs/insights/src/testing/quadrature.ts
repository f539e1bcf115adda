// Module-local aliases: global lookups are slow inside Node vm contexts (as under Jest).
const { PI, cosh, exp, round, sinh } = Math;

/**
 * ∫₀¹ f(p) dp by tanh-sinh (double-exponential) quadrature, which copes with integrable
 * singularities at both ends. f receives p and 1-p, the latter computed without cancellation.
 */
export function integrateUnitInterval(
  f: (p: number, oneMinusP: number) => number,
  step = 1 / 32,
  range = 5,
): number {
  let sum = 0;
  const n = round(range / step);
  for (let k = -n; k <= n; k++) {
    const u = k * step;
    const s = PI * sinh(u);
    const p = 1 / (1 + exp(-s));
    const q = 1 / (1 + exp(s));
    if (p === 0 || q === 0) {
      continue;
    }
    // p = (1 + tanh(s/2))/2, so dp/du = (π/2)·cosh(u)·sech²(s/2)/2 = π·cosh(u)·p·q.
    sum += f(p, q) * PI * cosh(u) * p * q;
  }
  return sum * step;
}
