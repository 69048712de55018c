// The exchange model's invariants: atoms and charge conserved, single occupancy, incremental rates equal a
// from-scratch evaluation after every event (check mode), reproducible, and resumable bit-identically.
import { describe, expect, it } from 'vitest';
import { createSimulation, sampleTimes } from '../../src/model/simulation.js';
import { speciate, type Reservoir } from '../../src/model/reservoir.js';
import type { Scenario } from '../../src/model/contract.js';
import { modelScenario } from './helpers/scenario.js';
import { CdSe } from '../../src/model/params/cdse.js';
import { celsiusToKelvin, thermalEnergyEv } from '../../src/units.js';

describe('exchange model', () => {
  it('conserves Hg, Cd, Ag and charge and keeps every incremental rate exact, event by event (check mode)', () => {
    // A hot, Ag-rich, thiol-poor run exercises every event kind; verifyState/verifyRates throw on the first violation.
    const sim = createSimulation(modelScenario({ temperatureC: 120, durationS: 0.3 }), 7, { check: true });
    while (sim.advance());
    const byType = sim.result().events.byType;
    expect(sim.result().events.total).toBeGreaterThan(1000);
    for (const kind of ['surfaceExchangeHg', 'agUptake', 'vacancyHop', 'agInterstitialHop', 'agTrap', 'agDetrap', 'thiolAdsorption']) expect(byType[kind], kind).toBeGreaterThan(0);
  });

  it('keeps every incremental rate exact on a periodic platelet and on wurtzite (check mode)', () => {
    // Periodic axes exercise the minimum-image distances of the vacancy marking; a 2.5 nm box wraps within reach.
    const crystals: Scenario['crystal'][] = [
      { structure: 'zincblende', shape: 'platelet', monolayers: 4.5, lateralNm: [2.5, 2.5], periodic: true },
      { structure: 'wurtzite', shape: 'sphere', diameterNm: 2.3 },
    ];
    for (const crystal of crystals) {
      const sim = createSimulation(modelScenario({ crystal, temperatureC: 120, durationS: 0.05 }), 5, { check: true });
      while (sim.advance());
      expect(sim.result().events.byType['vacancyHop'], crystal.shape).toBeGreaterThan(0);
    }
  });

  it('averages complex hops only where Ag_i outpace them (CdSe yes, CdS no), and stays exact either way (check mode)', () => {
    const cdse = createSimulation(modelScenario(), 1);
    expect(cdse.model.averaging).toBe(true);
    // Without the Ag solubility term: at x ~ 0.39 (the CdS surface monolayer) it keeps Ag out of this small CdS NC.
    const cds = createSimulation(modelScenario({ material: 'CdS', temperatureC: 120, durationS: 2, parameters: { agSolubilityHgEv: 0 } }), 2, { check: true });
    expect(cds.model.averaging).toBe(false);
    while (cds.advance());
    expect(cds.result().events.byType['vacancyHop']).toBeGreaterThan(0);
  });

  it('keeps conservation through stages (purify, add Ag, extract Ag, temperature change)', () => {
    const sim = createSimulation(
      modelScenario({
        reagents: { hgPerCd: 1.5, agPerCd: 0, thiolPerCd: 1 },
        durationS: 2,
        stages: [
          { atS: 0.5, action: 'purify' },
          { atS: 0.5, action: 'add', agPerCd: 0.1 },
          { atS: 1, action: 'setTemperature', temperatureC: 150 },
          { atS: 1.5, action: 'extractAg' },
        ],
      }),
      3,
      { check: true },
    );
    while (sim.advance());
    expect(sim.result().final.hgFree).toBe(0); // purified: free Hg removed and none added
  });

  it('gives the same result for the same seed and a different one for another seed', () => {
    const run = (seed: number) => {
      const sim = createSimulation(modelScenario(), seed);
      while (sim.advance());
      return JSON.stringify(sim.result());
    };
    expect(run(1)).toBe(run(1));
    expect(run(1)).not.toBe(run(2));
  });

  // Also with the near-surface solubility region: its weighted Hg is rebuilt on restore, its lazy uptake rates fresh.
  it.each([{}, { parameters: { agSolubilityDepthLayers: 1.5 } }])('resumes from a checkpoint bit-identically (%j)', (over) => {
    const full = createSimulation(modelScenario(over), 11);
    while (full.advance());
    const first = createSimulation(modelScenario(over), 11);
    first.advance();
    first.advance();
    const cp = JSON.parse(JSON.stringify(first.checkpoint()));
    const resumed = createSimulation(modelScenario(over), 11, { resume: cp });
    while (resumed.advance());
    expect(JSON.stringify(resumed.result())).toBe(JSON.stringify(full.result()));
  });

  it('does not change its realisation when trajectory frames add stops', () => {
    const plain = createSimulation(modelScenario(), 5);
    while (plain.advance());
    let frames = 0;
    const sink = { begin: () => {}, frame: () => void frames++ };
    const framed = createSimulation(modelScenario(), 5, { trajectory: { sink, frameTimesS: [0.003, 0.07, 0.2, 1.3, 4.4] } });
    while (framed.advance());
    expect(frames).toBe(5);
    expect(JSON.stringify(framed.result().samples)).toBe(JSON.stringify(plain.result().samples));
  });

  it('samples at t = 0, log-spaced from firstSampleS, and exactly at the end', () => {
    const t = sampleTimes({ samples: 5, durationS: 1000, sampleSpacing: 'log', firstSampleS: 1 });
    expect(t[0]).toBe(0);
    expect(t[1]).toBeCloseTo(1, 12);
    expect(t[2]).toBeCloseTo(10, 9);
    expect(t[4]).toBe(1000);
  });

  it('also samples at every stage time inside the run, once', () => {
    const stages = [{ atS: 0.5, action: 'purify' as const }, { atS: 0.5, action: 'add' as const, agPerCd: 0.1 }, { atS: 7, action: 'extractAg' as const }];
    expect(sampleTimes({ samples: 3, durationS: 2, sampleSpacing: 'linear', firstSampleS: 1, stages })).toEqual([0, 0.5, 1, 2]);
    // The stage already stops the engine at 0.5 s, so the extra sample adds no stop: the other samples are unchanged.
    const staged = createSimulation(modelScenario({ durationS: 2, samples: 3, sampleSpacing: 'linear', stages }), 4);
    while (staged.advance());
    const rows = staged.result().samples;
    expect(rows.map((r) => r.timeS)).toEqual([0, 0.5, 1, 2]);
  });
});

describe('thiol adsorption', () => {
  it('passivates the bare surface at the first-order rate k e^(-E/kT) x unbound thiol (20 replicas)', () => {
    // No Hg or Ag: adsorption is the only event. 50 thiol/Cd keeps the unbound thiol within 1.2 % of constant, so each
    // of the C surface sites is covered by time t with p = 1 - exp(-k U t); run to p = 1/2. Covered sites per replica are
    // binomial (sd sqrt(C/4) ~ 4.5 of 80); 20 replicas give a sem of the mean ~1 site, the tolerance is 4 sem.
    const kT = thermalEnergyEv(celsiusToKelvin(80));
    const perSiteHz = CdSe.thiolAdsorptionHz.value * Math.exp(-CdSe.thiolAdsorptionEv.value / kT) * 50;
    const durationS = Math.LN2 / perSiteHz;
    const scenario = modelScenario({ durationS, samples: 2, sampleSpacing: 'linear', reagents: { hgPerCd: 0, agPerCd: 0, thiolPerCd: 50 } });
    const covered: number[] = [];
    let sites = 0;
    for (let r = 0; r < 20; r++) {
      const sim = createSimulation(scenario, `thiol-${r}`);
      while (sim.advance());
      const res = sim.result();
      sites = res.crystal.surfaceCations;
      expect(res.events.total).toBe(res.events.byType.thiolAdsorption);
      covered.push(res.events.byType.thiolAdsorption!);
    }
    const mean = covered.reduce((a, b) => a + b, 0) / covered.length;
    const sem = Math.sqrt(sites / 4 / covered.length);
    expect(Math.abs(mean - sites / 2)).toBeLessThan(4 * sem);
  });
});

describe('solution speciation', () => {
  const reservoir = (thiolPerCd: number): Reservoir => ({
    cdPristine: 100,
    surfaceSites: 30,
    hgTotal: 150,
    agTotal: 7.5,
    cdTotal: 0,
    thiolTotal: 100 * thiolPerCd,
    thiolSurface: Math.min(100 * thiolPerCd, 18),
    agExtracted: false,
  });
  it('leaves Hg and Ag free without thiol and binds Hg almost completely in a large thiol excess', () => {
    const none = speciate(reservoir(0), 0.6, 10, 1e4);
    expect(none.hgFreeEq).toBeCloseTo(1.5, 12);
    expect(none.agFreeEq).toBeCloseTo(0.075, 12);
    const excess = speciate(reservoir(10), 0.6, 10, 1e4);
    expect(excess.hgFreeEq).toBeLessThan(1e-3 * 1.5);
  });
  it('balances thiol mass exactly (free + bound = thiol in solution)', () => {
    const r = reservoir(1);
    const s = speciate(r, 0.6, 10, 1e4);
    const agBound = 0.075 - s.agFreeEq;
    const hgBound = 1.5 - s.hgFreeEq;
    expect(s.thiolFreeEq + agBound + 2 * hgBound).toBeCloseTo((r.thiolTotal - r.thiolSurface) / 100, 9);
  });
  it('frees no Ag after phosphine extraction', () => {
    expect(speciate({ ...reservoir(1), agExtracted: true }, 0.6, 10, 1e4).agFreeEq).toBe(0);
  });
});
