// Playback clock and time labels of the viewer (pure logic, no browser).
import { describe, expect, test } from 'vitest';
import { formatTime, Playback } from '../../viz/playback.js';

describe('Playback', () => {
  test('advances speedFps frames per wall second and stops on the last frame', () => {
    const p = new Playback(10);
    p.speedFps = 4;
    p.play();
    expect(p.tick(0.2)).toBe(false); // 0.8 frames: still frame 0
    expect(p.tick(0.1)).toBe(true); // 1.2 frames
    expect(p.frame).toBe(1);
    for (let k = 0; k < 20; k++) p.tick(0.25);
    expect(p.frame).toBe(9);
    expect(p.playing).toBe(false);
  });

  test('with loop it wraps to frame 0 and keeps playing', () => {
    const p = new Playback(5);
    p.loop = true;
    p.speedFps = 10;
    p.play();
    p.tick(0.25); // 2.5 frames
    p.tick(0.25); // 5.0 -> wraps to 0
    expect(p.frame).toBe(0);
    expect(p.playing).toBe(true);
  });

  test('a long stall advances at most a quarter second of frames', () => {
    const p = new Playback(1000);
    p.speedFps = 20;
    p.play();
    p.tick(30);
    expect(p.frame).toBe(5);
  });

  test('play on the last frame restarts from 0; seek clamps; pause stops ticking', () => {
    const p = new Playback(6);
    p.seek(99);
    expect(p.frame).toBe(5);
    p.play();
    expect(p.frame).toBe(0);
    p.pause();
    expect(p.tick(1)).toBe(false);
    p.seek(-3);
    expect(p.frame).toBe(0);
  });

  test('a single frame never plays', () => {
    const p = new Playback(1);
    p.play();
    expect(p.playing).toBe(false);
  });
});

describe('formatTime', () => {
  test('picks the unit a person would: ns, µs, ms, s, min, h', () => {
    expect(formatTime(0)).toBe('0 s');
    expect(formatTime(8.5e-7)).toBe('850 ns');
    expect(formatTime(3.2e-3)).toBe('3.20 ms');
    expect(formatTime(12.4)).toBe('12.4 s');
    expect(formatTime(450)).toBe('7.50 min');
    expect(formatTime(4 * 3600)).toBe('4.00 h');
    expect(formatTime(48 * 3600)).toBe('48.0 h');
    expect(formatTime(NaN)).toBe('-');
  });
});
