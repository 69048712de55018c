// The optics comparison of the report: simulated 1S-1S energies at 1 h against the paper's (E3, E4), and the
// bowing of 1S-1S against composition for ideal alloy and core/shell spheres and the simulated CE and IE-CE
// tracks (E33). EMA of src/optics with its default outside mass. Energies eV, lengths nm.
import { alloySphere, coreShellSphere, opticsOfLayers, PAPER_1S1S_EV, type LayeredParticle } from '../../src/index.js';
import { c, HOUR_S, type Stat } from './criteria.js';
import type { EnsembleMetrics } from './metrics.js';

export interface OpticsRow {
  readonly label: string;
  readonly paperEv: number;
  /** Simulated 1S-1S at 1 h and the Hg fraction then. */
  readonly simEv: Stat;
  readonly hgFraction: Stat;
  readonly likeness: Stat;
}

export interface OpticsSummary {
  readonly diameterNm: number;
  /** EMA 1S-1S of the pristine CdSe sphere (every run's t = 0) and the measured one. */
  readonly parentEv: number;
  readonly paperParentEv: number;
  readonly rows: readonly OpticsRow[];
  /** Ideal curves on a grid of x: EMA 1S-1S of alloy and core/shell spheres (NaN where a carrier is unbound). */
  readonly curves: { readonly x: readonly number[]; readonly alloyEv: readonly number[]; readonly coreShellEv: readonly number[] };
  /** Largest |E(x) - chord from E(0) to E(1)| of each ideal curve, eV. */
  readonly bowingEv: { readonly alloy: number; readonly coreShell: number };
}

const CURVE_POINTS = 41;

const energy = (p: LayeredParticle) => {
  const o = opticsOfLayers(p);
  return o.bound ? o.e1s1sEv : Number.NaN;
};

/** Largest distance of a curve from the straight line through its end points, eV. */
export function bowingEv(x: readonly number[], e: readonly number[]): number {
  const n = x.length;
  const e0 = e[0]!;
  const e1 = e[n - 1]!;
  let worst = 0;
  for (let i = 0; i < n; i++) worst = Math.max(worst, Math.abs(e[i]! - (e0 + ((e1 - e0) * (x[i]! - x[0]!)) / (x[n - 1]! - x[0]!))));
  return worst;
}

/** The comparison for 3.3 nm spheres from the CE and IE-CE ensembles (either may be missing under --only). */
export function opticsSummary(ce: EnsembleMetrics | undefined, iece: EnsembleMetrics | undefined): OpticsSummary | undefined {
  const candidates: { label: string; paperEv: number; m: EnsembleMetrics | undefined }[] = [
    { label: 'CE (zb-ce-80c)', paperEv: PAPER_1S1S_EV.ce1h, m: ce },
    { label: 'IE-CE (zb-iece-80c)', paperEv: PAPER_1S1S_EV.ieCe1h, m: iece },
  ];
  const runs = candidates.filter((r): r is { label: string; paperEv: number; m: EnsembleMetrics } => r.m !== undefined && r.m.spec.crystal.shape === 'sphere');
  if (runs.length === 0) return undefined;
  const crystal = runs[0]!.m.spec.crystal;
  const diameterNm = crystal.shape === 'sphere' ? crystal.diameterNm : Number.NaN;
  const x = Array.from({ length: CURVE_POINTS }, (_, i) => i / (CURVE_POINTS - 1));
  const alloyEv = x.map((v) => energy(alloySphere(diameterNm, v)));
  const coreShellEv = x.map((v) => energy(coreShellSphere(diameterNm, v)));
  return {
    diameterNm,
    parentEv: alloyEv[0]!,
    paperParentEv: PAPER_1S1S_EV.cdse,
    rows: runs.map((r) => ({
      label: r.label,
      paperEv: r.paperEv,
      simEv: r.m.e1s1sAt(HOUR_S),
      hgFraction: r.m.at('hgFraction', HOUR_S),
      likeness: r.m.coreShellLikeness(),
    })),
    curves: { x, alloyEv, coreShellEv },
    bowingEv: { alloy: bowingEv(x, alloyEv), coreShell: bowingEv(x, coreShellEv) },
  };
}

/** The likeness window, for captions. */
export function likenessWindowText(): string {
  return `${c('likenessXLo')} ≤ x ≤ ${c('likenessXHi')}`;
}
