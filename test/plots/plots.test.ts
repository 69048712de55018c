// sim/plots.ts: well-formed SVG (a tag-balance check), labels escaped and present, NaN and empty series handled,
// log axes labelled by decades, panels stacked, nice ticks round. Pure string checks, no browser.
import { describe, expect, it } from 'vitest';
import { formatTick, logTicks, niceTicks, renderPlot } from '../../sim/plots.js';

/** Minimal XML well-formedness: balanced, properly nested tags, quoted attributes, no stray '<' or '&'. */
function checkXml(svg: string): void {
  const stack: string[] = [];
  const tag = /<(\/?)([A-Za-z][\w:-]*)((?:\s+[\w:-]+="[^"<]*")*)\s*(\/?)>/g;
  let last = 0;
  let match: RegExpExecArray | null;
  while ((match = tag.exec(svg)) !== null) {
    const between = svg.slice(last, match.index);
    expect(between, `stray markup before ${match[0]}`).not.toMatch(/[<>]/);
    expect(between.replace(/&(amp|lt|gt|quot|apos);/g, ''), 'unescaped &').not.toContain('&');
    last = tag.lastIndex;
    const [, closing, name, , selfClosing] = match;
    if (selfClosing) continue;
    if (closing) expect(stack.pop(), `closing </${name}>`).toBe(name);
    else stack.push(name!);
  }
  expect(svg.slice(last).trim()).toBe('');
  expect(stack).toEqual([]);
}

const x = Array.from({ length: 20 }, (_, i) => i + 1);
const y = x.map((v) => Math.exp(-v / 5));

describe('renderPlot', () => {
  it('writes a well-formed SVG with title, axis labels (escaped) and legend entries', () => {
    const svg = renderPlot({ title: 'A & B <test>', xLabel: 'time (s)', yLabel: 'D (m²/s)', series: [{ label: 'mean ± sd', x, y, band: { lo: y.map((v) => v * 0.9), hi: y.map((v) => v * 1.1) } }, { label: 'fit', x, y, dashed: true }] });
    checkXml(svg);
    expect(svg.startsWith('<svg xmlns="http://www.w3.org/2000/svg" width="720" height="480"')).toBe(true);
    for (const text of ['A &amp; B &lt;test&gt;', 'time (s)', 'D (m²/s)', 'mean ± sd', '>fit<']) expect(svg).toContain(text);
    expect(svg).toContain('stroke-dasharray');
    expect(svg).toContain('fill-opacity="0.2"'); // the band
  });

  it('survives NaN, infinities, empty and all-NaN series: no NaN in the output, gaps break the line', () => {
    const holes = y.slice();
    holes[5] = Number.NaN;
    holes[6] = Number.POSITIVE_INFINITY;
    const svg = renderPlot({ xLabel: 'x', yLabel: 'y', series: [{ label: 'gappy', x, y: holes }, { label: 'empty', x: [], y: [] }, { label: 'nan', x: [Number.NaN], y: [Number.NaN] }] });
    checkXml(svg);
    expect(svg).not.toMatch(/NaN|Infinity/);
    const path = /<path d="([^"]+)" fill="none"/.exec(svg)![1]!;
    expect(path.match(/M/g)!.length).toBe(2); // two segments around the gap
    expect(svg).not.toContain('>empty<'); // nothing drawn, not listed
    checkXml(renderPlot({ xLabel: 'x', yLabel: 'y', series: [] }));
  });

  it('labels a log x axis by decades and drops non-positive points', () => {
    const t = [0, 1e-2, 1, 100, 1e4];
    const svg = renderPlot({ xLabel: 'time (s)', xLog: true, yLabel: 'f', series: [{ x: t, y: [0, 0.1, 0.3, 0.6, 0.9], markers: true }] });
    checkXml(svg);
    for (const label of ['>0.01<', '>1<', '>100<', '>10000<']) expect(svg).toContain(label);
    expect(svg.match(/<circle/g)!.length).toBe(4); // t = 0 cannot sit on a log axis
  });

  it('stacks panels sharing x: one frame and y label each, x tick labels only under the last', () => {
    const svg = renderPlot({
      xLabel: 'time (s)',
      panels: [
        { yLabel: 'fraction', series: [{ x, y }] },
        { yLabel: 'residual', weight: 0.4, hLines: [{ at: 0 }], series: [{ x, y: y.map((v) => v - 0.5), markers: true, line: false }] },
      ],
    });
    checkXml(svg);
    expect(svg.match(/class="panel"/g)!.length).toBe(2);
    expect(svg).toContain('>fraction<');
    expect(svg).toContain('>residual<');
    expect(svg.match(/>10</g)!.length).toBe(1); // x tick label "10" printed once
  });
});

describe('ticks', () => {
  it('niceTicks gives round steps (1, 2, 2.5, 5 × 10^k) inside the range', () => {
    expect(niceTicks(0, 1)).toEqual([0, 0.2, 0.4, 0.6, 0.8, 1]);
    const ticks = niceTicks(-3e-22, 7e-22);
    const step = ticks[1]! - ticks[0]!;
    expect(step / 10 ** Math.floor(Math.log10(step))).toBeCloseTo(2, 10);
    for (const t of ticks) expect(t >= -3e-22 && t <= 7e-22).toBe(true);
  });

  it('logTicks: decades as majors with minors between; thinned to <= 9 labels over 20 decades', () => {
    const { major, minor } = logTicks(1, 1000);
    expect(major).toEqual([1, 10, 100, 1000]);
    expect(minor).toContain(20);
    expect(logTicks(1e-25, 1e-5).major.length).toBeLessThanOrEqual(11);
  });

  it('formatTick writes powers of ten for tiny values and as many decimals as the step needs', () => {
    expect(formatTick(1e-22)).toBe('10⁻²²');
    expect(formatTick(2.5e-22)).toBe('2.5×10⁻²²');
    expect(formatTick(0.25, 0.05)).toBe('0.25');
    expect(formatTick(0.2, 0.05)).toBe('0.20');
    expect(formatTick(-3, 1)).toBe('−3');
  });
});
