// Surface rules on a box of slots: prune atoms with < 2 bonds (until none), optionally refill the
// cation-terminated surface, and keep the interstitial sites that lie inside the crystal.
import type { BoxRelation, CellBox } from './neighbors.js';
import { neighbourSlots } from './neighbors.js';
import { SiteKind } from './grid.js';

/** Bonds an atom needs to stay: a singly bonded atom would leave (dangling). */
export const MIN_BONDS = 2;

/** Fewest cation-anion bonds a cation site needs to be filled by the cation-rich rule. */
export const CATION_RICH_MIN_BONDS = 2;

/** Number of present sites among the slots a relation reaches from `slot`. */
function presentNeighbours(box: CellBox, relation: BoxRelation, slot: number, present: Uint8Array, scratch: Int32Array): number {
  const n = neighbourSlots(box, relation, slot, scratch);
  let count = 0;
  for (let k = 0; k < n; k++) count += present[scratch[k]!]!;
  return count;
}

/**
 * Remove cations and anions with fewer than MIN_BONDS present bonds, repeatedly, until none is left
 * (a worklist: each removal re-examines only its bonded neighbours). Mutates `present`.
 */
export function pruneUnderbonded(
  box: CellBox,
  kindOfBasis: Uint8Array,
  bondRelations: { readonly cationAnion: BoxRelation; readonly anionCation: BoxRelation },
  present: Uint8Array,
): void {
  const nB = box.basisCount;
  const bonds = new Uint8Array(box.slotCount);
  const scratch = new Int32Array(16);
  const stack: number[] = [];
  const relationOf = (slot: number): BoxRelation =>
    kindOfBasis[slot % nB] === SiteKind.Cation ? bondRelations.cationAnion : bondRelations.anionCation;
  for (let slot = 0; slot < box.slotCount; slot++) {
    if (present[slot] === 0) continue;
    bonds[slot] = presentNeighbours(box, relationOf(slot), slot, present, scratch);
    if (bonds[slot]! < MIN_BONDS) stack.push(slot);
  }
  while (stack.length > 0) {
    const slot = stack.pop()!;
    if (present[slot] === 0) continue;
    present[slot] = 0;
    const n = neighbourSlots(box, relationOf(slot), slot, scratch);
    for (let k = 0; k < n; k++) {
      const t = scratch[k]!;
      if (present[t] === 0) continue;
      bonds[t]!--;
      if (bonds[t]! < MIN_BONDS) stack.push(t);
    }
  }
}

/**
 * Cation-rich surface (carboxylate-capped NCs are cation-terminated): fill every empty cation site
 * bonded to at least CATION_RICH_MIN_BONDS present anions. One pass suffices: adding cations changes
 * no anion, and every added cation already has >= 2 bonds. Mutates `present`; returns how many were added.
 */
export function fillCationRichSurface(
  box: CellBox,
  kindOfBasis: Uint8Array,
  cationAnion: BoxRelation,
  present: Uint8Array,
): number {
  const nB = box.basisCount;
  const scratch = new Int32Array(16);
  const add: number[] = [];
  for (let slot = 0; slot < box.slotCount; slot++) {
    if (present[slot] === 1 || kindOfBasis[slot % nB] !== SiteKind.Cation) continue;
    if (presentNeighbours(box, cationAnion, slot, present, scratch) >= CATION_RICH_MIN_BONDS) add.push(slot);
  }
  for (const slot of add) present[slot] = 1;
  return add.length;
}

/**
 * Interstitial sites inside the crystal: keep a site when at least half of its framework shell
 * (interstitialCation + interstitialAnion: ZB 4 + 6 = 10, WZ cage 6 + 6 = 12) is present; flag it as
 * surface when any of that shell is missing. Sets present[slot] = 1 for kept sites and surface[slot].
 */
export function selectInterstitials(
  box: CellBox,
  kindOfBasis: Uint8Array,
  framework: { readonly interstitialCation: BoxRelation; readonly interstitialAnion: BoxRelation },
  present: Uint8Array,
  surface: Uint8Array,
): void {
  const nB = box.basisCount;
  const scratch = new Int32Array(16);
  const keep: number[] = [];
  for (let slot = 0; slot < box.slotCount; slot++) {
    const b = slot % nB;
    if (kindOfBasis[b]! < SiteKind.TetraCation) continue;
    const full = framework.interstitialCation.deltas[b]!.length + framework.interstitialAnion.deltas[b]!.length;
    const count =
      presentNeighbours(box, framework.interstitialCation, slot, present, scratch) +
      presentNeighbours(box, framework.interstitialAnion, slot, present, scratch);
    if (2 * count >= full) {
      keep.push(slot);
      if (count < full) surface[slot] = 1;
    }
  }
  // Marked after counting so interstitials never count as framework for each other.
  for (const slot of keep) present[slot] = 1;
}
