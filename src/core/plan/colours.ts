/** Colour helpers for the plan: readable header text on a segment colour, and heat-map shades. */

function channels(hex: string): [number, number, number] {
  const value = Number.parseInt(hex.slice(1), 16);
  return [(value >> 16) & 255, (value >> 8) & 255, value & 255];
}

function toHex([r, g, b]: [number, number, number]): string {
  return `#${[r, g, b].map((c) => Math.round(c).toString(16).padStart(2, '0')).join('')}`;
}

/** White or near-black, whichever reads better on the background (WCAG relative luminance). */
export function textColourOn(background: string): string {
  const [r, g, b] = channels(background).map((c) => {
    const s = c / 255;
    return s <= 0.03928 ? s / 12.92 : ((s + 0.055) / 1.055) ** 2.4;
  }) as [number, number, number];
  const luminance = 0.2126 * r + 0.7152 * g + 0.0722 * b;
  return luminance > 0.4 ? '#202124' : '#ffffff';
}

/** A light tint of a colour (fraction 0 = white, 1 = the colour). */
export function tint(hex: string, fraction: number): string {
  const [r, g, b] = channels(hex);
  return toHex([255 + (r - 255) * fraction, 255 + (g - 255) * fraction, 255 + (b - 255) * fraction]);
}

export const HEAT_LOW = '#ffffff';
export const HEAT_HIGH = '#1e8e3e';

/** Heat-map shade of a value within [0, max]: white for 0, the full colour for max. */
export function heatColour(value: number, max: number): string {
  return max <= 0 ? HEAT_LOW : tint(HEAT_HIGH, Math.min(1, value / max) * 0.85);
}

/**
 * Header bands are a light tint of the tab's colour with black text: readable on every segment colour, and a
 * face needs no font-colour call to draw them (one call fewer per tab in Sheets).
 */
export function headerBand(colour: string): { headerColour: string; headerFontColour: string } {
  return { headerColour: tint(colour, 0.45), headerFontColour: '#000000' };
}

const CHIP_BY_COLOUR = new Map<string, string>();

/** Segment chips and the Customers tab's segment column: the segment colour, lighter. */
export function chip(colour: string): string {
  // Asked once per customer row (100k at a large shop) for a dozen segment colours: remembered per colour.
  let chipColour = CHIP_BY_COLOUR.get(colour);
  if (chipColour === undefined) CHIP_BY_COLOUR.set(colour, (chipColour = tint(colour, 0.6)));
  return chipColour;
}

/** Colour of tabs that are not a segment's (header band via `headerBand`). */
export const NEUTRAL_HEADER = '#546e7a';
export const SUMMARY_TAB = '#1a73e8';
export const CUSTOMERS_TAB = '#5f6368';
export const ISSUES_TAB = '#d93025';

export const INDEX_OVER = '#1e8e3e';
export const INDEX_UNDER = '#d93025';

/**
 * Heat-map shade of a portrait index (share / baseline share × 100): green above 100, red below, deeper the
 * further from 100 on a ratio scale (twice or half as common is the full shade); null (no colour) for none.
 */
export function indexColour(index: number | undefined): string | null {
  if (index === undefined || !(index > 0)) return index === 0 ? tint(INDEX_UNDER, 0.6) : null;
  const strength = Math.min(1, Math.abs(Math.log2(index / 100)));
  if (strength < 0.1) return null;
  return tint(index > 100 ? INDEX_OVER : INDEX_UNDER, strength * 0.6);
}
