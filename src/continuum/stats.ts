// Statistics for least-squares fits, dimensionless: Student-t quantiles (integer ν: the trigonometric sums of
// Abramowitz & Stegun 26.7.3-4 inverted by bisection; ν > 2000: Cornish-Fisher, 26.7.5) and a small matrix inverse.

/** A(t|ν) = P(|T| < t) written in θ = atan(t/√ν): A&S 26.7.3 (ν odd) and 26.7.4 (ν even). */
function twoSidedCoverage(theta: number, dof: number): number {
  const s = Math.sin(theta);
  const c = Math.cos(theta);
  const c2 = c * c;
  if (dof % 2 === 0) {
    let term = 1;
    let sum = 1;
    for (let k = 2; k <= dof - 2; k += 2) {
      term *= ((k - 1) / k) * c2;
      sum += term;
    }
    return s * sum;
  }
  if (dof === 1) return (2 / Math.PI) * theta;
  let term = c;
  let sum = c;
  for (let k = 3; k <= dof - 2; k += 2) {
    term *= ((k - 1) / k) * c2;
    sum += term;
  }
  return (2 / Math.PI) * (theta + s * sum);
}

/** Standard normal quantile for p in (0.5, 1) (Acklam's rational approximation, relative error < 1.2e-9). */
function normalQuantile(p: number): number {
  const q = Math.sqrt(-2 * Math.log(1 - p));
  const c = [-7.784894002430293e-3, -3.223964580411365e-1, -2.400758277161838, -2.549732539343734, 4.374664141464968, 2.938163982698783];
  const d = [7.784695709041462e-3, 3.224671290700398e-1, 2.445134137142996, 3.754408661907416];
  const x = -(((((c[0]! * q + c[1]!) * q + c[2]!) * q + c[3]!) * q + c[4]!) * q + c[5]!) / ((((d[0]! * q + d[1]!) * q + d[2]!) * q + d[3]!) * q + 1);
  return p > 0.97575 ? x : normalQuantileCentral(p);
}

function normalQuantileCentral(p: number): number {
  const a = [-3.969683028665376e1, 2.209460984245205e2, -2.759285104469687e2, 1.38357751867269e2, -3.066479806614716e1, 2.506628277459239];
  const b = [-5.447609879822406e1, 1.615858368580409e2, -1.556989798598866e2, 6.680131188771972e1, -1.328068155288572e1];
  const q = p - 0.5;
  const r = q * q;
  return ((((((a[0]! * r + a[1]!) * r + a[2]!) * r + a[3]!) * r + a[4]!) * r + a[5]!) * q) / (((((b[0]! * r + b[1]!) * r + b[2]!) * r + b[3]!) * r + b[4]!) * r + 1);
}

/** Quantile t_p of Student's t with `dof` (integer >= 1) degrees of freedom, for 0.5 < p < 1 (e.g. 0.975). */
export function studentTQuantile(p: number, dof: number): number {
  if (!(p > 0.5 && p < 1)) throw new RangeError(`p must lie in (0.5, 1), got ${p}`);
  if (!Number.isInteger(dof) || dof < 1) throw new RangeError(`degrees of freedom must be an integer >= 1, got ${dof}`);
  if (dof > 2000) {
    const z = normalQuantile(p);
    const z2 = z * z;
    return z + (z * (z2 + 1)) / (4 * dof) + (z * ((5 * z2 + 16) * z2 + 3)) / (96 * dof * dof);
  }
  const target = 2 * p - 1;
  let lo = 0;
  let hi = Math.PI / 2;
  for (let i = 0; i < 100; i++) {
    const mid = 0.5 * (lo + hi);
    if (twoSidedCoverage(mid, dof) < target) lo = mid;
    else hi = mid;
  }
  return Math.sqrt(dof) * Math.tan(0.5 * (lo + hi));
}

/** Inverse of a small matrix (row-major n×n) by Gauss-Jordan with partial pivoting; null if (nearly) singular. */
export function invertMatrix(matrix: readonly number[], n: number): number[] | null {
  const a = matrix.slice();
  const inv = new Array<number>(n * n).fill(0);
  for (let i = 0; i < n; i++) inv[i * n + i] = 1;
  let scale = 0;
  for (const v of a) scale = Math.max(scale, Math.abs(v));
  for (let col = 0; col < n; col++) {
    let pivot = col;
    for (let r = col + 1; r < n; r++) if (Math.abs(a[r * n + col]!) > Math.abs(a[pivot * n + col]!)) pivot = r;
    const p = a[pivot * n + col]!;
    if (!(Math.abs(p) > 1e-14 * scale)) return null;
    if (pivot !== col) {
      for (let k = 0; k < n; k++) {
        [a[col * n + k], a[pivot * n + k]] = [a[pivot * n + k]!, a[col * n + k]!];
        [inv[col * n + k], inv[pivot * n + k]] = [inv[pivot * n + k]!, inv[col * n + k]!];
      }
    }
    for (let k = 0; k < n; k++) {
      a[col * n + k] = a[col * n + k]! / p;
      inv[col * n + k] = inv[col * n + k]! / p;
    }
    for (let r = 0; r < n; r++) {
      if (r === col) continue;
      const factor = a[r * n + col]!;
      if (factor === 0) continue;
      for (let k = 0; k < n; k++) {
        a[r * n + k] = a[r * n + k]! - factor * a[col * n + k]!;
        inv[r * n + k] = inv[r * n + k]! - factor * inv[col * n + k]!;
      }
    }
  }
  return inv;
}
