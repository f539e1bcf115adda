/** Seeded uniform PRNG on [0, 1) (mulberry32): deterministic and fast, not cryptographic. */
export function mulberry32(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

export type Uniform = () => number;

/** Uniform on (0, 1): never exactly 0, so logs and powers stay finite. */
function openUniform(uniform: Uniform): number {
  let u = uniform();
  while (u === 0) {
    u = uniform();
  }
  return u;
}

export function sampleStandardNormal(uniform: Uniform): number {
  // Box–Muller; the second variate is discarded to keep the sampler stateless.
  return Math.sqrt(-2 * Math.log(openUniform(uniform))) * Math.cos(2 * Math.PI * uniform());
}

export function sampleExponential(uniform: Uniform, rate: number): number {
  return -Math.log(openUniform(uniform)) / rate;
}

/** Gamma(shape, rate) by Marsaglia & Tsang (2000), boosted for shape < 1. */
export function sampleGamma(uniform: Uniform, shape: number, rate: number): number {
  if (shape < 1) {
    return sampleGamma(uniform, shape + 1, rate) * Math.pow(openUniform(uniform), 1 / shape);
  }
  const d = shape - 1 / 3;
  const c = 1 / Math.sqrt(9 * d);
  for (;;) {
    let z: number;
    let v: number;
    do {
      z = sampleStandardNormal(uniform);
      v = 1 + c * z;
    } while (v <= 0);
    v = v * v * v;
    const u = openUniform(uniform);
    if (u < 1 - 0.0331 * z * z * z * z) {
      return (d * v) / rate;
    }
    if (Math.log(u) < 0.5 * z * z + d * (1 - v + Math.log(v))) {
      return (d * v) / rate;
    }
  }
}

export function sampleBeta(uniform: Uniform, a: number, b: number): number {
  const x = sampleGamma(uniform, a, 1);
  const y = sampleGamma(uniform, b, 1);
  return x / (x + y);
}
