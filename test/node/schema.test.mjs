// dist/article.schema.json, checked in Node (`npm run test:node`, node's built-in test runner).
// The schema is generated in-process exactly as `npm run build` does (scripts/build-schema.mjs), so this
// needs no build. A real JSON Schema 2020-12 validator (Ajv, with formats) checks the fixtures and known-bad
// documents; each verdict is compared with the elements' own validation (parseArticle, which accepts a
// document when it finds no problem in it) on the same document, so the schema and the contract it is
// generated from can't drift apart unnoticed.

import {test, before} from 'node:test';
import assert from 'node:assert/strict';
import {readFile} from 'node:fs/promises';
import Ajv2020 from 'ajv/dist/2020.js';
import addFormats from 'ajv-formats';
import {buildArticleSchema, loadSchemaModule} from '../../scripts/build-schema.mjs';

const fixture = async (name) => JSON.parse(await readFile(new URL(`../fixtures/${name}`, import.meta.url), 'utf8'));

let schema;
let runtimeOnly;
let validate;
let contract;

before(async () => {
  contract = await loadSchemaModule();
  ({schema, runtimeOnly} = await buildArticleSchema({module: contract}));
  // strict: unknown keywords, formats or ill-formed schema parts are errors, not silently ignored.
  const ajv = new Ajv2020({strict: true, allErrors: true});
  addFormats(ajv);
  validate = ajv.compile(schema);
});

/** Ajv's verdict, with its errors for the assertion message. */
function check(doc) {
  const ok = validate(doc);
  return {ok, errors: validate.errors ?? [], text: ajv2text(validate.errors)};
}
const ajv2text = (errors) => (errors ?? []).map((e) => `${e.instancePath || '/'} ${e.keyword}: ${e.message}`).join('\n');
/** The elements take the document whole: an article, and not one problem found. */
const contractAccepts = (doc) => {
  const {article, problems} = contract.parseArticle(doc);
  return article !== undefined && problems.length === 0;
};

test('is a JSON Schema 2020-12 with $id, title and description', () => {
  assert.equal(schema.$schema, 'https://json-schema.org/draft/2020-12/schema');
  assert.match(schema.$id, /^https:\/\/.+\/article\.schema\.json$/);
  assert.equal(typeof schema.title, 'string');
  assert.ok(schema.title.length > 0);
  assert.equal(typeof schema.description, 'string');
  assert.ok(schema.description.length > 0);
  assert.equal(schema.type, 'object');
  for (const key of ['headline', 'authors', 'image', 'body', 'related', 'publisher']) {
    assert.ok(schema.properties?.[key], `no property ${key}`);
  }
});

test('the rules only code can check are the known four', () => {
  assert.deepEqual(runtimeOnly.sort(), [
    'URL must be http(s), mailto, tel or relative',
    'every srcset URL must be http(s) or relative',
    'expected a BCP 47 language tag',
    'expected an ISO 8601 date',
  ]);
});

for (const name of ['seed.json', 'english.json']) {
  test(`fixture ${name} is valid`, async () => {
    const doc = await fixture(name);
    const {ok, text} = check(doc);
    assert.ok(ok, `${name} rejected:\n${text}`);
    assert.ok(contractAccepts(doc), `${name}: the elements reject it`);
  });
}

// [name, document, the instancePath an error must point at]
const BAD = [
  ['headline is a number', {headline: 5}, '/headline'],
  ['authors is not an array', {authors: 5, headline: 'x'}, '/authors'],
  ['image is a string', {headline: 'x', image: 'x'}, '/image'],
  ['image without src', {headline: 'x', image: {alt: 'a'}}, '/image'],
  ['image width 0', {headline: 'x', image: {src: '/a.jpg', width: 0}}, '/image/width'],
  ['image width not an integer', {headline: 'x', image: {src: '/a.jpg', width: 1.5}}, '/image/width'],
  ['empty author name', {headline: 'x', authors: ['']}, '/authors/0'],
  ['author object without name', {headline: 'x', authors: [{role: 'Editor'}]}, '/authors/0'],
  ['related item with neither headline nor summary', {headline: 'x', related: [{url: 'https://example.org/a'}]}, '/related/0'],
  ['related item with an empty headline', {headline: 'x', related: [{headline: ''}]}, '/related/0'],
  ['related is an object', {headline: 'x', related: {headline: 'y'}}, '/related'],
  ['continuation without text', {headline: 'x', continuation: {}}, '/continuation'],
  ['publisher with an empty name', {headline: 'x', publisher: {name: ''}}, '/publisher/name'],
  ['datePublished is not a date', {headline: 'x', datePublished: 'yesterday'}, '/datePublished'],
  ['neither headline nor body', {section: 'News'}, ''],
  ['whitespace-only headline and no body', {headline: ' \n\t\u3000'}, ''],
  ['an array', [{headline: 'x'}], ''],
  ['a string', 'headline', ''],
];

for (const [name, doc, at] of BAD) {
  test(`rejects: ${name}`, () => {
    const {ok, errors, text} = check(doc);
    assert.equal(ok, false, `accepted: ${JSON.stringify(doc)}`);
    assert.ok(
      errors.some((e) => e.instancePath === at),
      `no error at "${at}" for ${JSON.stringify(doc)}:\n${text}`,
    );
    assert.equal(contractAccepts(doc), false, `the elements accept ${JSON.stringify(doc)}`);
  });
}

const GOOD = [
  ['headline only', {headline: 'x'}],
  ['body only', {body: '# Title\n\nText'}],
  ['blank headline but a body', {headline: '', body: 'Text'}],
  ['related item with a summary only', {headline: 'x', related: [{summary: 's'}]}],
  ['author as string and as object', {headline: 'x', authors: ['A', {name: 'B', role: 'Photos', url: '/b'}]}],
  ['date-time with offset', {headline: 'x', datePublished: '2026-04-12T07:30:00+01:00'}],
  ['unknown properties (ignored by the elements)', {headline: 'x', '@context': 'https://schema.org', extra: 1}],
];

for (const [name, doc] of GOOD) {
  test(`accepts: ${name}`, () => {
    const {ok, text} = check(doc);
    assert.ok(ok, `rejected ${JSON.stringify(doc)}:\n${text}`);
    assert.ok(contractAccepts(doc), `the elements reject ${JSON.stringify(doc)}`);
  });
}

// Where the schema and the elements knowingly disagree: rules that only code can check (the schema is
// looser), and the `format`s from v.metadata() that are stricter than the code. Listed so that a change
// on either side shows up here.
const KNOWN_GAPS = [
  ['javascript: URL (safe-url.ts is runtime-only)', {headline: 'x', url: 'javascript:alert(1)'}, {schema: true, contract: false}],
  ['invalid language tag (runtime-only)', {headline: 'x', lang: 'not a tag'}, {schema: true, contract: false}],
  ['date without a time ("date-time" format is stricter)', {headline: 'x', datePublished: '2026-04-12'}, {schema: false, contract: true}],
];

for (const [name, doc, expected] of KNOWN_GAPS) {
  test(`known gap: ${name}`, () => {
    assert.deepEqual({schema: check(doc).ok, contract: contractAccepts(doc)}, expected);
  });
}
