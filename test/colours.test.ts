import { describe, expect, it } from 'vitest';
import { contrastRatio, DARK_BACKGROUND, darkModePrimary, formatRatio, MIN_CONTRAST, primaryShades, relativeLuminance, WHITE } from '../src/core/colours';

describe('colour maths (WCAG 2.1, Docusaurus shades)', () => {
  it('relative luminance and contrast of known pairs', () => {
    expect(relativeLuminance('#000000')).toBe(0);
    expect(relativeLuminance('#ffffff')).toBe(1);
    expect(contrastRatio('#ffffff', '#000000')).toBe(21);
    expect(contrastRatio('#000000', '#ffffff')).toBe(21);
    expect(contrastRatio('#777777', '#777777')).toBe(1);
    // #767676 is the well-known lightest grey that passes on white (4.54 : 1); #777777 fails (4.48 : 1).
    expect(contrastRatio('#767676', WHITE)).toBeCloseTo(4.54, 2);
    expect(contrastRatio('#777777', WHITE)).toBeLessThan(MIN_CONTRAST);
    expect(contrastRatio('#1d5a8c', WHITE)).toBeCloseTo(7.26, 2);
  });

  it('formats ratios the German way, never rounding a failing ratio up to 4,5', () => {
    expect(formatRatio(21)).toBe('21,0 : 1');
    expect(formatRatio(contrastRatio('#777777', WHITE))).toBe('4,4 : 1');
    expect(formatRatio(contrastRatio('#25c2a0', WHITE))).toBe('2,2 : 1');
  });

  it('derives the shades exactly like Docusaurus\'s colour generator (its dark-theme template colour)', () => {
    expect(primaryShades('#25C2A0')).toEqual({
      '': '#25c2a0', '-dark': '#21af90', '-darker': '#1fa588', '-darkest': '#1a8870',
      '-light': '#29d5b0', '-lighter': '#32d8b4', '-lightest': '#4fddbf',
    });
  });

  it('lightens the primary colour for dark mode just until 4.5 : 1 against #1b1b1d', () => {
    for (const colour of ['#1d5a8c', '#8c1d3a', '#000000', '#2e5e1e', '#595959']) {
      const dark = darkModePrimary(colour);
      expect(contrastRatio(dark, DARK_BACKGROUND), colour).toBeGreaterThanOrEqual(MIN_CONTRAST);
      expect(relativeLuminance(dark), colour).toBeGreaterThan(relativeLuminance(colour));
    }
    expect(darkModePrimary('#1d5a8c')).toBe('#2c88d3');
    // Hue kept: the dark-mode blue is still blue.
    const [r, g, b] = darkModePrimary('#1d5a8c').slice(1).match(/../g)!.map((h) => Number.parseInt(h, 16));
    expect(b).toBeGreaterThan(g);
    expect(g).toBeGreaterThan(r);
  });
});
