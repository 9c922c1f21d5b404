import { defineBackground } from 'wxt/utils/define-background';

// Thin wiring only: each feature registers its listeners from lib/background/<feature>.ts.
// Listeners are registered synchronously at start, as MV3 service workers require.
export default defineBackground(() => {});
