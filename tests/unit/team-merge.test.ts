/**
 * The pieces of sharing that need no server: the three-way merge between a review's rows and its
 * shared document, the text and list merges under it, the addresses and tokens users paste, and
 * the server's token store.
 */
import { mkdtempSync, readFileSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import * as Y from 'yjs';
import { afterEach, describe, expect, it } from 'vitest';
import { sharedTextOf } from '@/lib/sync/field-keys';
import { STATEMENT_KEY, type Snapshot } from '@/lib/sync/fields';
import { pushLocalChanges } from '@/lib/sync/reconcile';
import { lastChange, readDoc } from '@/lib/sync/shared-doc';
import { typeInto } from '@/lib/sync/text-binding';
import { isUnencrypted, parseServerAddress, parseShareTarget, shareLink } from '@/lib/sync/share-address';
import { mapCaret, rebaseList, rebaseText, splice } from '@/lib/sync/text-merge';
import { TokenStore } from '../../server/token-store';

const me = (name: string, now = 1000) => ({ name, now });
/** Two documents that exchange everything (a server in between, in memory). */
const sync = (a: Y.Doc, b: Y.Doc) => {
  Y.applyUpdate(b, Y.encodeStateAsUpdate(a, Y.encodeStateVector(b)));
  Y.applyUpdate(a, Y.encodeStateAsUpdate(b, Y.encodeStateVector(a)));
};
const draft = (text: string, extra: object = {}) => ({ kind: 'recommendation', text, recommendationIds: [], riskFactorIds: [], order: 0, response: 'pending', reportParagraph: '', createdAt: 1, ...extra });

describe('text and list merges', () => {
  it('finds the one replacement between two texts, never splitting an emoji', () => {
    expect(splice('Ratify the Statute.', 'Ratify the Rome Statute.')).toEqual({ index: 11, remove: 0, insert: 'Rome ' });
    expect(splice('a😀b', 'a😃b')).toEqual({ index: 1, remove: 2, insert: '😃' });
  });

  it('re-applies a local change on a text a colleague changed meanwhile, and keeps both when it cannot', () => {
    expect(rebaseText('Ratify the Statute.', 'Promptly ratify the Statute.', 'Ratify the Statute and the Convention.')).toBe('Promptly ratify the Statute and the Convention.');
    expect(rebaseText('', 'Note A', 'Note B')).toBe('Note B\nNote A');
    expect(rebaseText('abc', 'abc', 'xyz')).toBe('xyz');
    expect(rebaseText('one two', 'one TWO', 'something else entirely')).toBe('something else entirely\none TWO');
  });

  it('carries the caret through a colleague’s insertion and deletion', () => {
    // "Ratify the Statute." with the caret after "Statute"; a colleague inserts "Rome " before it.
    expect(mapCaret(18, [{ retain: 11 }, { insert: 'Rome ' }])).toBe(23);
    expect(mapCaret(5, [{ retain: 11 }, { insert: 'Rome ' }])).toBe(5);
    expect(mapCaret(11, [{ retain: 11 }, { insert: 'Rome ' }])).toBe(11);
    expect(mapCaret(18, [{ retain: 2 }, { delete: 4 }])).toBe(14);
    expect(mapCaret(3, [{ retain: 2 }, { delete: 4 }])).toBe(2);
  });

  it('merges statement orders: local ticks and moves over remote ticks, none lost, none twice', () => {
    expect(rebaseList(['a', 'b'], ['b', 'a'], ['a', 'b', 'c'])).toEqual(['b', 'a', 'c']);
    expect(rebaseList(['a', 'b'], ['a'], ['a', 'b', 'c'])).toEqual(['a', 'c']);
    expect(rebaseList(['a'], ['a'], ['a', 'a', 'c'])).toEqual(['a', 'c']);
  });
});

describe('the three-way merge of a review’s rows and its shared document', () => {
  it('shares everything on the first sync, and a colleague’s empty copy takes the document’s', () => {
    const doc = new Y.Doc();
    const local: Snapshot = { 'reviews/review': { stateCode: 'KEN', delegation: 'Norway', createdAt: 1 }, 'drafts/d1': draft('Ratify.'), [STATEMENT_KEY]: { opening: 'Thank you.', closing: '', items: ['d1'], pace: 130, allottedSeconds: 90 } };
    const after = pushLocalChanges(doc, 'r1', {}, local, me('Amina'), 'test');
    expect(after).toEqual(local);
    expect(doc.getMap('meta').get('reviewId')).toBe('r1');
    // Joining: the colleague's copy has an older text for the same draft; the server's wins.
    const other = new Y.Doc();
    sync(doc, other);
    expect(pushLocalChanges(other, 'r1', {}, { 'drafts/d1': draft('old') }, me('Bo'), 'test')['drafts/d1']!.text).toBe('Ratify.');
  });

  it('writes local changes since the agreed state, keeps colleagues’ changes, and remembers who set a value', () => {
    const a = new Y.Doc();
    const base = pushLocalChanges(a, 'r1', {}, { 'drafts/d1': draft('Ratify the Statute.') }, me('Amina'), 'test');
    const b = new Y.Doc();
    sync(a, b);
    // Offline on both sides: Amina edits the text, Bo records the State's response.
    pushLocalChanges(a, 'r1', base, { 'drafts/d1': draft('Ratify the Rome Statute.') }, me('Amina', 2000), 'test');
    pushLocalChanges(b, 'r1', base, { 'drafts/d1': draft('Ratify the Statute.', { response: 'supported' }) }, me('Bo', 3000), 'test');
    sync(a, b);
    expect(readDoc(a)['drafts/d1']).toEqual(draft('Ratify the Rome Statute.', { response: 'supported' }));
    expect(readDoc(b)).toEqual(readDoc(a));
    expect(lastChange(a, 'drafts/d1', 'response')).toEqual({ v: 'supported', by: 'Bo', at: 3000 });
  });

  it('keeps what was typed in a new draft before the draft reached the document', () => {
    const doc = new Y.Doc();
    const base = pushLocalChanges(doc, 'r1', {}, { 'drafts/d1': draft('Ratify.') }, me('Bo'), 'test');
    // "Blank recommendation" made the row (empty); its field typed into the document at once.
    const { key, field } = sharedTextOf({ table: 'drafts', id: 'd2', field: 'text' } as never)!;
    typeInto(doc.getText(`${key}/${field}`), 'Invite the Spec');
    const after = pushLocalChanges(doc, 'r1', base, { ...base, 'drafts/d2': draft('') }, me('Bo'), 'test');
    expect(after['drafts/d2']!.text).toBe('Invite the Spec');
    expect(readDoc(doc)['drafts/d2']!.text).toBe('Invite the Spec');
  });

  it('keeps both notes when two people assess the same indicator offline', () => {
    const a = new Y.Doc();
    const base = pushLocalChanges(a, 'r1', {}, { 'reviews/review': { stateCode: 'KEN', delegation: '' } }, me('Amina'), 'test');
    const b = new Y.Doc();
    sync(a, b);
    pushLocalChanges(a, 'r1', base, { ...base, 'assessments/foa-9.1': { status: 'present', note: 'Radio hate speech' } }, me('Amina'), 'test');
    pushLocalChanges(b, 'r1', base, { ...base, 'assessments/foa-9.1': { status: 'partly', note: 'Curfews in the north' } }, me('Bo'), 'test');
    sync(a, b);
    const note = String(readDoc(a)['assessments/foa-9.1']!.note);
    expect(note).toContain('Radio hate speech');
    expect(note).toContain('Curfews in the north');
    expect(readDoc(b)).toEqual(readDoc(a));
  });

  it('deletes what was deleted here; a draft a colleague deleted comes back if it was changed here meanwhile', () => {
    const a = new Y.Doc();
    const base = pushLocalChanges(a, 'r1', {}, { 'drafts/d1': draft('One.'), 'drafts/d2': draft('Two.') }, me('Amina'), 'test');
    const b = new Y.Doc();
    sync(a, b);
    // Bo deletes both; Amina, offline, had recorded the State's response to d2 (not merged yet).
    pushLocalChanges(b, 'r1', base, {}, me('Bo'), 'test');
    sync(a, b);
    expect(readDoc(a)).toEqual({});
    const after = pushLocalChanges(a, 'r1', base, { 'drafts/d1': draft('One.'), 'drafts/d2': draft('Two.', { response: 'noted' }) }, me('Amina'), 'test');
    expect(Object.keys(after)).toEqual(['drafts/d2']);
    expect(after['drafts/d2']).toEqual(draft('Two.', { response: 'noted' }));
  });
});

describe('addresses, tokens and links users paste', () => {
  const token = `r2p.0123456789abcdef.${'A'.repeat(43)}`;
  it('turns what users type into one web socket address', () => {
    expect(parseServerAddress('r2p.mission.example')).toEqual({ ok: true, value: 'wss://r2p.mission.example' });
    expect(parseServerAddress('https://r2p.mission.example/team/')).toEqual({ ok: true, value: 'wss://r2p.mission.example/team' });
    expect(parseServerAddress('http://127.0.0.1:8787')).toEqual({ ok: true, value: 'ws://127.0.0.1:8787' });
    expect(parseServerAddress('ftp://x.example')).toMatchObject({ ok: false });
    expect(parseServerAddress('wss://user:pw@x.example')).toMatchObject({ ok: false });
    expect(parseServerAddress('')).toMatchObject({ ok: false, message: expect.stringMatching(/Enter the address/) });
  });
  it('reads a pasted link, and says what is wrong with a bad token', () => {
    const link = shareLink({ server: 'wss://r2p.mission.example', token });
    expect(parseShareTarget(link)).toEqual({ ok: true, value: { server: 'wss://r2p.mission.example', token, document: '0123456789abcdef' } });
    expect(parseShareTarget('wss://x.example', 'hello')).toMatchObject({ ok: false, message: expect.stringMatching(/not an R2P Lens token/) });
  });
  it('warns about plain ws:// to another computer, not on loopback', () => {
    expect(isUnencrypted('ws://10.0.0.5:8787')).toBe(true);
    expect(isUnencrypted('ws://127.0.0.1:8787')).toBe(false);
    expect(isUnencrypted('wss://r2p.mission.example')).toBe(false);
  });
  it('maps the review’s field keys to the shared texts they edit', () => {
    expect(sharedTextOf({ table: 'drafts', id: 'd1', field: 'text' })).toEqual({ key: 'drafts/d1', field: 'text' });
    expect(sharedTextOf({ table: 'assessments', reviewId: 'r1', indicatorId: 'foa-9.1', field: 'note' })).toEqual({ key: 'assessments/foa-9.1', field: 'note' });
    expect(sharedTextOf({ table: 'statements', reviewId: 'r1', field: 'opening', defaultPace: 130 })).toEqual({ key: STATEMENT_KEY, field: 'opening' });
    expect(sharedTextOf({ table: 'followUps', id: 'f1', field: 'what' })).toEqual({ key: 'followUps/f1', field: 'what' });
    expect(sharedTextOf({ table: 'drafts', id: 'd1', field: 'reportParagraph' })).toBeUndefined();
    expect(sharedTextOf({ table: 'reviews', id: 'r1', field: 'delegation' })).toBeUndefined();
  });
});

describe('the team server’s tokens', () => {
  const dirs: string[] = [];
  afterEach(() => dirs.splice(0).forEach((d) => rmSync(d, { recursive: true, force: true })));
  it('opens one document per token, keeps no secret, refuses wrong and revoked tokens', () => {
    const dir = join(mkdtempSync(join(tmpdir(), 'r2p-tokens-')), 'data');
    dirs.push(dir);
    const store = new TokenStore(dir);
    const { token, record } = store.issue('Kenya 46');
    const other = store.issue('Chad');
    expect(store.check(record.document, token)).toBe('ok');
    expect(store.check(other.record.document, token)).toBe('permission-denied');
    expect(store.check(record.document, token.slice(0, -1) + (token.endsWith('A') ? 'B' : 'A'))).toBe('permission-denied');
    expect(readFileSync(store.file, 'utf8')).not.toContain(token.split('.')[2]);
    expect(statSync(store.file).mode & 0o077).toBe(0);
    store.revoke(record.document, 'unshared');
    expect(store.check(record.document, token)).toBe('unshared');
    store.revoke(other.record.document, 'revoked');
    expect(store.check(other.record.document, other.token)).toBe('permission-denied');
  });
});
