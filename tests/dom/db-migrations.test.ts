import 'fake-indexeddb/auto';
import { afterEach, describe, expect, it } from 'vitest';
import Dexie from 'dexie';
import { openDatabase, SCHEMA_V1 } from '@/lib/db/database';

const names: string[] = [];
const fresh = () => {
  const name = `r2p-test-${Math.random().toString(36).slice(2)}`;
  names.push(name);
  return name;
};
afterEach(async () => {
  for (const n of names.splice(0)) await Dexie.delete(n);
});

describe('database schema versions', () => {
  it('version 1 creates every table with its indexes', async () => {
    const db = openDatabase(fresh());
    await db.open();
    expect(db.tables.map((t) => t.name).sort()).toEqual(Object.keys(SCHEMA_V1).sort());
    const library = db.table('library');
    expect(library.schema.indexes.map((i) => i.name)).toEqual(
      expect.arrayContaining(['sur', 'from', 'session', 'action', 'response', 'issues', 'relevant']),
    );
    db.close();
  });

  it('keeps what was written across a reopen', async () => {
    const name = fresh();
    const db = openDatabase(name);
    await db.reviews.add({ id: 'r1', stateCode: 'KEN', delegation: 'Ghana', createdAt: 1, updatedAt: 1 });
    db.close();
    const again = openDatabase(name);
    await expect(again.reviews.get('r1')).resolves.toMatchObject({ stateCode: 'KEN' });
    again.close();
  });
});
