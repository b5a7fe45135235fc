// The JSON Schema of the article contract, generated from the Valibot schemas in src/model/schema.ts
// (the single source of truth). Used by scripts/build.mjs (→ dist/article.schema.json) and by
// test/node/schema.test.mjs, which builds it in-process the same way.
//
//   node scripts/build-schema.mjs            prints the schema
//   node scripts/build-schema.mjs out.json   writes it
//
// What JSON Schema can't say: Valibot `v.check()` runs code. The two cross-field rules ("an article needs
// a headline or a body", "a related item needs a headline or a summary") are translated below by their
// message; a new object-level check with no translation is reported in `unconverted` (the node test
// fails on it). Checks on single strings stay runtime-only — the URL scheme allowlist (safe-url.ts),
// BCP 47 language tags, srcset URLs, real calendar dates — and the `format` that `v.metadata()` puts on
// Url ("uri-reference") and IsoDate ("date-time") is emitted as it stands.

import {readFile, writeFile} from 'node:fs/promises';
import {fileURLToPath} from 'node:url';
import * as esbuild from 'esbuild';
import {toJsonSchema} from '@valibot/to-json-schema';

const root = fileURLToPath(new URL('..', import.meta.url));

/** The Valibot schemas of src/model/schema.ts (bundled with valibot itself), plus valibot's `safeParse`. */
export async function loadSchemaModule() {
  const result = await esbuild.build({
    stdin: {
      contents: "export * from './src/model/schema.ts';\nexport {safeParse} from 'valibot';\n",
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
  const code = result.outputFiles[0].text;
  // Self-contained (no bare imports left), so a data: URL module needs no temp file and no resolution.
  return import(`data:text/javascript;base64,${Buffer.from(code).toString('base64')}`);
}

// Cross-field `v.check()`s, by their message in src/model/schema.ts, as JSON Schema. Same semantics:
// `!!s` on a string is minLength 1; `!!s.trim()` is "has a non-whitespace character" (JS `trim()` and
// `\s` strip the same characters).
const CROSS_FIELD = {
  'an article needs a headline or a body': {
    anyOf: [
      {required: ['headline'], properties: {headline: {type: 'string', pattern: '\\S'}}},
      {required: ['body'], properties: {body: {type: 'string', pattern: '\\S'}}},
    ],
  },
  'a related item needs a headline or a summary': {
    anyOf: [
      {required: ['headline'], properties: {headline: {type: 'string', minLength: 1}}},
      {required: ['summary'], properties: {summary: {type: 'string', minLength: 1}}},
    ],
  },
  'a continuation needs text or a page number': {
    anyOf: [
      {required: ['text'], properties: {text: {type: 'string', minLength: 1}}},
      {required: ['page'], properties: {page: {type: 'integer', minimum: 1}}},
    ],
  },
};

/**
 * Builds the JSON Schema (draft 2020-12) of an article.
 * @param {{module?: object, version?: string}} [options] `module`: from {@link loadSchemaModule} (loaded when absent).
 * @returns {Promise<{schema: object, unconverted: string[], runtimeOnly: string[]}>}
 */
export async function buildArticleSchema(options = {}) {
  const m = options.module ?? (await loadSchemaModule());
  const version = options.version ?? JSON.parse(await readFile(new URL('../package.json', import.meta.url), 'utf8')).version;
  const unconverted = new Set();
  const runtimeOnly = new Set();

  const generated = toJsonSchema(m.ArticleSchema, {
    target: 'draft-2020-12',
    errorMode: 'ignore',
    // Shared parts become $defs with $refs instead of being inlined at every use.
    definitions: {
      Photo: m.PhotoSchema,
      Author: m.AuthorSchema,
      RelatedItem: m.RelatedItemSchema,
      Continuation: m.ContinuationSchema,
      Publisher: m.PublisherSchema,
    },
    overrideAction({valibotAction, jsonSchema}) {
      if (valibotAction.type !== 'check') return undefined;
      const rule = CROSS_FIELD[valibotAction.message];
      if (rule) return jsonSchema.anyOf ? {...jsonSchema, allOf: [...(jsonSchema.allOf ?? []), rule]} : {...jsonSchema, ...rule};
      (jsonSchema.type === 'object' ? unconverted : runtimeOnly).add(valibotAction.message ?? '(check without a message)');
      return undefined;
    },
  });

  const {$schema, ...rest} = generated;
  const schema = {
    $schema,
    $id: `https://cdn.jsdelivr.net/npm/news-elements@${version}/dist/article.schema.json`,
    title: 'News article',
    description:
      `A news article as read by <news-article> (news-elements ${version}): JSON data, or inline in ` +
      '<script type="application/json">. Generated from src/model/schema.ts. The elements check more at run ' +
      'time than this schema can say: URLs must be http(s), mailto, tel or relative; `lang` must be a BCP 47 ' +
      'tag; dates must be real dates. Unknown properties are ignored.',
    ...rest,
  };
  return {schema, unconverted: [...unconverted], runtimeOnly: [...runtimeOnly]};
}

// CLI
if (process.argv[1] && fileURLToPath(import.meta.url) === process.argv[1]) {
  const {schema, unconverted} = await buildArticleSchema();
  const json = `${JSON.stringify(schema, null, 2)}\n`;
  if (process.argv[2]) await writeFile(process.argv[2], json);
  else process.stdout.write(json);
  if (unconverted.length) console.warn(`warning: v.check() not in the JSON Schema: ${unconverted.join('; ')}`);
}
