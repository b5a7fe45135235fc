// @custom-elements-manifest/analyzer config, used by `npm run build` (scripts/build.mjs runs
// `cem analyze`). The manifest describes the published package, so its module paths point at the
// built files (`dist/news-article.js`), not at the TypeScript sources the analyzer reads.

/**
 * The elements register through `define('news-article', NewsArticle)` (src/define.ts: it tolerates a
 * second copy of the package), which the analyzer doesn't know: record those calls as
 * `custom-element-definition` exports, as it does for `customElements.define()`, so every element gets
 * its `tagName`.
 */
function defineCalls() {
  return {
    name: 'news-elements/define-calls',
    analyzePhase({ts, node, moduleDoc}) {
      if (!ts.isCallExpression(node) || !ts.isIdentifier(node.expression) || node.expression.text !== 'define') return;
      const [tag, klass] = node.arguments;
      if (!tag || !klass || !ts.isStringLiteral(tag) || !ts.isIdentifier(klass)) return;
      moduleDoc.exports = [
        ...(moduleDoc.exports ?? []),
        {kind: 'custom-element-definition', name: tag.text, declaration: {name: klass.text, module: moduleDoc.path}},
      ];
    },
  };
}

/** Rewrites `src/foo.ts` → `dist/foo.js` in every `path` / `module` field of the manifest. */
function srcToDist() {
  const rewrite = (value) => value.replace(/^\/?src\/(.*)\.ts$/, 'dist/$1.js');
  const walk = (node) => {
    if (Array.isArray(node)) return node.forEach(walk);
    if (!node || typeof node !== 'object') return;
    for (const [key, value] of Object.entries(node)) {
      if ((key === 'path' || key === 'module') && typeof value === 'string') node[key] = rewrite(value);
      else walk(value);
    }
  };
  return {
    name: 'news-elements/src-to-dist',
    packageLinkPhase({customElementsManifest}) {
      walk(customElementsManifest);
    },
  };
}

export default {
  globs: ['src/**/*.ts'],
  exclude: ['src/**/*.test.ts', 'src/**/*.d.ts'],
  outdir: '.',
  litelement: true,
  // package.json's "customElements" is set once by hand (`npm pkg set`); don't rewrite package.json.
  packagejson: false,
  dependencies: false,
  plugins: [defineCalls(), srcToDist()],
};
