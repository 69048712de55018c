// Atoms as one InstancedMesh per layer (Cd, Hg, Ag, Ag_i, vacancy, anion): the worker lays out the
// instance matrices, this copies them in (no per-atom objects). Radii nm, scaled to the bond length.
import * as THREE from 'three';
import type { BuiltFrame } from './frame-builder.js';
import { LAYER_STYLE, LAYERS, type LayerName } from './palette.js';

/** Fewer triangles per sphere as the atom count grows (keeps 100k atoms interactive). */
function sphereGeometry(radiusNm: number, totalAtoms: number): THREE.BufferGeometry {
  if (totalAtoms <= 8000) return new THREE.SphereGeometry(radiusNm, 20, 14);
  if (totalAtoms <= 40000) return new THREE.IcosahedronGeometry(radiusNm, 2);
  return new THREE.IcosahedronGeometry(radiusNm, 1);
}

export class AtomLayers {
  readonly meshes: Record<LayerName, THREE.InstancedMesh>;
  private readonly scratchColor = new THREE.Color();

  constructor(readonly group: THREE.Group, capacity: Record<LayerName, number>, bondNm: number) {
    const total = capacity.Cd + capacity.AgInterstitial + capacity.Anion;
    const meshes: Partial<Record<LayerName, THREE.InstancedMesh>> = {};
    for (const layer of LAYERS) {
      const style = LAYER_STYLE[layer];
      // The anion layer takes per-instance colours (mixed anions), so its material colour stays white.
      const material = new THREE.MeshStandardMaterial({
        color: layer === 'Anion' ? 0xffffff : style.color,
        roughness: 0.55,
        metalness: 0.0,
      });
      const mesh = new THREE.InstancedMesh(sphereGeometry(style.radiusPerBond * bondNm, total), material, Math.max(1, capacity[layer]));
      mesh.instanceMatrix.setUsage(THREE.DynamicDrawUsage);
      mesh.count = 0;
      mesh.frustumCulled = false; // instances move between frames; the geometry's bounds say nothing
      mesh.visible = style.visibleByDefault;
      mesh.name = layer;
      group.add(mesh);
      meshes[layer] = mesh;
    }
    this.meshes = meshes as Record<LayerName, THREE.InstancedMesh>;
  }

  /** Copy a built frame's instances in; returns the matrix buffers for recycling. */
  apply(built: BuiltFrame): { layer: LayerName; buffer: Float32Array }[] {
    const spent: { layer: LayerName; buffer: Float32Array }[] = [];
    for (const layer of LAYERS) {
      const m = built.matrices[layer];
      if (m === undefined) continue;
      const mesh = this.meshes[layer];
      const n = built.instances[layer];
      const attribute = mesh.instanceMatrix;
      (attribute.array as Float32Array).set(m.subarray(0, 16 * n));
      attribute.clearUpdateRanges();
      attribute.addUpdateRange(0, 16 * n);
      attribute.needsUpdate = true;
      mesh.count = n;
      spent.push({ layer, buffer: m });
    }
    if (built.anionColors !== undefined) {
      const mesh = this.meshes.Anion;
      const c = built.anionColors;
      for (let i = 0; i < built.instances.Anion; i++) {
        mesh.setColorAt(i, this.scratchColor.setRGB(c[3 * i]!, c[3 * i + 1]!, c[3 * i + 2]!, THREE.SRGBColorSpace));
      }
      if (mesh.instanceColor !== null) mesh.instanceColor.needsUpdate = true;
    }
    return spent;
  }

  setVisible(layer: LayerName, visible: boolean): void {
    this.meshes[layer].visible = visible;
  }

  dispose(): void {
    for (const mesh of Object.values(this.meshes)) {
      this.group.remove(mesh);
      mesh.geometry.dispose();
      (mesh.material as THREE.Material).dispose();
      mesh.dispose();
    }
  }
}
