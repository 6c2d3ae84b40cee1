// @web/test-runner in Debian's Chromium: the shared core tests (test/core) and the component
// tests (test/elements). TypeScript is compiled by esbuild with the root tsconfig (Lit's
// experimental decorators); packages are imported by name and resolve to their built dist.
import { esbuildPlugin } from '@web/dev-server-esbuild';
import { chromeLauncher } from '@web/test-runner-chrome';
import { defaultReporter } from '@web/test-runner';
import { a11ySnapshotPlugin } from '@web/test-runner-commands/plugins';
import { mkdirSync, writeFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { chromiumLaunchOptions } from './support/chromium.mjs';
import { failDownloadOnce } from './support/fail-download-middleware.mjs';
import { forcedColorsPlugin } from './support/forced-colors-plugin.mjs';
import { reactEsmPlugin } from './support/react-esm-plugin.mjs';

/** Counts every test across sessions and writes test-results/browser.json (or $CANDOR_WTR_RESULTS.json) for test/run.mjs. */
function countingReporter() {
  return {
    onTestRunFinished({ sessions }) {
      let passed = 0;
      let failed = 0;
      let skipped = 0;
      const walk = (suite) => {
        for (const t of suite.tests ?? []) {
          if (t.skipped) skipped++;
          else if (t.passed) passed++;
          else failed++;
        }
        for (const s of suite.suites ?? []) walk(s);
      };
      for (const session of sessions) {
        if (session.testResults) walk(session.testResults);
        // A file that failed to load or threw outside a test counts as one failure.
        if (!session.passed && (session.errors?.length ?? 0) > 0) failed++;
      }
      mkdirSync('test-results', { recursive: true });
      writeFileSync(`test-results/${process.env.CANDOR_WTR_RESULTS ?? 'browser'}.json`, JSON.stringify({ passed, failed, skipped }));
    },
  };
}

const group = process.env.CANDOR_WTR_FILES;

export default {
  // test/elements/isolated/ runs on its own (test/run.mjs): its tests make downloads fail, and Chromium can hand that failure to other pages.
  files: group ? group.split(',') : ['test/core/**/*.test.ts', 'test/elements/**/*.test.ts', 'test/elements/**/*.test.tsx', '!test/elements/isolated/**'],
  nodeResolve: { exportConditions: ['browser', 'import', 'default'] },
  concurrency: Number(process.env.CANDOR_WTR_CONCURRENCY ?? 2),
  testsFinishTimeout: 300000,
  // A loaded two-core machine can take longer than the default 30 s to open a page.
  browserStartTimeout: 120000,
  testFramework: { config: { timeout: 30000 } },
  middleware: [failDownloadOnce],
  plugins: [
    reactEsmPlugin(),
    esbuildPlugin({ ts: true, tsx: true, target: 'es2022', tsconfig: fileURLToPath(new URL('../tsconfig.json', import.meta.url)) }),
    forcedColorsPlugin(),
    a11ySnapshotPlugin(),
  ],
  browsers: [
    chromeLauncher({
      // One browser context per page: with concurrency 2, pages sharing a context are
      // backgrounded and get no requestAnimationFrame / ResizeObserver callbacks, so tests hang.
      createPage: async ({ browser }) => (await browser.createBrowserContext()).newPage(),
      launchOptions: {
        ...chromiumLaunchOptions(),
        headless: true,
      },
    }),
  ],
  reporters: [defaultReporter({ reportTestResults: true, reportTestProgress: false }), countingReporter()],
};
