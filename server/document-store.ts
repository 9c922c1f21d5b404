/**
 * Where the team server keeps each shared review: one file per document,
 * `<data>/documents/<document>.ydoc`, the whole Yjs state, replaced atomically (written beside,
 * then renamed) so a crash mid-write leaves the previous version.
 */
import { existsSync, mkdirSync, readFileSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';

const NAME = /^[a-z0-9]{16}$/;

export class DocumentStore {
  readonly dir: string;
  constructor(dataDir: string) {
    this.dir = join(dataDir, 'documents');
  }

  private path(document: string) {
    if (!NAME.test(document)) throw new Error(`Not a document name: ${document}`);
    return join(this.dir, `${document}.ydoc`);
  }

  load(document: string): Uint8Array | undefined {
    const p = this.path(document);
    return existsSync(p) ? new Uint8Array(readFileSync(p)) : undefined;
  }

  save(document: string, state: Uint8Array): void {
    mkdirSync(this.dir, { recursive: true, mode: 0o700 });
    const p = this.path(document);
    writeFileSync(`${p}.tmp`, state, { mode: 0o600 });
    renameSync(`${p}.tmp`, p);
  }

  remove(document: string): void {
    rmSync(this.path(document), { force: true });
  }
}
