import type {StorybookConfig} from '@storybook/web-components-vite';

const config: StorybookConfig = {
  framework: '@storybook/web-components-vite',
  stories: ['../stories/**/*.stories.ts', '../stories/**/*.mdx'],
  addons: ['@storybook/addon-docs', '@storybook/addon-a11y'],
  // The demo photos, so stories work offline and in the static build.
  staticDirs: [{from: '../demo/images', to: '/demo/images'}],
  core: {disableTelemetry: true},
};

export default config;
