import { describe, expect, it } from 'vitest';
import { printedTextPt, printPlacement, svgSize } from './print-fit.ts';

describe('printPlacement', () => {
  it('keeps a small diagram on the portrait page at its natural size (never enlarged)', () => {
    expect(printPlacement(400, 300)).toEqual({ page: 'portrait', textPt: 12 });
  });

  it('moves a wide diagram to a landscape page when portrait would shrink its text below 7 pt', () => {
    // 1200 px into 169 mm (638.7 px): 16 px × 0.532 = 6.4 pt on portrait; 967 px wide on landscape.
    expect(printedTextPt(1200, 600, 'portrait')).toBeCloseTo(6.39, 1);
    const placed = printPlacement(1200, 600);
    expect(placed?.page).toBe('landscape');
    expect(placed!.textPt).toBeGreaterThanOrEqual(7);
  });

  it('counts the height too: a tall diagram that only fits landscape by width does not', () => {
    expect(printPlacement(1200, 1500)).toBeUndefined();
  });

  it('refuses what no page can print legibly, and nonsense sizes', () => {
    expect(printPlacement(2400, 800)).toBeUndefined();
    expect(printPlacement(0, 100)).toBeUndefined();
    expect(printPlacement(Number.NaN, 100)).toBeUndefined();
  });
});

describe('svgSize', () => {
  it('reads the viewBox of a rendered diagram', () => {
    expect(svgSize('<svg id="x" viewBox="-8 -8 1154.6875 1106" style="max-width: 1154px">')).toEqual({ width: 1154.6875, height: 1106 });
    expect(svgSize('<svg>')).toBeUndefined();
  });
});
