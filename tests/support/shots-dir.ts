/**
 * Where browser tests leave their screenshots to be looked at: a temporary folder, so a test run
 * leaves the tree as it found it. `npm run screenshots` points it at docs/screenshots, the
 * README's pictures.
 */
import { tmpdir } from 'node:os';
import { join } from 'node:path';

export const SHOTS_DIR = process.env.R2P_SHOTS_DIR ?? join(tmpdir(), 'r2p-lens-screenshots');
