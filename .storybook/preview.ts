import type {Preview} from '@storybook/web-components-vite';
import {setCustomElementsManifest} from '@storybook/web-components-vite';
// Generated from the JSDoc of src/ by `npm run manifest` (run before `storybook` and `build-storybook`).
import manifest from '../custom-elements.json';
import '../src/index.js';

setCustomElementsManifest(manifest);

const preview: Preview = {
  parameters: {
    controls: {expanded: true, matchers: {date: /^date/i}},
    docs: {toc: true},
    a11y: {test: 'error'},
    backgrounds: {
      options: {
        light: {name: 'Light page', value: '#ffffff'},
        paper: {name: 'Newsprint', value: '#f4f1ea'},
        dark: {name: 'Dark page', value: '#151515'},
      },
    },
  },
  initialGlobals: {locale: 'zh-CN', theme: 'light'},
  globalTypes: {
    locale: {
      description: 'UI language of the elements (the article keeps its own language)',
      toolbar: {
        title: 'Locale',
        icon: 'globe',
        items: [
          {value: 'zh-CN', title: '简体中文 (zh-CN)'},
          {value: 'zh-TW', title: '繁體中文 (zh-TW)'},
          {value: 'en', title: 'English (en)'},
          {value: 'ja', title: '日本語 (ja)'},
          {value: 'ar', title: 'العربية (ar)'},
        ],
        dynamicTitle: true,
      },
    },
    theme: {
      description: 'Colour theme of the elements',
      toolbar: {
        title: 'Theme',
        icon: 'mirror',
        items: [
          {value: 'light', title: 'Light'},
          {value: 'dark', title: 'Dark'},
          {value: 'auto', title: 'Auto (prefers-color-scheme)'},
        ],
        dynamicTitle: true,
      },
    },
  },
};

export default preview;
