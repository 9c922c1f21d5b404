/**
 * Which text encoding an export was saved in. UPR Info's older exports come from a Mac (Mac Roman),
 * spreadsheets on Windows save Windows-1252, everything recent is UTF-8. Guessing wrong turns
 * "Hissène Habré" into "HissËne Habr…" or "HissÃ¨ne", so we look before we decode.
 */
export type TextEncodingName = 'utf-8' | 'windows-1252' | 'macintosh';

const LETTER = /\p{L}/u;
const LOWER = /\p{Ll}/u;
const UPPER = /\p{Lu}/u;
/** Punctuation a single-byte encoding legitimately puts in running text. */
const TEXT_PUNCTUATION = /[\u2018\u2019\u201A\u201C\u201D\u201E\u2013\u2014\u2026\u2022\u00AB\u00BB\u00A0\u00B0\u20AC]/;
const ASCII_LETTER = /[A-Za-z]/;

/**
 * How plausible one decoding of a non-ASCII byte is in its ASCII context (prev, next).
 * Letters belong inside or at the edge of words, and lower case after lower case; quotes and
 * dashes belong at word edges; control characters and holes of the code page never occur.
 */
function plausibility(ch: string, prev: string, next: string): number {
  const code = ch.charCodeAt(0);
  if (ch === '\uFFFD' || (code >= 0x80 && code < 0xa0)) return -10;
  const prevLetter = ASCII_LETTER.test(prev);
  const nextLetter = ASCII_LETTER.test(next);
  if (LETTER.test(ch)) {
    if (UPPER.test(ch) && /[a-z]/.test(prev)) return -2;
    if (LOWER.test(ch) && prevLetter && nextLetter) return 3;
    return prevLetter || nextLetter ? 1 : 0;
  }
  if (TEXT_PUNCTUATION.test(ch)) return prevLetter && nextLetter && !/[\u2019]/.test(ch) ? 0 : 2;
  return -1;
}

/**
 * Windows-1252's 0x80-0x9F, as the WHATWG Encoding Standard maps them (the five holes map to the
 * same C1 code point). Written out because Node's TextDecoder reads "windows-1252" as Latin-1.
 */
const CP1252_HIGH = [
  0x20ac, 0x81, 0x201a, 0x192, 0x201e, 0x2026, 0x2020, 0x2021, 0x2c6, 0x2030, 0x160, 0x2039, 0x152, 0x8d, 0x17d, 0x8f,
  0x90, 0x2018, 0x2019, 0x201c, 0x201d, 0x2022, 0x2013, 0x2014, 0x2dc, 0x2122, 0x161, 0x203a, 0x153, 0x9d, 0x17e, 0x178,
];

/**
 * A single-byte code page as a table of its 256 characters: decoding is a lookup per byte, and
 * the detector below reads the same table instead of decoding a byte at a time.
 */
function codePage(high: (b: number) => number): Uint16Array {
  const table = new Uint16Array(256);
  for (let b = 0; b < 256; b++) table[b] = b < 0x80 ? b : high(b);
  return table;
}

const CP1252 = codePage((b) => (b < 0xa0 ? CP1252_HIGH[b - 0x80]! : b));
// Read off the platform's decoder once, so the table is exactly what it would give.
const MAC_ROMAN = (() => {
  const high = new TextDecoder('macintosh').decode(Uint8Array.from({ length: 128 }, (_, i) => 0x80 + i));
  return codePage((b) => high.charCodeAt(b - 0x80));
})();

const ascii = new TextDecoder('utf-8');

/**
 * Index of the first byte from `from` that is not ASCII, or `bytes.length`. Four bytes at a time
 * where they are aligned: an export is almost all ASCII, and this runs over every byte of the file.
 */
function nextNonAscii(bytes: Uint8Array, from: number): number {
  const n = bytes.length;
  let i = from;
  // Byte by byte for a short way first: accented text has its next accent close by.
  const near = Math.min(n, from + 16);
  while (i < near || (i < n && (bytes.byteOffset + i) % 4 !== 0)) {
    if (bytes[i]! >= 0x80) return i;
    i++;
  }
  if (i >= n) return n;
  const words = new Uint32Array(bytes.buffer, bytes.byteOffset + i, (n - i) >>> 2);
  let w = 0;
  while (w < words.length && (words[w]! & 0x80808080) === 0) w++;
  for (i += w * 4; i < n; i++) if (bytes[i]! >= 0x80) return i;
  return n;
}

/** Bytes through a code page's table. Stretches of plain ASCII (most of an export) go through the platform decoder, which is much faster and gives the same characters. */
function decodeTable(bytes: Uint8Array, table: Uint16Array): string {
  const BLOCK = 8192;
  const codes = new Uint16Array(BLOCK);
  const parts: string[] = [];
  let i = 0;
  while (i < bytes.length) {
    const at = nextNonAscii(bytes, i);
    if (at > i) parts.push(ascii.decode(bytes.subarray(i, at)));
    if (at >= bytes.length) break;
    // A block through the table from the first byte that is not ASCII.
    const block = bytes.subarray(at, at + BLOCK);
    for (let k = 0; k < block.length; k++) codes[k] = table[block[k]!]!;
    parts.push(String.fromCharCode.apply(null, codes.subarray(0, block.length) as unknown as number[]));
    i = at + block.length;
  }
  return parts.join('');
}

/** The likelier single-byte code page of bytes that are not UTF-8. */
function singleByteEncoding(bytes: Uint8Array): TextEncodingName {
  let win = 0;
  let mac = 0;
  for (let i = nextNonAscii(bytes, 0); i < bytes.length; i = nextNonAscii(bytes, i + 1)) {
    const b = bytes[i]!;
    const prev = i > 0 ? String.fromCharCode(bytes[i - 1]!) : ' ';
    const next = i + 1 < bytes.length ? String.fromCharCode(bytes[i + 1]!) : ' ';
    win += plausibility(String.fromCharCode(CP1252[b]!), prev, next);
    mac += plausibility(String.fromCharCode(MAC_ROMAN[b]!), prev, next);
  }
  return mac > win ? 'macintosh' : 'windows-1252';
}

/** The text of UTF-8 bytes, or undefined when they are not UTF-8. */
function utf8(bytes: Uint8Array): string | undefined {
  try {
    return new TextDecoder('utf-8', { fatal: true }).decode(bytes);
  } catch {
    return undefined;
  }
}

/** The encoding of a file's bytes. UTF-8 when it decodes as such; otherwise the likelier single-byte code page. */
export function detectEncoding(bytes: Uint8Array): TextEncodingName {
  return utf8(bytes) !== undefined ? 'utf-8' : singleByteEncoding(bytes);
}

/** Human name of an encoding, for the import summary. */
export const ENCODING_LABELS: Record<TextEncodingName, string> = {
  'utf-8': 'UTF-8',
  'windows-1252': 'Windows-1252',
  macintosh: 'Mac Roman',
};

/** Text of the file, with its byte-order mark removed. Each byte is decoded once, however the encoding is found. */
export function decodeBytes(bytes: Uint8Array, encoding?: TextEncodingName): { text: string; encoding: TextEncodingName } {
  let text = encoding === undefined || encoding === 'utf-8' ? utf8(bytes) : undefined;
  if (text === undefined && encoding === 'utf-8') text = new TextDecoder('utf-8').decode(bytes);
  const found: TextEncodingName = encoding ?? (text !== undefined ? 'utf-8' : singleByteEncoding(bytes));
  if (text === undefined) text = decodeTable(bytes, found === 'macintosh' ? MAC_ROMAN : CP1252);
  return { text: text.charCodeAt(0) === 0xfeff ? text.slice(1) : text, encoding: found };
}
