// Serves /__stories__/index.js: every stories/*.stories.ts as a module list, read from disk at request
// time, so test/stories.test.ts checks a new stories file with no change to the test.
import {readdir} from 'node:fs/promises';
import path from 'node:path';

export function storiesIndexPlugin({rootDir = process.cwd()} = {}) {
  return {
    name: 'news-elements:stories-index',
    async serve(context) {
      if (context.path !== '/__stories__/index.js') return undefined;
      const files = (await readdir(path.join(rootDir, 'stories'))).filter((f) => f.endsWith('.stories.ts')).sort();
      const body =
        files.map((f, i) => `import * as m${i} from '/stories/${f}';`).join('\n') +
        `\nexport default [${files.map((f, i) => `[${JSON.stringify(f)}, m${i}]`).join(', ')}];\n`;
      return {body, type: 'js'};
    },
  };
}
