/**
 * Accessibility settings of the operating system are honoured in the CSS: forced colours (Windows
 * High Contrast) keep highlights and states visible, and reduced motion stops transitions.
 */
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { highlightCss } from '@/lib/highlight/painter';
import { CARD_CSS } from '@/lib/highlight/card-style';
import { normaliseSettings, HIGHLIGHT_CATEGORIES } from '@/lib/settings/highlight-settings';

const css = (p: string) => readFileSync(resolve(__dirname, '../..', p), 'utf8');
/** The body of the first `@media (...)` block with that condition. */
function mediaBlock(text: string, condition: string): string {
  const start = text.indexOf(`@media (${condition})`);
  if (start < 0) return '';
  let depth = 0;
  for (let i = text.indexOf('{', start); i < text.length; i++) {
    if (text[i] === '{') depth++;
    else if (text[i] === '}' && --depth === 0) return text.slice(start, i + 1);
  }
  return '';
}

describe('forced colours and reduced motion', () => {
  it('gives every highlighted category a system colour under forced colours', () => {
    const rules = highlightCss(normaliseSettings({}));
    const forced = rules.slice(rules.indexOf('@media (forced-colors: active)'));
    expect(forced).toMatch(/background-color:Mark;color:MarkText/);
    for (const c of HIGHLIGHT_CATEGORIES) expect(forced).toContain(`::highlight(r2p-${c})`);
  });

  it('the extension pages and the card stop motion and keep focus and state visible in forced colours', () => {
    const theme = css('components/theme.css');
    expect(mediaBlock(theme, 'prefers-reduced-motion: reduce')).toMatch(/transition: none !important/);
    const forced = mediaBlock(theme, 'forced-colors: active');
    expect(forced).toMatch(/aria-selected='true'\] \{ border-bottom: 3px solid Highlight/);
    expect(forced).toMatch(/:focus-visible \{ outline-color: Highlight/);
    expect(theme).toMatch(/:focus-visible \{ outline: 3px solid/);
    expect(mediaBlock(CARD_CSS, 'forced-colors: active')).toMatch(/\.card \{ border: 2px solid CanvasText/);
    expect(mediaBlock(CARD_CSS, 'prefers-reduced-motion: reduce')).toMatch(/transition: none/);
    for (const f of ['components/reviews/reviews.css', 'components/library/library.css', 'components/reader/reader.css', 'components/options/page.css']) {
      expect([f, mediaBlock(css(f), 'forced-colors: active') !== '']).toEqual([f, true]);
    }
  });
});
