/**
 * The category colours, checked pairwise as people with the common colour-vision deficiencies see
 * them: protanopia, deuteranopia and tritanopia simulated with the model of Machado, Oliveira and
 * Fernandes (2009, severity 1, in linear sRGB, clamped to what a screen shows), colour difference
 * by CIEDE2000 (culori's implementations).
 *
 * Threshold: ΔE2000 ≥ 10 between any two categories, for each kind of vision. About 2.3 is a
 * just-noticeable difference between two patches side by side; marks are small, far apart, and
 * must be recognised rather than compared, so the bound is several times that. Before this
 * palette, principle and mechanism were 1.2 apart for a deuteranope (the same colour), and
 * instrument and institution 3.0 for a protanope.
 */
import { clampRgb, differenceCiede2000, filterDeficiencyDeuter, filterDeficiencyProt, filterDeficiencyTrit, parse, wcagContrast, type Color } from 'culori';
import { describe, expect, it } from 'vitest';
import { DEFAULT_COLORS, HIGHLIGHT_CATEGORIES } from '@/lib/settings/highlight-settings';
import { FORCED_LINES, highlightCss } from '@/lib/highlight/painter';
import { DEFAULT_SETTINGS } from '@/lib/settings/highlight-settings';

const MIN_DIFFERENCE = 10;
/** Text on a mark is this colour (highlightCss); at least AAA contrast on every tint. */
const MARK_TEXT = '#1b1b1b';
const MIN_TEXT_CONTRAST = 7;
/** A light page and a dark one, which the marks must stand out from (ΔE2000, and 3:1 for the dark one as for any UI part). */
const LIGHT_PAGE = '#ffffff';
const DARK_PAGE = '#15181c';
const CURRENT = '#ffd23f';

const de = differenceCiede2000();
const VISIONS: Record<string, (c: Color) => Color> = {
  normal: (c) => c,
  protanopia: filterDeficiencyProt(1),
  deuteranopia: filterDeficiencyDeuter(1),
  tritanopia: filterDeficiencyTrit(1),
};
const seen = (hex: string, vision: (c: Color) => Color) => clampRgb(vision(parse(hex)!));

describe('the category colours (CIEDE2000 after simulating colour-vision deficiencies)', () => {
  it(`differ by at least ${MIN_DIFFERENCE} between every two categories, for normal vision, protanopia, deuteranopia and tritanopia`, () => {
    const tooClose: string[] = [];
    let least = Infinity;
    for (const [name, vision] of Object.entries(VISIONS)) {
      for (let i = 0; i < HIGHLIGHT_CATEGORIES.length; i++) {
        for (let j = i + 1; j < HIGHLIGHT_CATEGORIES.length; j++) {
          const [a, b] = [HIGHLIGHT_CATEGORIES[i]!, HIGHLIGHT_CATEGORIES[j]!];
          const d = de(seen(DEFAULT_COLORS[a], vision), seen(DEFAULT_COLORS[b], vision));
          least = Math.min(least, d);
          if (d < MIN_DIFFERENCE) tooClose.push(`${name}: ${a} / ${b} ${d.toFixed(1)}`);
        }
      }
    }
    expect(tooClose).toEqual([]);
    expect(least).toBeGreaterThanOrEqual(MIN_DIFFERENCE);
  });

  it('would catch the old palette’s confusions (the check can fail)', () => {
    const d = de(seen('#d9e8ff', VISIONS.deuteranopia!), seen('#eadcff', VISIONS.deuteranopia!));
    expect(d).toBeLessThan(2);
  });

  it('stand out from a light page and a dark page, for every kind of vision, and keep the text on them legible', () => {
    for (const c of HIGHLIGHT_CATEGORIES) {
      const hex = DEFAULT_COLORS[c];
      for (const [name, vision] of Object.entries(VISIONS)) {
        expect(de(seen(hex, vision), seen(LIGHT_PAGE, vision)), `${c} on a light page, ${name}`).toBeGreaterThanOrEqual(MIN_DIFFERENCE);
      }
      expect(wcagContrast(hex, DARK_PAGE), `${c} on a dark page`).toBeGreaterThanOrEqual(3);
      expect(wcagContrast(hex, MARK_TEXT), `text on ${c}`).toBeGreaterThanOrEqual(MIN_TEXT_CONTRAST);
    }
    // The painted rules give every mark that text colour, whatever the page's own.
    for (const c of HIGHLIGHT_CATEGORIES) expect(highlightCss(DEFAULT_SETTINGS)).toContain(`::highlight(r2p-${c}){background-color:${DEFAULT_COLORS[c]};color:${MARK_TEXT}}`);
  });

  it('leave the term the user went to (current, underlined) apart from every category', () => {
    for (const c of HIGHLIGHT_CATEGORIES) {
      for (const [name, vision] of Object.entries(VISIONS)) {
        expect(de(seen(DEFAULT_COLORS[c], vision), seen(CURRENT, vision)), `${c} vs current, ${name}`).toBeGreaterThanOrEqual(MIN_DIFFERENCE / 2);
      }
    }
  });

  it('in forced colours, give each category a line of its own', () => {
    const css = highlightCss(DEFAULT_SETTINGS);
    const forced = css.slice(css.indexOf('@media (forced-colors: active)'));
    const lines = HIGHLIGHT_CATEGORIES.map((c) => forced.match(new RegExp(`::highlight\\(r2p-${c}\\)\\{[^}]*text-decoration:([^;}]+)`))?.[1]);
    expect(lines.every(Boolean)).toBe(true);
    expect(new Set(lines).size).toBe(HIGHLIGHT_CATEGORIES.length);
    expect(FORCED_LINES.length).toBeGreaterThanOrEqual(HIGHLIGHT_CATEGORIES.length);
  });
});
