import { describe, expect, it } from 'vitest';
import { clearOpenRequest, peekOpenRequest, requestOpenReview } from '@/lib/reviews/open-request';

/** The panel's localStorage, as far as these functions use it. */
function memoryStorage(): Storage {
  const m = new Map<string, string>();
  return {
    get length() { return m.size; },
    clear: () => m.clear(),
    getItem: (k) => m.get(k) ?? null,
    key: (i) => [...m.keys()][i] ?? null,
    removeItem: (k) => void m.delete(k),
    setItem: (k, v) => void m.set(k, String(v)),
  };
}

describe('the note that tells the Reviews tab what to show', () => {
  it('carries the review and step until cleared', () => {
    const s = memoryStorage();
    expect(peekOpenRequest(s)).toBeUndefined();
    requestOpenReview(s, { reviewId: 'r1', step: 'dialogue' });
    expect(peekOpenRequest(s)).toEqual({ reviewId: 'r1', step: 'dialogue' });
    clearOpenRequest(s);
    expect(peekOpenRequest(s)).toBeUndefined();
  });

  it('ignores a damaged or unknown note instead of failing the tab', () => {
    const s = memoryStorage();
    for (const bad of ['{', 'null', '42', '{"reviewId":1,"step":"dialogue"}', '{"reviewId":"r1","step":"elsewhere"}']) {
      s.setItem('r2p:reviews:open', bad);
      expect(peekOpenRequest(s)).toBeUndefined();
    }
  });
});
