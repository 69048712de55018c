// Playback clock of the viewer: which frame to show after a wall-clock interval, at a speed in
// frames per second (frames are log-spaced in time, so playing frame by frame is the useful pace). No three.

export const SPEEDS_FPS = [1, 2, 5, 10, 20, 50] as const;
export const DEFAULT_SPEED_FPS = 10;

export class Playback {
  private positionFrames = 0;
  private playingNow = false;
  speedFps: number = DEFAULT_SPEED_FPS;
  /** Start again from frame 0 at the end instead of stopping. */
  loop = false;

  constructor(private frameCountValue: number) {}

  get frameCount(): number { return this.frameCountValue; }
  get playing(): boolean { return this.playingNow; }
  /** The frame to show (integer). */
  get frame(): number { return Math.min(this.frameCountValue - 1, Math.floor(this.positionFrames)); }

  setFrameCount(n: number): void {
    this.frameCountValue = n;
    this.seek(this.frame);
  }

  /** Jump to a frame (clamped); playing continues from there. */
  seek(frame: number): void {
    this.positionFrames = Math.max(0, Math.min(this.frameCountValue - 1, Math.floor(frame)));
  }

  play(): void {
    if (this.frameCountValue < 2) return;
    // Play from the start again when sitting on the last frame.
    if (this.frame >= this.frameCountValue - 1) this.positionFrames = 0;
    this.playingNow = true;
  }

  pause(): void { this.playingNow = false; }

  toggle(): void { if (this.playingNow) this.pause(); else this.play(); }

  /** Advance by a wall-clock interval (s); returns true when the frame to show changed. */
  tick(wallS: number): boolean {
    if (!this.playingNow || !(wallS > 0)) return false;
    const before = this.frame;
    // Cap the step so a stalled tab does not jump to the end at once.
    this.positionFrames += Math.min(wallS, 0.25) * this.speedFps;
    const last = this.frameCountValue - 1;
    if (this.positionFrames >= last + 1 || (this.positionFrames >= last && !this.loop)) {
      if (this.loop) this.positionFrames %= this.frameCountValue;
      else {
        this.positionFrames = last;
        this.playingNow = false;
      }
    }
    return this.frame !== before;
  }
}

/** Simulated time for people: "850 ns", "3.2 ms", "12.4 s", "7.5 min", "2.35 h". */
export function formatTime(timeS: number): string {
  if (!Number.isFinite(timeS)) return '-';
  if (timeS === 0) return '0 s';
  const a = Math.abs(timeS);
  const p = (v: number): string => (v >= 100 ? v.toFixed(0) : v >= 10 ? v.toFixed(1) : v.toFixed(2));
  if (a < 1e-6) return `${p(timeS * 1e9)} ns`;
  if (a < 1e-3) return `${p(timeS * 1e6)} µs`;
  if (a < 1) return `${p(timeS * 1e3)} ms`;
  if (a < 60) return `${p(timeS)} s`;
  if (a < 3600) return `${p(timeS / 60)} min`;
  return `${p(timeS / 3600)} h`;
}
