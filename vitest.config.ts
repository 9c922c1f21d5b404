import { defineConfig } from 'vitest/config';
import { WxtVitest } from 'wxt/testing/vitest-plugin';

export default defineConfig({
  test: {
    projects: [
      {
        plugins: [WxtVitest()],
        test: { name: 'unit', include: ['tests/unit/**/*.test.ts'], environment: 'node' },
      },
      {
        plugins: [WxtVitest()],
        test: {
          name: 'dom',
          include: ['tests/dom/**/*.test.{ts,tsx}'],
          environment: 'happy-dom',
          setupFiles: ['fake-indexeddb/auto'],
          // DOM tests that lay out the five real reports in happy-dom take 1-6 s on a quiet
          // two-core machine and three times that when it is busy: 5 s per test was too short.
          testTimeout: 20_000,
        },
      },
      {
        test: {
          name: 'e2e',
          include: ['tests/e2e/**/*.test.ts'],
          environment: 'node',
          // One Chromium at a time: the machines have two cores.
          fileParallelism: false,
          testTimeout: 60_000,
          hookTimeout: 90_000,
        },
      },
      {
        test: {
          name: 'e2e-firefox',
          include: ['tests/e2e-firefox/**/*.test.ts'],
          environment: 'node',
          // One Firefox at a time: the machines have two cores.
          fileParallelism: false,
          // A launch may take its whole 90 s and the welcome tab 30 s more on a loaded machine
          // (tests/e2e-firefox/harness.ts); each wait in a test is 30 s at most.
          testTimeout: 120_000,
          hookTimeout: 180_000,
        },
      },
    ],
  },
});
