import { at } from './checked-index';

export type Objective = (x: readonly number[]) => number;

export interface NelderMeadOptions {
  /** Edge length of the initial simplex along each axis (scalar or per coordinate). */
  initialStep?: number | readonly number[];
  /** Converged when the simplex's function values span at most this much... */
  fTolerance?: number;
  /** ...and every vertex is within this distance (max-norm) of the best one. */
  xTolerance?: number;
  /** Budget of objective evaluations over all restarts. */
  maxEvaluations?: number;
  /**
   * After convergence the search restarts from the best point with a fresh simplex, which
   * escapes the premature collapse Nelder–Mead is known for; it stops once a restart improves
   * the value by no more than fTolerance, or after this many restarts.
   */
  maxRestarts?: number;
}

export interface NelderMeadResult {
  x: number[];
  value: number;
  evaluations: number;
  iterations: number;
  restarts: number;
  /** False when the evaluation budget ran out before the tolerances were met. */
  converged: boolean;
}

interface Vertex {
  x: number[];
  f: number;
}

const REFLECTION = 1;
const EXPANSION = 2;
const CONTRACTION = 0.5;
const SHRINK = 0.5;

/** a + s * (b - a), coordinate-wise. */
function towards(a: readonly number[], b: readonly number[], s: number): number[] {
  return a.map((ai, i) => ai + s * ((b[i] ?? NaN) - ai));
}

/**
 * Deterministic Nelder–Mead simplex minimiser (Lagarias et al. 1998 variant) with restarts.
 * NaN objective values are treated as +Infinity so infeasible regions can be signalled that way.
 */
export function minimizeNelderMead(
  objective: Objective,
  start: readonly number[],
  options: NelderMeadOptions = {},
): NelderMeadResult {
  const n = start.length;
  if (n === 0) {
    throw new RangeError('minimizeNelderMead: start point must have at least one coordinate');
  }
  if (!start.every(Number.isFinite)) {
    throw new RangeError('minimizeNelderMead: start point must be finite');
  }
  const fTolerance = options.fTolerance ?? 1e-10;
  const xTolerance = options.xTolerance ?? 1e-8;
  const maxEvaluations = options.maxEvaluations ?? 200 * n * n + 2000;
  const maxRestarts = options.maxRestarts ?? 10;
  const steps = start.map((_, i) => {
    const s = options.initialStep;
    if (s === undefined) {
      return 0.5;
    }
    return typeof s === 'number' ? s : (s[i] ?? 0.5);
  });

  let evaluations = 0;
  const evaluate = (x: number[]): Vertex => {
    evaluations++;
    const f = objective(x);
    return { x, f: Number.isNaN(f) ? Infinity : f };
  };

  let iterations = 0;
  let best = evaluate([...start]);
  let restarts = 0;
  let converged = false;

  for (;;) {
    const run = runSimplex(best);
    const improvement = best.f - run.best.f;
    if (run.best.f <= best.f) {
      best = run.best;
    }
    if (!run.converged) {
      break;
    }
    if (restarts > 0 && !(improvement > fTolerance)) {
      converged = true;
      break;
    }
    if (restarts >= maxRestarts) {
      converged = true;
      break;
    }
    restarts++;
  }

  return { x: best.x, value: best.f, evaluations, iterations, restarts, converged };

  function runSimplex(origin: Vertex): { best: Vertex; converged: boolean } {
    const simplex: Vertex[] = [origin];
    for (let i = 0; i < n; i++) {
      const x = [...origin.x];
      x[i] = (x[i] ?? 0) + (steps[i] ?? 0.5);
      simplex.push(evaluate(x));
    }
    for (;;) {
      simplex.sort((u, v) => u.f - v.f);
      const lowest = at(simplex, 0);
      const worst = at(simplex, n);
      const secondWorst = at(simplex, n - 1);
      if (hasConverged(simplex)) {
        return { best: lowest, converged: true };
      }
      if (evaluations >= maxEvaluations) {
        return { best: lowest, converged: false };
      }
      iterations++;

      const centroid = new Array<number>(n).fill(0);
      for (let v = 0; v < n; v++) {
        at(simplex, v).x.forEach((xi, i) => {
          centroid[i] = (centroid[i] ?? 0) + xi / n;
        });
      }

      const reflected = evaluate(towards(centroid, worst.x, -REFLECTION));
      if (reflected.f < lowest.f) {
        const expanded = evaluate(towards(centroid, worst.x, -REFLECTION * EXPANSION));
        simplex[n] = expanded.f < reflected.f ? expanded : reflected;
        continue;
      }
      if (reflected.f < secondWorst.f) {
        simplex[n] = reflected;
        continue;
      }
      if (reflected.f < worst.f) {
        const outside = evaluate(towards(centroid, worst.x, -REFLECTION * CONTRACTION));
        if (outside.f <= reflected.f) {
          simplex[n] = outside;
          continue;
        }
      } else {
        const inside = evaluate(towards(centroid, worst.x, CONTRACTION));
        if (inside.f < worst.f) {
          simplex[n] = inside;
          continue;
        }
      }
      for (let v = 1; v <= n; v++) {
        simplex[v] = evaluate(towards(lowest.x, at(simplex, v).x, SHRINK));
      }
    }
  }

  function hasConverged(sorted: readonly Vertex[]): boolean {
    const lowest = at(sorted, 0);
    const highest = at(sorted, sorted.length - 1);
    if (!Number.isFinite(lowest.f)) {
      return false;
    }
    if (!(highest.f - lowest.f <= fTolerance)) {
      return false;
    }
    return sorted.every((v) =>
      v.x.every((xi, i) => Math.abs(xi - (lowest.x[i] ?? NaN)) <= xTolerance),
    );
  }
}
