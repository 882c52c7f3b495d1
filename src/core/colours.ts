/**
 * Colour maths for the wiki's primary colour (stellenwissen.config.yaml `primary_color`):
 * WCAG 2.1 contrast, and the shades Docusaurus's colour generator derives (HSL lightness
 * scaled like the `color` package's darken/lighten). Colours are `#rrggbb`.
 */

/** WCAG 2.1 (1.4.3, BITV 2.0): normal text needs 4.5 : 1. */
export const MIN_CONTRAST = 4.5;
/** Docusaurus's dark-mode page background (`--ifm-background-color` of Infima's dark theme). */
export const DARK_BACKGROUND = '#1b1b1d';
export const WHITE = '#ffffff';

type Rgb = [number, number, number];

function toRgb(hex: string): Rgb {
  const value = Number.parseInt(hex.slice(1), 16);
  return [(value >> 16) & 255, (value >> 8) & 255, value & 255];
}

function toHex(rgb: Rgb): string {
  return `#${rgb.map((c) => Math.round(Math.min(255, Math.max(0, c))).toString(16).padStart(2, '0')).join('')}`;
}

/** WCAG 2.1 relative luminance. */
export function relativeLuminance(hex: string): number {
  const [r, g, b] = toRgb(hex).map((c) => {
    const s = c / 255;
    return s <= 0.04045 ? s / 12.92 : ((s + 0.055) / 1.055) ** 2.4;
  });
  return 0.2126 * r + 0.7152 * g + 0.0722 * b;
}

/** WCAG 2.1 contrast ratio, 1 to 21. */
export function contrastRatio(a: string, b: string): number {
  const [light, dark] = [relativeLuminance(a), relativeLuminance(b)].sort((x, y) => y - x);
  return (light + 0.05) / (dark + 0.05);
}

/** A ratio as people read it: 2,9 : 1 (rounded down, so 4,49 never shows as 4,5). */
export function formatRatio(ratio: number): string {
  return `${(Math.floor(ratio * 10) / 10).toFixed(1).replace('.', ',')} : 1`;
}

function toHsl([r, g, b]: Rgb): [number, number, number] {
  const [rs, gs, bs] = [r / 255, g / 255, b / 255];
  const max = Math.max(rs, gs, bs);
  const min = Math.min(rs, gs, bs);
  const l = (max + min) / 2;
  if (max === min) return [0, 0, l];
  const d = max - min;
  const s = l > 0.5 ? d / (2 - max - min) : d / (max + min);
  const h = max === rs ? (gs - bs) / d + (gs < bs ? 6 : 0) : max === gs ? (bs - rs) / d + 2 : (rs - gs) / d + 4;
  return [h / 6, s, l];
}

function fromHsl([h, s, l]: [number, number, number]): Rgb {
  if (s === 0) return [l * 255, l * 255, l * 255];
  const q = l < 0.5 ? l * (1 + s) : l + s - l * s;
  const p = 2 * l - q;
  const channel = (t0: number) => {
    const t = t0 < 0 ? t0 + 1 : t0 > 1 ? t0 - 1 : t0;
    if (t < 1 / 6) return p + (q - p) * 6 * t;
    if (t < 1 / 2) return q;
    if (t < 2 / 3) return p + (q - p) * (2 / 3 - t) * 6;
    return p;
  };
  return [channel(h + 1 / 3) * 255, channel(h) * 255, channel(h - 1 / 3) * 255];
}

/** HSL lightness scaled by `1 + ratio` (negative: darker), as `color(x).lighten(ratio)`. */
function scaleLightness(hex: string, ratio: number): string {
  const [h, s, l] = toHsl(toRgb(hex));
  return toHex(fromHsl([h, s, Math.min(1, Math.max(0, l + l * ratio))]));
}

/** The seven Infima variables of a primary colour, like Docusaurus's colour generator. */
export function primaryShades(hex: string): Record<'' | '-dark' | '-darker' | '-darkest' | '-light' | '-lighter' | '-lightest', string> {
  const base = hex.toLowerCase();
  return {
    '': base,
    '-dark': scaleLightness(base, -0.1),
    '-darker': scaleLightness(base, -0.15),
    '-darkest': scaleLightness(base, -0.3),
    '-light': scaleLightness(base, 0.1),
    '-lighter': scaleLightness(base, 0.15),
    '-lightest': scaleLightness(base, 0.3),
  };
}

/**
 * The dark-mode primary: the colour made lighter (HSL lightness in steps of 1 %, hue and
 * saturation kept) until it reaches 4.5 : 1 against the dark background. Ends at the latest
 * with white (17 : 1).
 */
export function darkModePrimary(hex: string, background = DARK_BACKGROUND): string {
  const [h, s, l] = toHsl(toRgb(hex));
  for (let lightness = l; lightness < 1; lightness += 0.01) {
    const candidate = toHex(fromHsl([h, s, lightness]));
    if (contrastRatio(candidate, background) >= MIN_CONTRAST) return candidate;
  }
  return WHITE;
}
