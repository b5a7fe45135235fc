// The JSON Schema of the article contract, generated from the descriptions in src/model/schema.ts (the
// single source of truth, which the elements also validate with at run time). Used by scripts/build.mjs
// (→ dist/article.schema.json) and by test/node/schema.test.mjs, which builds it in-process the same way.
//
//   node scripts/build-schema.mjs            prints the schema
//   node scripts/build-schema.mjs out.json   writes it
//
// What JSON Schema can't say: a string `rule` runs code. Those stay runtime-only — the URL scheme
// allowlist (safe-url.ts), BCP 47 language tags, srcset URLs, real calendar dates — and are listed in
// `runtimeOnly`; the `format` a string declares ("uri-reference", "date-time") is emitted as it stands.
// The cross-field rules (`need`: "a headline or a body") become `anyOf`s of `required`.

import {readFile, writeFile} from 'node:fs/promises';
import {fileURLToPath} from 'node:url';
import * as esbuild from 'esbuild';

const root = fileURLToPath(new URL('..', import.meta.url));

/** src/model/schema.ts and parseArticle, bundled for Node. */
export async function loadSchemaModule() {
  const result = await esbuild.build({
    stdin: {
      contents: "export * from './src/model/schema.ts';\nexport {parseArticle} from './src/model/parse.ts';\n",
      resolveDir: root,
      sourcefile: 'schema-entry.ts',
      loader: 'ts',
    },
    absWorkingDir: root,
    bundle: true,
    format: 'esm',
    platform: 'neutral',
    target: 'node20',
    write: false,
    logLevel: 'silent',
  });
  // Self-contained (no imports left), so a data: URL module needs no temp file and no resolution.
  return import(`data:text/javascript;base64,${Buffer.from(result.outputFiles[0].text).toString('base64')}`);
}

/**
 * Builds the JSON Schema (draft 2020-12) of an article.
 * @param {{module?: object, version?: string}} [options] `module`: from {@link loadSchemaModule} (loaded when absent).
 * @returns {Promise<{schema: object, runtimeOnly: string[]}>}
 */
export async function buildArticleSchema(options = {}) {
  const m = options.module ?? (await loadSchemaModule());
  const version = options.version ?? JSON.parse(await readFile(new URL('../package.json', import.meta.url), 'utf8')).version;
  const defs = {};
  const runtimeOnly = new Set();

  /** A description → its JSON Schema; named objects and unions go to `$defs`, used by `$ref`. */
  function convert(node, top = false) {
    if (node.name && !top) {
      if (!(node.name in defs)) {
        defs[node.name] = null; // taken, in case of recursion
        defs[node.name] = convert(node, true);
      }
      return {$ref: `#/$defs/${node.name}`};
    }
    switch (node.k) {
      case 's':
        if (node.rule) runtimeOnly.add(node.why);
        return {type: 'string', ...(node.min ? {minLength: node.min} : {}), ...(node.format ? {format: node.format} : {})};
      case 'i':
        return {type: 'integer', minimum: node.min, maximum: node.max};
      case 'a':
        return {type: 'array', items: convert(node.of)};
      case 'u':
        return {anyOf: node.of.map((option) => convert(option))};
      case 'o': {
        const schema = {type: 'object', properties: Object.fromEntries(Object.entries(node.props).map(([k, v]) => [k, convert(v)]))};
        if (node.required.length) schema.required = [...node.required];
        if (node.need) {
          // "at least one of these, non-empty": a string with a character (a non-space one under `trim`,
          // as JS `trim()` and `\s` strip the same characters), or any valid value of another kind.
          schema.anyOf = node.need.map((key) => {
            const field = node.props[key];
            const filled = field.k === 's' ? (node.trim ? {type: 'string', pattern: '\\S'} : {type: 'string', minLength: 1}) : convert(field);
            return {required: [key], properties: {[key]: filled}};
          });
        }
        return schema;
      }
      default:
        throw new Error(`unknown description kind ${JSON.stringify(node.k)}`);
    }
  }

  const body = convert(m.ArticleSchema, true);
  const schema = {
    $schema: 'https://json-schema.org/draft/2020-12/schema',
    $id: `https://cdn.jsdelivr.net/npm/news-elements@${version}/dist/article.schema.json`,
    title: 'News article',
    description:
      `A news article as read by <news-article> (news-elements ${version}): JSON data, or inline in ` +
      '<script type="application/json">. Generated from src/model/schema.ts. The elements check more at run ' +
      'time than this schema can say: URLs must be http(s), mailto, tel or relative; `lang` must be a BCP 47 ' +
      'tag; dates must be real dates. Unknown properties are ignored.',
    ...body,
    $defs: defs,
  };
  return {schema, runtimeOnly: [...runtimeOnly]};
}

// CLI
if (process.argv[1] && fileURLToPath(import.meta.url) === process.argv[1]) {
  const {schema} = await buildArticleSchema();
  const json = `${JSON.stringify(schema, null, 2)}\n`;
  if (process.argv[2]) await writeFile(process.argv[2], json);
  else process.stdout.write(json);
}
