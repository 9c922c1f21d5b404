/**
 * Text typed in a draft, made safe to put in a Markdown file: what a Markdown viewer would run,
 * load or hide is escaped, and nothing else, so the file still reads as typed ("Q&A", "a < b",
 * "[sic]", "(A/HRC/28/17)", asterisks and underscores stay as they are).
 *
 * - HTML: a `<` that opens a tag, a comment, a declaration or an autolink (`<script>`,
 *   `<!-- -->`, `<img …>`, `<https://…>`) becomes `&lt;`.
 * - Character references (`&lt;`, `&#8203;`) keep their letters: the `&` becomes `&amp;`.
 * - Links, images and link definitions (`[text](url)`, `![alt](src)`, `[text][ref]`,
 *   `[ref]: url`, which hides its whole line): the `]` that would close them is escaped.
 * - A backslash before punctuation is doubled, so typed text cannot undo those escapes.
 */
const BACKSLASH_BEFORE_PUNCTUATION = /\\(?=[!-/:-@[-`{-~])/g;
const CHARACTER_REFERENCE = /&(?=#[0-9]{1,7};|#[xX][0-9a-fA-F]{1,6};|[A-Za-z][A-Za-z0-9]{1,31};)/g;
const MARKUP_OPENING = /<(?=[A-Za-z/!?])/g;
const LINK_CLOSING = /\](?=[([:])/g;

export function escapeMarkdownText(text: string): string {
  return text
    .replace(BACKSLASH_BEFORE_PUNCTUATION, '\\\\')
    .replace(CHARACTER_REFERENCE, '&amp;')
    .replace(MARKUP_OPENING, '&lt;')
    .replace(LINK_CLOSING, '\\]');
}

/** Every string of a document escaped, however deep (lists, blocks, clauses); other values as they are. */
export function escapeMarkdownDocument<T>(doc: T): T {
  if (typeof doc === 'string') return escapeMarkdownText(doc) as T;
  if (Array.isArray(doc)) return doc.map(escapeMarkdownDocument) as T;
  if (doc && typeof doc === 'object') return Object.fromEntries(Object.entries(doc).map(([k, v]) => [k, escapeMarkdownDocument(v)])) as T;
  return doc;
}
