// Public surface of the lattice package: crystal spec, builder, materials, site kinds, counts.
// Geometry internals (grid offsets, carving) stay private to src/lattice.
export * from './types.js';
export { CrystalSpecError } from './errors.js';
export * from './spec.js';
export { buildCrystal, FREE_AXIS_PAD_NM } from './build.js';
export { SiteKind, type SiteKindId } from './grid.js';
export {
  lookupMaterial,
  latticeConstantsNm,
  BINARY_MATERIALS,
  type Material,
  type AnionShare,
  type BinaryMaterialName,
  type CationElement,
  type AnionElement,
} from './materials.js';
export { crystalCounts, type CrystalCounts } from './summary.js';
