// Regenerates docs/continuum-sphere.svg from the built library (npx tsc -p tsconfig.json; node docs/continuum-figure.mjs).
// 3.3 nm CdSe sphere at 80 °C: Crank series for three boundaries, finite volumes for constant and composition-dependent D.
import { writeFileSync } from 'node:fs';
import { compositionDiffusivity, fickFractions, solveFickFv, celsiusToKelvin } from '../dist/node/src/index.js';
import { renderPlot } from '../dist/node/sim/plots.js';

const sizeNm = 1.65;
const d = 1e-22; // the paper's IE-CE D, m²/s
const alphaL1 = (1 * d) / (sizeNm * 1e-9); // Biot number L = aα/D = 1
const times = Array.from({ length: 121 }, (_, i) => 10 ** (0 + (i * 4.6) / 120)); // 1 s .. 11 h
const sphere = { geometry: 'sphere', sizeNm, dM2PerS: d };
const constant = fickFractions(sphere, times);
const fv = solveFickFv(sphere, times).fraction;
const fvMarkers = times.map((t, i) => (i % 8 === 0 ? fv[i] : Number.NaN));
const robin1 = fickFractions({ ...sphere, surfaceRateMPerS: alphaL1 }, times);
const robin01 = fickFractions({ ...sphere, surfaceRateMPerS: alphaL1 / 10 }, times);
const hgFast = solveFickFv({ ...sphere, dM2PerS: compositionDiffusivity(d, 0.55, celsiusToKelvin(80)) }, times).fraction;

const svg = renderPlot({
  title: 'Fick uptake of a 3.3 nm sphere, D = 10⁻²² m²/s',
  subtitle: 'solid: Crank series; dots and dashed: finite volumes. Constant surface: t50 = 13.9 min, t95 = 1.91 h',
  xLabel: 'time (s)',
  xLog: true,
  panels: [
    {
      yLabel: 'fraction exchanged',
      yRange: [0, 1],
      series: [
        { label: 'constant surface (series)', x: times, y: constant },
        { label: 'finite volumes, 200 cells', x: times, y: fvMarkers, markers: true, line: false, color: '#000000' },
        { label: 'surface exchange, L = aα/D = 1', x: times, y: robin1 },
        { label: 'surface exchange, L = 0.1', x: times, y: robin01 },
        { label: 'D(c) = D e^(−(1−c)·0.55 eV/kT), 80 °C', x: times, y: hgFast, dashed: true },
      ],
    },
    {
      yLabel: 'FV − series',
      weight: 0.45,
      hLines: [{ at: 0, dashed: false, color: '#888888' }],
      series: [{ x: times, y: Array.from(fv, (f, i) => f - constant[i]), color: '#000000' }],
      legend: false,
    },
  ],
});
writeFileSync(new URL('./continuum-sphere.svg', import.meta.url), svg);
