// Storybook for designers and component authors: the stories in stories/ render the BUILT
// @candor/elements package (imported by name, so Vite never compiles Lit decorators), with
// docs pages generated from packages/elements/custom-elements.json and axe checks per story.
// Build the packages first (`npm run build`); see the README's Storybook section.
import { existsSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import type { StorybookConfig } from '@storybook/web-components-vite';

const manifest = fileURLToPath(new URL('../packages/elements/custom-elements.json', import.meta.url));

const config: StorybookConfig = {
  stories: ['../stories/**/*.mdx', '../stories/**/*.stories.ts'],
  addons: ['@storybook/addon-docs', '@storybook/addon-a11y'],
  framework: { name: '@storybook/web-components-vite', options: {} },
  core: {
    // CI and the test run must never prompt, phone home or wait on the network.
    disableTelemetry: true,
    enableCrashReports: false,
    disableWhatsNewNotifications: true,
  },
  async viteFinal(vite) {
    // Without this check Vite fails deep in the preview with "failed to resolve import".
    if (!existsSync(manifest)) {
      throw new Error(
        'Storybook shows the built components and their manifest, and packages/elements/custom-elements.json ' +
          'does not exist yet: run `npm run build` first, then start Storybook again.',
      );
    }
    // Storybook's own preview (docs renderer, axe) is large by nature; the component budget is
    // enforced separately by test/node/size.test.ts.
    return { ...vite, build: { ...vite.build, chunkSizeWarningLimit: 2048 } };
  },
};

export default config;
