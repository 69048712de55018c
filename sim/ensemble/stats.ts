// Ensemble statistics of replica observables: mean, sample standard deviation, standard error.
// Dimensionless helpers; values keep the unit of the observable. sd uses n - 1 (Bessel), sem = sd / sqrt(n).

/** Mean, sample sd and standard error of the mean of one observable over replicas. */
export interface Moments {
  mean: number;
  sd: number;
  sem: number;
}

/**
 * Two-pass moments in index order: the summation order is fixed by replica index, so the result is
 * bit-identical however the replicas were scheduled. One replica gives sd = sem = 0 (nothing to estimate).
 */
export function moments(values: ArrayLike<number>): Moments {
  const n = values.length;
  if (n === 0) return { mean: Number.NaN, sd: Number.NaN, sem: Number.NaN };
  let sum = 0;
  for (let i = 0; i < n; i++) sum += values[i]!;
  const mean = sum / n;
  if (n === 1) return { mean, sd: 0, sem: 0 };
  let ss = 0;
  for (let i = 0; i < n; i++) {
    const d = values[i]! - mean;
    ss += d * d;
  }
  const sd = Math.sqrt(ss / (n - 1));
  return { mean, sd, sem: sd / Math.sqrt(n) };
}
