export interface FittedModel {
  bgnbd: { r: number; alpha: number; a: number; b: number };
  gammaGamma: { p: number; q: number; gamma: number };
}

export interface ModelParameter {
  model: 'bgnbd' | 'gammaGamma';
  /** As statisticians write it. */
  symbol: string;
  value: number;
}

/** The fitted parameters in the order papers give them: BG/NBD r, α, a, b; Gamma-Gamma p, q, γ. */
export function modelParameters(model: FittedModel): ModelParameter[] {
  const { bgnbd, gammaGamma } = model;
  return [
    { model: 'bgnbd', symbol: 'r', value: bgnbd.r },
    { model: 'bgnbd', symbol: 'α', value: bgnbd.alpha },
    { model: 'bgnbd', symbol: 'a', value: bgnbd.a },
    { model: 'bgnbd', symbol: 'b', value: bgnbd.b },
    { model: 'gammaGamma', symbol: 'p', value: gammaGamma.p },
    { model: 'gammaGamma', symbol: 'q', value: gammaGamma.q },
    { model: 'gammaGamma', symbol: 'γ', value: gammaGamma.gamma },
  ];
}
