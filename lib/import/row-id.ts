/** Stable ids for imported rows and files: a 64-bit FNV-1a, as two 32-bit halves in hex. */
import { collapseSpaces } from './spaces';

// Two independent 32-bit FNV-1a lanes (different offsets) give 64 bits: at 100,000 rows a
// chance collision is about 1 in 3.7 billion.
const A0 = 0x811c9dc5;
const B0 = 0x01000193 ^ 0x9e3779b9;
const hex = (a: number, b: number) => (a >>> 0).toString(16).padStart(8, '0') + (b >>> 0).toString(16).padStart(8, '0');

export function bytesHash(bytes: Uint8Array): string {
  let a = A0;
  let b = B0;
  for (let i = 0; i < bytes.length; i++) {
    const c = bytes[i]!;
    a = Math.imul(a ^ c, 0x01000193);
    b = Math.imul(b ^ c, 0x01000193) ^ (b >>> 15);
  }
  return hex(a, b);
}

const norm = (x: string) => collapseSpaces(x).toLowerCase();

/**
 * Hash of (SuR, recommending State, text, session): the same recommendation imported twice has one id.
 * The parts are hashed one after another with \u0001 between them, the same as hashing them joined
 * (ids already stored must not change), without building the joined string for every row.
 */
export function rowId(sur: string, from: string, text: string, session: number | undefined): string {
  const parts = [norm(sur), norm(from), norm(text), `${session ?? ''}`];
  let a = A0;
  let b = B0;
  for (let p = 0; p < parts.length; p++) {
    if (p > 0) {
      a = Math.imul(a ^ 1, 0x01000193);
      b = Math.imul(b ^ 1, 0x01000193) ^ (b >>> 15);
    }
    const s = parts[p]!;
    for (let i = 0; i < s.length; i++) {
      const c = s.charCodeAt(i);
      a = Math.imul(a ^ c, 0x01000193);
      b = Math.imul(b ^ c, 0x01000193) ^ (b >>> 15);
    }
  }
  return hex(a, b);
}

/**
 * What makes two rows the same recommendation when no annotation id says so: the text, the
 * State under Review and the recommending State (by ISO code when known, so "Côte d'Ivoire" in
 * one export meets "Cote d'Ivoire" in another), the session; and for treaty bodies and special
 * procedures, which have no session, the document symbol.
 */
export function contentKey(r: { sur: string; surCode?: string; from: string; fromCode?: string; text: string; session?: number; mechanism?: string; documentSymbol?: string }): string {
  const upr = !r.mechanism || r.mechanism === 'upr';
  return rowId(r.surCode ?? r.sur, r.fromCode ?? r.from, r.text, r.session) + (upr ? '' : `:${norm(r.documentSymbol ?? '')}`);
}
