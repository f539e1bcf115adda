import type { BgNbdCustomer, BgNbdParams } from '../bgnbd-model';
import { integrateUnitInterval } from './quadrature';

// Module-local aliases: global lookups are slow inside Node vm contexts (as under Jest).
const { expm1, log1p, pow } = Math;

/*
 * Reference values computed a different way from the library: λ is integrated out analytically
 * (a gamma integral), p numerically by tanh-sinh. No hypergeometric function and no Beta-function
 * identities are involved, so agreement checks both the closed forms and their implementation.
 *
 * With L(λ,p) = (1-p)^x λ^x e^{-λT} + δ(x>0) p (1-p)^(x-1) λ^x e^{-λ tx} and the first term the
 * "alive at T" part, after dividing everything by the common factor Γ(r+x)α^r/(Γ(r)B(a,b)(α+T)^(r+x)):
 *   alive   = ∫ p^(a-1) (1-p)^(b+x-1) dp
 *   dropped = ((α+T)/(α+tx))^(r+x) ∫ p^a (1-p)^(b+x-2) dp
 *   future  = ∫ p^(a-2) (1-p)^(b+x-1) [1 - ((α+T)/(α+T+pt))^(r+x)] dp      (E[Y(t)|λ,p] = (1-e^{-λpt})/p)
 */
export function referencePAlive(params: BgNbdParams, customer: BgNbdCustomer): number {
  const { alive, dropped } = posteriorMass(params, customer);
  return alive / (alive + dropped);
}

export function referenceConditionalExpectedPurchases(
  params: BgNbdParams,
  customer: BgNbdCustomer,
  t: number,
): number {
  const { r, alpha, a, b } = params;
  const { x, T } = customer;
  const { alive, dropped } = posteriorMass(params, customer);
  const future = integrateUnitInterval(
    (p, q) => pow(p, a - 2) * pow(q, b + x - 1) * -expm1(-(r + x) * log1p((p * t) / (alpha + T))),
  );
  return future / (alive + dropped);
}

export function referenceExpectedPurchases(params: BgNbdParams, t: number): number {
  return referenceConditionalExpectedPurchases(params, { x: 0, tx: 0, T: 0 }, t);
}

function posteriorMass(
  params: BgNbdParams,
  { x, tx, T }: BgNbdCustomer,
): { alive: number; dropped: number } {
  const { r, alpha, a, b } = params;
  const alive = integrateUnitInterval((p, q) => pow(p, a - 1) * pow(q, b + x - 1));
  const dropped =
    x === 0
      ? 0
      : pow((alpha + T) / (alpha + tx), r + x) *
        integrateUnitInterval((p, q) => pow(p, a) * pow(q, b + x - 2));
  return { alive, dropped };
}
