/**
 * Markup typed in a draft must not run, load or hide anything when the Markdown export is
 * opened in a viewer, and must still read as typed. Rendered here with markdown-it (CommonMark)
 * with raw HTML allowed, as the most permissive viewers do.
 */
import MarkdownIt from 'markdown-it';
import { describe, expect, it } from 'vitest';
import type { DraftRow, ReviewRow } from '@/lib/db/rows';
import { escapeMarkdownText } from '@/lib/export/markdown-escape';
import { reviewDocument, toMarkdown } from '@/lib/export/review-document';

const md = new MarkdownIt({ html: true });
const render = (source: string) => md.render(source);
/** What a reader sees: the rendered text, tags removed (only markdown-it's own tags can be left). */
const visible = (html: string) =>
  html
    .replace(/<[^>]+>/g, '')
    .replace(/&quot;/g, '"')
    .replace(/&lt;/g, '<')
    .replace(/&gt;/g, '>')
    .replace(/&amp;/g, '&')
    .replace(/\s+/g, ' ')
    .trim();
/** Any element or comment a viewer would run, load or hide text in. */
const ACTIVE = /<(script|img|a|iframe|svg|style|object|embed|form|input|details|!--)\b|<[a-z]+[^>]*\son\w+=/i;

const HOSTILE = [
  '<script>alert(document.cookie)</script>Ratify the Rome Statute.',
  'Ratify the Rome Statute <!-- and quietly withdraw the reservation --> by 2026.',
  '[Ratify the Rome Statute](https://evil.example/phish "Official text")',
  '![signature](https://tracker.example/pixel.png)',
  'See <https://evil.example/> and <mailto:x@evil.example>.',
  '<img src=x onerror=alert(1)> Adopt a national action plan.',
  '<a href="https://evil.example">Adopt</a> a plan.',
  'An escape typed by hand: \\[click\\](javascript:alert(1)) and \\<script>x\\</script>',
  'A reference link [click][evil] and, in a paragraph of its own, its definition, which would vanish:\n\n[evil]: https://evil.example "title"',
  'Entities typed as text: &lt;b&gt; &#8203; &amp;',
  '<details><summary>Open</summary>Hidden text</details>',
];

describe('Markdown export of typed markup', () => {
  for (const typed of HOSTILE) {
    it(`shows, never runs or hides: ${JSON.stringify(typed).slice(0, 60)}`, () => {
      const html = render(escapeMarkdownText(typed));
      expect(html).not.toMatch(ACTIVE);
      expect(visible(html)).toBe(typed.replace(/\s+/g, ' ').trim());
    });
  }

  it('leaves ordinary punctuation as typed', () => {
    for (const typed of [
      'Q&A with R&D staff; 3 < 5 and 7 > 2, 50% by 2026.',
      'Ratify the Convention [sic] (A/HRC/28/17, para. 107.41) – “as recommended” – by 2026!',
      'Use *plain* words_with_underscores and C:\\Users\\delegate as typed.',
      'An arrow <- and a heart <3 and a bracket ] alone.',
    ]) {
      expect(escapeMarkdownText(typed)).toBe(typed);
    }
  });

  it('escapes every part of an exported review: heading, statement, questions and recommendations', () => {
    const review: ReviewRow = { id: 'r1', stateCode: 'KEN', delegation: '<b onmouseover=alert(1)>Norway</b>', session: 46, createdAt: 0, updatedAt: 0 };
    const draft = (id: string, kind: DraftRow['kind'], text: string, order: number): DraftRow => ({
      id, reviewId: 'r1', kind, text, order, recommendationIds: [], riskFactorIds: [], response: 'pending', reportParagraph: '', createdAt: 0, updatedAt: 0,
    });
    const drafts = HOSTILE.map((t, i) => draft(`d${i}`, i % 2 ? 'question' : 'recommendation', t, i));
    const doc = reviewDocument(review, { state: { name: 'Kenya', inSentence: 'Kenya' }, delegation: review.delegation }, drafts, { opening: HOSTILE[8]!, closing: HOSTILE[1]!, items: ['d0', 'd2'] });
    const html = render(toMarkdown(doc));
    expect(html).not.toMatch(ACTIVE);
    const text = visible(html);
    expect(text).toContain('<b onmouseover=alert(1)>Norway</b>');
    // Drafts become clauses of the statement (first letter and last stop set by the lead-in): compare the rest.
    for (const t of HOSTILE) expect(text.toLowerCase()).toContain(t.replace(/\s+/g, ' ').trim().replace(/[.]$/, '').toLowerCase());
  });
});
