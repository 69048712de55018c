// The three.js stage: renderer, perspective camera with OrbitControls, lights that follow the camera,
// render-on-demand and PNG snapshots. Scene units are nm (trajectory positions as stored).
import * as THREE from 'three';
import { OrbitControls } from 'three/examples/jsm/controls/OrbitControls.js';
import { BACKGROUND_COLOR } from './palette.js';

const FOV_DEG = 35;
// Looking down on the cut face (the cut removes the + side of the chosen axis) from slightly aside.
const VIEW_DIRECTION = new THREE.Vector3(0.45, 0.35, 1).normalize();

export class Viewport {
  readonly renderer: THREE.WebGLRenderer;
  readonly scene = new THREE.Scene();
  readonly camera: THREE.PerspectiveCamera;
  readonly controls: OrbitControls;
  /** Everything drawn from the trajectory hangs here. */
  readonly root = new THREE.Group();
  private dirty = true;
  private readonly resizeObserver: ResizeObserver;

  constructor(private readonly container: HTMLElement) {
    this.renderer = new THREE.WebGLRenderer({ antialias: true });
    this.renderer.setPixelRatio(Math.min(window.devicePixelRatio, 2));
    this.renderer.setClearColor(BACKGROUND_COLOR);
    container.appendChild(this.renderer.domElement);
    this.camera = new THREE.PerspectiveCamera(FOV_DEG, 1, 0.01, 1000);
    this.scene.add(this.camera);
    this.scene.add(this.root);
    this.scene.add(new THREE.HemisphereLight(0xffffff, 0x30343c, 1.6));
    const key = new THREE.DirectionalLight(0xffffff, 2.2);
    key.position.set(0.6, 1, 1.2); // in camera space: lit from upper right, whatever the orbit
    this.camera.add(key);
    this.controls = new OrbitControls(this.camera, this.renderer.domElement);
    this.controls.addEventListener('change', () => this.requestRender());
    this.resizeObserver = new ResizeObserver(() => this.resize());
    this.resizeObserver.observe(container);
    this.resize();
  }

  /** Place the camera so the sites in [lowNm, highNm] fill the view (a sphere needs no box corners). */
  frameBox(lowNm: readonly number[], highNm: readonly number[], roundShape: boolean): void {
    const centre = new THREE.Vector3((lowNm[0]! + highNm[0]!) / 2, (lowNm[1]! + highNm[1]!) / 2, (lowNm[2]! + highNm[2]!) / 2);
    const extent = [0, 1, 2].map((d) => highNm[d]! - lowNm[d]!);
    const radiusNm = (roundShape ? 0.5 * Math.max(...extent) : 0.5 * Math.hypot(...extent)) || 1;
    const distanceNm = (1.45 * radiusNm) / Math.sin(THREE.MathUtils.degToRad(FOV_DEG / 2));
    this.camera.position.copy(centre).addScaledVector(VIEW_DIRECTION, distanceNm);
    this.camera.near = distanceNm / 100;
    this.camera.far = distanceNm * 10;
    this.camera.updateProjectionMatrix();
    this.controls.target.copy(centre);
    this.controls.minDistance = radiusNm * 0.2;
    this.controls.maxDistance = distanceNm * 5;
    this.controls.update();
    this.requestRender();
  }

  requestRender(): void {
    this.dirty = true;
  }

  /** Render if anything changed since the last render; returns whether it rendered. */
  renderIfNeeded(): boolean {
    if (!this.dirty) return false;
    this.dirty = false;
    this.renderer.render(this.scene, this.camera);
    return true;
  }

  /** PNG of the current view as a data URL (rendered now, so no preserved drawing buffer is needed). */
  snapshotPng(): string {
    this.renderer.render(this.scene, this.camera);
    return this.renderer.domElement.toDataURL('image/png');
  }

  private resize(): void {
    const w = Math.max(1, this.container.clientWidth);
    const h = Math.max(1, this.container.clientHeight);
    this.renderer.setSize(w, h, false);
    this.renderer.domElement.style.width = '100%';
    this.renderer.domElement.style.height = '100%';
    this.camera.aspect = w / h;
    this.camera.updateProjectionMatrix();
    this.requestRender();
  }
}
