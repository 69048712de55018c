#!/bin/sh
# Regenerates the IE-CE vs CE part of docs/continuum.md ("Atomistic cross-check"): one Fickian D fitted to 8-replica
# ensembles of zb-iece-80c and zb-ce-80c at the current default parameters, with `cxsim ensemble` and `cxsim compare`.
# Build first (npx tsc -p tsconfig.json). One worker: about 6 min (an 8 h IE-CE replica takes ~40 s, CE < 1 s).
# Prints each fit and copies the compare plots to docs/crosscheck-<scenario>.svg.
set -eu
cd "$(dirname "$0")/.."
cxsim="node dist/node/sim/main.js"
out=${CROSSCHECK_OUT:-out/crosscheck}
for scenario in zb-iece-80c zb-ce-80c; do
  rm -rf "$out/$scenario" # never reuse replicas run with other defaults (the ensemble resumes by scenario file)
  $cxsim ensemble "scenarios/$scenario.json" --replicas 8 --jobs 1 --seed crosscheck --out "$out/$scenario" --quiet
  $cxsim compare "$out/$scenario"
  cp "$out/$scenario/compare.svg" "docs/crosscheck-$scenario.svg"
done
