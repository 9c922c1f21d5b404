/** Stable ids for imported rows and files: a 64-bit FNV-1a, as two 32-bit halves in hex. */

function fnv64(input: { length: number; [i: number]: number } | string): string {
  const str = typeof input === 'string' ? input : undefined;
  // Two independent 32-bit FNV-1a lanes (different offsets) give 64 bits: at 100,000 rows a
  // chance collision is about 1 in 3.7 billion.
  let a = 0x811c9dc5;
  let b = 0x01000193 ^ 0x9e3779b9;
  for (let i = 0; i < input.length; i++) {
    const c = str !== undefined ? str.charCodeAt(i) : (input as Uint8Array)[i]!;
    a = Math.imul(a ^ c, 0x01000193);
    b = Math.imul(b ^ c, 0x01000193) ^ (b >>> 15);
  }
  return (a >>> 0).toString(16).padStart(8, '0') + (b >>> 0).toString(16).padStart(8, '0');
}

/** Hash of (SuR, recommending State, text, session): the same recommendation imported twice has one id. */
export function rowId(sur: string, from: string, text: string, session: number | undefined): string {
  const norm = (x: string) => x.replace(/\s+/g, ' ').trim().toLowerCase();
  return fnv64((`${norm(sur)}\u0001${norm(from)}\u0001${norm(text)}\u0001${session ?? ''}`));
}

export function bytesHash(bytes: Uint8Array): string {
  return fnv64(bytes);
}
