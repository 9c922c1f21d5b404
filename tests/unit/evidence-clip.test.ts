import { describe, expect, it } from 'vitest';
import { clipFromMenuClick, EVIDENCE_MENU_ID } from '@/lib/background/evidence';
import { evidenceMessages } from '@/lib/messages/evidence';

describe('"Add to evidence"', () => {
  it('turns a click on the menu item into a clip with quote, page title and address', () => {
    expect(
      clipFromMenuClick({ menuItemId: EVIDENCE_MENU_ID, selectionText: '  Calls to expel the minority.  ', pageUrl: 'https://example.org/r' }, { title: 'Report', url: 'https://example.org/r' }),
    ).toEqual({ quote: 'Calls to expel the minority.', title: 'Report', url: 'https://example.org/r' });
  });

  it('uses the frame address for a selection inside a frame, and ignores other items and empty selections', () => {
    expect(clipFromMenuClick({ menuItemId: EVIDENCE_MENU_ID, selectionText: 'q', pageUrl: 'https://a.org/', frameUrl: 'https://b.org/doc' })?.url).toBe('https://b.org/doc');
    expect(clipFromMenuClick({ menuItemId: 'other', selectionText: 'q', pageUrl: 'https://a.org/' })).toBeNull();
    expect(clipFromMenuClick({ menuItemId: EVIDENCE_MENU_ID, selectionText: '   ', pageUrl: 'https://a.org/' })).toBeNull();
  });

  it('refuses an "evidence/add" message without a quote or with a page number that is not one', () => {
    const req = evidenceMessages['evidence/add'].request;
    expect(req.safeParse({ quote: 'q', title: 't', url: 'u', page: 3 }).success).toBe(true);
    expect(req.safeParse({ quote: '', title: 't', url: 'u' }).success).toBe(false);
    expect(req.safeParse({ quote: 'q', title: 't', url: 'u', page: -1 }).success).toBe(false);
    expect(req.safeParse({ quote: 'q' }).success).toBe(false);
  });

  it('keeps web and file addresses and local file names, and refuses script or data addresses', () => {
    const req = evidenceMessages['evidence/add'].request;
    for (const url of ['https://www.ohchr.org/en/hr-bodies/upr', 'file:///home/me/report.pdf', 'A_HRC_28_17.pdf'])
      expect(req.safeParse({ quote: 'q', title: 't', url }).success, url).toBe(true);
    for (const url of ['javascript:alert(1)', 'JavaScript:void(0)', 'data:text/html,<b>x</b>', 'vbscript:x'])
      expect(req.safeParse({ quote: 'q', title: 't', url }).success, url).toBe(false);
  });
});
