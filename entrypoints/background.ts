import { defineBackground } from 'wxt/utils/define-background';
import { registerEvidence } from '@/lib/background/evidence';
import { registerHighlight } from '@/lib/background/highlight';
import { registerReader } from '@/lib/background/reader';
import { registerWelcome } from '@/lib/background/welcome';

// Thin wiring only: each feature registers its listeners from lib/background/<feature>.ts.
// Listeners are registered synchronously at start, as MV3 service workers require.
export default defineBackground(() => {
  registerEvidence();
  registerHighlight();
  registerReader();
  registerWelcome();
});
