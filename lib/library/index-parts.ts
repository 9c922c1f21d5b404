/**
 * The stored index cut into records of at most 1 MB. Reading one 30 MB record deserialises it in
 * one task on the side panel's thread (250 ms at 267,000 rows: the panel froze as it opened);
 * parts read one after another give the thread back between them. Pure: the caller stores the
 * records (lib/library/store.ts).
 */

type Typed = Int8Array | Uint8Array | Int16Array | Uint16Array | Int32Array | Uint32Array | Float32Array | Float64Array;

const MAKERS = { Int8Array, Uint8Array, Int16Array, Uint16Array, Int32Array, Uint32Array, Float32Array, Float64Array } as const;
type TypedName = keyof typeof MAKERS;

/** Bytes per part record. */
const PART_BYTES = 1 << 20;

export interface PartRecord {
  id: string;
  bytes: Uint8Array;
}

interface ArrayRef {
  __typed: TypedName;
  length: number;
  parts: string[];
}

const isTyped = (v: unknown): v is Typed => ArrayBuffer.isView(v) && !(v instanceof DataView);

/** The object with every typed array replaced by a reference to its parts, and the parts. */
export function packParts<T extends object>(value: T, prefix: string): { manifest: Record<string, unknown>; parts: PartRecord[] } {
  const parts: PartRecord[] = [];
  const walk = (v: unknown): unknown => {
    if (isTyped(v)) {
      const bytes = new Uint8Array(v.buffer, v.byteOffset, v.byteLength);
      const ref: ArrayRef = { __typed: v.constructor.name as TypedName, length: v.length, parts: [] };
      for (let at = 0; at < bytes.length || ref.parts.length === 0; at += PART_BYTES) {
        const id = `${prefix}#${parts.length}`;
        parts.push({ id, bytes: bytes.slice(at, at + PART_BYTES) });
        ref.parts.push(id);
      }
      return ref;
    }
    if (Array.isArray(v)) return v.length && typeof v[0] !== 'object' ? v : v.map(walk);
    if (v && typeof v === 'object') return Object.fromEntries(Object.entries(v).map(([k, x]) => [k, walk(x)]));
    return v;
  };
  return { manifest: walk(value) as Record<string, unknown>, parts };
}

const isRef = (v: unknown): v is ArrayRef => !!v && typeof v === 'object' && '__typed' in v;

/** Calls `visit` with each typed-array reference of a manifest. */
function eachRef(v: unknown, visit: (r: ArrayRef) => void): void {
  if (isRef(v)) visit(v);
  else if (Array.isArray(v)) {
    // Lists of strings (terms, names) hold no reference: not walked item by item.
    if (v.length && typeof v[0] !== 'object') return;
    for (const x of v) eachRef(x, visit);
  } else if (v && typeof v === 'object') for (const x of Object.values(v)) eachRef(x, visit);
}

/** The object again: each part read with `read`, one after another (each is its own task), then put together. */
export async function unpackParts<T>(manifest: Record<string, unknown>, read: (id: string) => Promise<Uint8Array | undefined>): Promise<T | undefined> {
  const bytes = new Map<string, Uint8Array>();
  const ids: string[] = [];
  eachRef(manifest, (r) => ids.push(...r.parts));
  for (const id of ids) {
    const part = await read(id);
    if (!part) return undefined;
    bytes.set(id, part);
  }
  const build = (v: unknown): unknown => {
    if (isRef(v)) {
      const out = new MAKERS[v.__typed](v.length);
      const target = new Uint8Array(out.buffer);
      let at = 0;
      for (const id of v.parts) {
        const part = bytes.get(id)!;
        target.set(part, at);
        at += part.length;
      }
      return out;
    }
    if (Array.isArray(v)) return v.length && typeof v[0] !== 'object' ? v : v.map(build);
    if (v && typeof v === 'object') return Object.fromEntries(Object.entries(v).map(([k, x]) => [k, build(x)]));
    return v;
  };
  return build(manifest) as T;
}
