import { knowledgeBase } from '@/lib/catalogue/knowledge';
import { detectLayout, mappedLayout, type Columns } from '@/lib/import/layouts';
import { parseRecord, type ParsedRow } from '@/lib/import/rows';
import { fileFromBytes, openSource } from '@/lib/import/sources';
import { stateLookup } from '@/lib/import/state-names';

const lookup = stateLookup(knowledgeBase().states);

/** A file read as the import reads it, without storing: its rows and refused records. */
export async function parseAll(bytes: Uint8Array, name = 'export.csv', mapped?: Columns) {
  const source = await openSource(fileFromBytes(name, bytes));
  const known = detectLayout(source.header);
  const layout = known?.layout ?? mappedLayout();
  const ctx = { layout, columns: known?.columns ?? mapped!, header: source.header, lookup };
  const rows: ParsedRow[] = [];
  const refused: { line: number; record?: number; reason: string }[] = [];
  for (const chunk of source.records()) {
    for (const rec of chunk.records) {
      const r = parseRecord(ctx, rec);
      if (r.ok) rows.push(r.row);
      else refused.push({ line: rec.line, ...(rec.record ? { record: rec.record } : {}), reason: r.reason });
    }
  }
  return { rows, refused, format: known ? layout.id : undefined, encoding: source.encoding, kind: source.kind, header: source.header, preview: source.preview };
}

