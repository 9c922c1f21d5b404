/**
 * Fallback for browsers without the CSS Custom Highlight API: translucent boxes drawn over the
 * hits inside the extension's own shadow-root host, redrawn on scroll and resize (one frame at a
 * time). Removing the host removes every trace. Only hits near the viewport are drawn.
 */
import type { HighlightSettings } from '../settings/highlight-settings';
import type { Painter } from './painter';
import { removeUiHost, uiHost } from './ui-host';

export function createOverlayPainter(doc: Document): Painter {
  const win = doc.defaultView!;
  const ranges = new Map<Range, string>();
  let current: Range | null = null;
  let colors: Record<string, string> = {};
  let hidden = new Set<string>();
  let frame = 0;
  let layer: HTMLElement | undefined;

  const draw = () => {
    frame = 0;
    layer ??= Object.assign(doc.createElement('div'), { className: 'r2p-overlay' });
    if (!layer.isConnected) uiHost(doc).root.appendChild(layer);
    layer.replaceChildren();
    const h = win.innerHeight;
    for (const [range, cat] of ranges) {
      if (hidden.has(cat)) continue;
      for (const r of range.getClientRects()) {
        if (r.bottom < 0 || r.top > h) continue;
        const box = doc.createElement('div');
        box.style.cssText = `position:fixed;pointer-events:none;mix-blend-mode:multiply;left:${r.left}px;top:${r.top}px;width:${r.width}px;height:${r.height}px;background:${range === current ? '#ffd23f' : colors[cat] ?? '#ffe7b8'}`;
        layer.appendChild(box);
      }
    }
  };
  const schedule = () => {
    if (!frame) frame = win.requestAnimationFrame(draw);
  };
  win.addEventListener('scroll', schedule, { passive: true, capture: true });
  win.addEventListener('resize', schedule, { passive: true });

  return {
    add(category, range) {
      ranges.set(range, category);
      schedule();
    },
    remove(_category, range) {
      ranges.delete(range);
      schedule();
    },
    setCurrent(range) {
      current = range;
      schedule();
    },
    adoptInto() {},
    applySettings(settings: HighlightSettings) {
      colors = Object.fromEntries(Object.entries(settings.categories).map(([c, s]) => [c, s.color]));
      hidden = new Set(Object.entries(settings.categories).filter(([, s]) => !s.on).map(([c]) => c));
      schedule();
    },
    clear() {
      ranges.clear();
      current = null;
      schedule();
    },
    destroy() {
      if (frame) win.cancelAnimationFrame(frame);
      win.removeEventListener('scroll', schedule, { capture: true });
      win.removeEventListener('resize', schedule);
      ranges.clear();
      layer?.remove();
      removeUiHost(doc);
    },
  };
}
