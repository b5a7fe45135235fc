// JSON modules for test pages: `import seed from '../test/fixtures/seed.json'` works in Vite (Storybook,
// the demo) but a browser refuses a JSON response as a script. Imports of .json in served modules are
// rewritten to `?json-module`, which this plugin answers with `export default <json>` as JavaScript.
// A plain fetch('/test/fixtures/seed.json') is untouched and still gets JSON.
import {readFile} from 'node:fs/promises';
import path from 'node:path';

export function jsonModulesPlugin({rootDir = process.cwd()} = {}) {
  return {
    name: 'news-elements:json-modules',
    transformImport({source}) {
      if (/\.json$/.test(source) && !source.includes('?')) return `${source}?json-module`;
      return undefined;
    },
    async serve(context) {
      if (!context.path.endsWith('.json') || !context.URL.searchParams.has('json-module')) return undefined;
      const file = path.join(rootDir, decodeURIComponent(context.path));
      if (!file.startsWith(path.resolve(rootDir) + path.sep)) return undefined;
      const json = await readFile(file, 'utf8');
      JSON.parse(json); // a broken fixture fails here, with its name, not as a syntax error in the page
      return {body: `export default ${json.trim()};\n`, type: 'js'};
    },
  };
}
