// Derivative-free minimisers for 1-2 parameter fits: golden section (Numerical Recipes 3rd ed. §10.2) and
// Nelder-Mead (Comput. J. 7, 308 (1965); NR §10.5). Dimensionless.

const GOLDEN = (3 - Math.sqrt(5)) / 2; // 0.381966...

/** Minimum of f on [lo, hi] (assumed unimodal there) to an absolute tolerance in x. */
export function goldenSection(f: (x: number) => number, lo: number, hi: number, tolerance = 1e-10): { x: number; value: number; evaluations: number } {
  let a = lo;
  let b = hi;
  let x1 = a + GOLDEN * (b - a);
  let x2 = b - GOLDEN * (b - a);
  let f1 = f(x1);
  let f2 = f(x2);
  let evaluations = 2;
  while (b - a > tolerance && evaluations < 500) {
    if (f1 <= f2) {
      b = x2;
      x2 = x1;
      f2 = f1;
      x1 = a + GOLDEN * (b - a);
      f1 = f(x1);
    } else {
      a = x1;
      x1 = x2;
      f1 = f2;
      x2 = b - GOLDEN * (b - a);
      f2 = f(x2);
    }
    evaluations++;
  }
  return f1 <= f2 ? { x: x1, value: f1, evaluations } : { x: x2, value: f2, evaluations };
}

export interface NelderMeadOptions {
  /** Initial simplex edge per coordinate. */
  step: readonly number[];
  /** Stop when the simplex spans less than this in every coordinate and in f (absolute). */
  xTolerance?: number;
  fTolerance?: number;
  maxEvaluations?: number;
}

/** Nelder-Mead downhill simplex from x0 (standard coefficients 1, 2, 1/2, 1/2). */
export function nelderMead(f: (x: readonly number[]) => number, x0: readonly number[], options: NelderMeadOptions): { x: number[]; value: number; evaluations: number } {
  const n = x0.length;
  const xTolerance = options.xTolerance ?? 1e-9;
  const fTolerance = options.fTolerance ?? 0;
  const maxEvaluations = options.maxEvaluations ?? 2000;
  const points: number[][] = [x0.slice()];
  for (let i = 0; i < n; i++) {
    const p = x0.slice();
    p[i] = p[i]! + options.step[i]!;
    points.push(p);
  }
  const values = points.map((p) => f(p));
  let evaluations = n + 1;
  const order = points.map((_, i) => i);
  const along = (from: number[], to: number[], t: number): number[] => from.map((v, i) => v + t * (to[i]! - v));
  while (evaluations < maxEvaluations) {
    order.sort((i, j) => values[i]! - values[j]!);
    const best = order[0]!;
    const worst = order[n]!;
    const secondWorst = order[n - 1]!;
    let spread = 0;
    for (let i = 0; i <= n; i++) for (let k = 0; k < n; k++) spread = Math.max(spread, Math.abs(points[i]![k]! - points[best]![k]!));
    if (spread < xTolerance && values[worst]! - values[best]! <= fTolerance) break;
    const centroid = new Array<number>(n).fill(0);
    for (const i of order.slice(0, n)) for (let k = 0; k < n; k++) centroid[k] = centroid[k]! + points[i]![k]! / n;
    const reflected = along(centroid, points[worst]!, -1);
    const fr = f(reflected);
    evaluations++;
    if (fr < values[best]!) {
      const expanded = along(centroid, points[worst]!, -2);
      const fe = f(expanded);
      evaluations++;
      if (fe < fr) {
        points[worst] = expanded;
        values[worst] = fe;
      } else {
        points[worst] = reflected;
        values[worst] = fr;
      }
    } else if (fr < values[secondWorst]!) {
      points[worst] = reflected;
      values[worst] = fr;
    } else {
      const outside = fr < values[worst]!;
      const contracted = along(centroid, outside ? reflected : points[worst]!, 0.5);
      const fc = f(contracted);
      evaluations++;
      if (fc < (outside ? fr : values[worst]!)) {
        points[worst] = contracted;
        values[worst] = fc;
      } else {
        for (const i of order.slice(1)) {
          points[i] = along(points[best]!, points[i]!, 0.5);
          values[i] = f(points[i]!);
          evaluations++;
        }
      }
    }
  }
  let best = 0;
  for (let i = 1; i <= n; i++) if (values[i]! < values[best]!) best = i;
  return { x: points[best]!, value: values[best]!, evaluations };
}
