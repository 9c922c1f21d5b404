/**
 * The team server's tokens: one per shared review, issued by the administrator
 * (`npm run team-server -- token "label"`). A token is `r2p.<document>.<secret>`; the server keeps
 * only the secret's SHA-256 (secrets are 32 random bytes, so a plain hash is enough), in
 * `tokens.json` in its data folder. The file is read at every connection, so a token issued or
 * revoked while the server runs counts at once.
 */
import { createHash, randomBytes, timingSafeEqual } from 'node:crypto';
import { existsSync, mkdirSync, readFileSync, renameSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';

export interface TokenRecord {
  document: string;
  label: string;
  sha256: string;
  createdAt: string;
  revokedAt?: string;
  /** 'unshared': whoever shared the review stopped sharing; 'revoked': the administrator did. */
  revokedBecause?: 'unshared' | 'revoked';
}

interface TokenFile {
  format: 'r2p-lens-team-tokens';
  version: 1;
  tokens: TokenRecord[];
}

const TOKEN = /^r2p\.([a-z0-9]{16})\.([A-Za-z0-9_-]{32,128})$/;
const hash = (secret: string) => createHash('sha256').update(secret).digest('hex');

export class TokenStore {
  readonly file: string;
  readonly dataDir: string;
  constructor(dataDir: string) {
    this.dataDir = dataDir;
    this.file = join(dataDir, 'tokens.json');
  }

  list(): TokenRecord[] {
    if (!existsSync(this.file)) return [];
    const parsed = JSON.parse(readFileSync(this.file, 'utf8')) as Partial<TokenFile>;
    if (parsed.format !== 'r2p-lens-team-tokens' || !Array.isArray(parsed.tokens)) throw new Error(`${this.file} is not an R2P Lens token file.`);
    return parsed.tokens;
  }

  private save(tokens: TokenRecord[]) {
    mkdirSync(this.dataDir, { recursive: true, mode: 0o700 });
    const tmp = `${this.file}.tmp`;
    writeFileSync(tmp, JSON.stringify({ format: 'r2p-lens-team-tokens', version: 1, tokens } satisfies TokenFile, null, 2), { mode: 0o600 });
    renameSync(tmp, this.file);
  }

  /** A new token for a new review document; the token itself is shown once and never stored. */
  issue(label: string, now = new Date()): { token: string; record: TokenRecord } {
    const document = randomBytes(10).toString('hex').slice(0, 16);
    const secret = randomBytes(32).toString('base64url');
    const record: TokenRecord = { document, label: label.trim() || 'review', sha256: hash(secret), createdAt: now.toISOString() };
    this.save([...this.list(), record]);
    return { token: `r2p.${document}.${secret}`, record };
  }

  /** 'ok', or why the token does not open this document. */
  check(document: string, token: string): 'ok' | 'unshared' | 'permission-denied' {
    const m = TOKEN.exec(token);
    if (!m || m[1] !== document) return 'permission-denied';
    const record = this.list().find((r) => r.document === document);
    if (!record) return 'permission-denied';
    const a = Buffer.from(record.sha256, 'hex');
    const b = Buffer.from(hash(m[2]!), 'hex');
    if (a.length !== b.length || !timingSafeEqual(a, b)) return 'permission-denied';
    if (record.revokedAt) return record.revokedBecause === 'unshared' ? 'unshared' : 'permission-denied';
    return 'ok';
  }

  revoke(document: string, because: 'unshared' | 'revoked', now = new Date()): boolean {
    const tokens = this.list();
    const record = tokens.find((r) => r.document === document && !r.revokedAt);
    if (!record) return false;
    record.revokedAt = now.toISOString();
    record.revokedBecause = because;
    this.save(tokens);
    return true;
  }
}
