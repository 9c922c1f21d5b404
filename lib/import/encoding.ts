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

function decodeCp1252(bytes: Uint8Array): string {
  const codes = new Uint16Array(bytes.length);
  for (let i = 0; i < bytes.length; i++) {
    const b = bytes[i]!;
    codes[i] = b >= 0x80 && b < 0xa0 ? CP1252_HIGH[b - 0x80]! : b;
  }
  let out = '';
  for (let i = 0; i < codes.length; i += 8192) out += String.fromCharCode(...codes.subarray(i, i + 8192));
  return out;
}

const cp1252 = { decode: decodeCp1252 };
const macRoman = new TextDecoder('macintosh');

/** The encoding of a file's bytes. UTF-8 when it decodes as such; otherwise the likelier single-byte code page. */
export function detectEncoding(bytes: Uint8Array): TextEncodingName {
  try {
    new TextDecoder('utf-8', { fatal: true }).decode(bytes);
    return 'utf-8';
  } catch {
    // Not UTF-8: one of the two single-byte code pages.
  }
  let win = 0;
  let mac = 0;
  for (let i = 0; i < bytes.length; i++) {
    const b = bytes[i]!;
    if (b < 0x80) continue;
    const prev = i > 0 ? String.fromCharCode(bytes[i - 1]!) : ' ';
    const next = i + 1 < bytes.length ? String.fromCharCode(bytes[i + 1]!) : ' ';
    const one = bytes.subarray(i, i + 1);
    win += plausibility(cp1252.decode(one), prev, next);
    mac += plausibility(macRoman.decode(one), prev, next);
  }
  return mac > win ? 'macintosh' : 'windows-1252';
}

/** Human name of an encoding, for the import summary. */
export const ENCODING_LABELS: Record<TextEncodingName, string> = {
  'utf-8': 'UTF-8',
  'windows-1252': 'Windows-1252',
  macintosh: 'Mac Roman',
};

/** Text of the file, with its byte-order mark removed. */
export function decodeBytes(bytes: Uint8Array, encoding = detectEncoding(bytes)): { text: string; encoding: TextEncodingName } {
  const text = encoding === 'windows-1252' ? decodeCp1252(bytes) : new TextDecoder(encoding).decode(bytes);
  return { text: text.charCodeAt(0) === 0xfeff ? text.slice(1) : text, encoding };
}
