/**
 * `unknown` → validated value + problems. The boundary where untrusted JSON becomes typed data: elements
 * trust what comes out of here and never re-check it.
 *
 * Never throws. A problem in a part that can be left out (an array item, an optional field below the top
 * level) drops that part and is reported as a warning; the rest still renders. Anything else — input that
 * is not an object, a top-level field of the wrong type, an article with neither headline nor body — is
 * an error, and no value is returned.
 */
import * as v from 'valibot';
import {ArticleSchema, AuthorListSchema, BylineSchema, PhotoSchema, RelatedListSchema} from './schema.js';
import type {Article, Author, Byline, ParseResult, Photo, Problem, RelatedItem} from './types.js';

type Key = string | number;
type AnySchema = v.GenericSchema & {
  wrapped?: AnySchema;
  item?: AnySchema;
  entries?: Record<string, AnySchema>;
  options?: AnySchema[];
};

/** Deeper than any part of the contract; cuts cycles and stack-busting nesting in property input. */
const MAX_DEPTH = 24;

/** Keys an object schema (or any object option of a union) knows. */
function knownKeys(schema: AnySchema | undefined): string[] {
  const s = unwrap(schema);
  if (!s) return [];
  return [...new Set([...Object.keys(s.entries ?? {}), ...(s.options ?? []).flatMap(knownKeys)])];
}

/**
 * A copy of what the contract reads, and nothing else: null-prototype objects, so `__proto__` keys stay
 * inert data and dropped parts can be deleted; only the keys the schema knows, so the work is bounded by
 * the contract's shape, not by whatever else the input holds (shared references, cycles, huge unknown
 * fields). A value of the wrong kind keeps its kind (an empty array or object) for the error message.
 */
function copy(value: unknown, schema: AnySchema | undefined, depth = 0): unknown {
  if (value === null || typeof value !== 'object') {
    return typeof value === 'function' || typeof value === 'symbol' || typeof value === 'bigint'
      ? undefined
      : value;
  }
  if (depth >= MAX_DEPTH) return undefined;
  const s = unwrap(schema);
  if (Array.isArray(value)) {
    return s?.type === 'array' ? Array.from(value, (item) => copy(item, s.item, depth + 1)) : [];
  }
  const out: Record<string, unknown> = Object.create(null);
  for (const key of knownKeys(s)) {
    if (Object.prototype.hasOwnProperty.call(value, key)) {
      out[key] = copy((value as Record<string, unknown>)[key], child(s, key), depth + 1);
    }
  }
  return out;
}

/** `['related', 2, 'url']` → `$.related[2].url` */
export function jsonPath(keys: readonly Key[]): string {
  return keys.reduce<string>(
    (path, key) =>
      typeof key === 'number'
        ? `${path}[${key}]`
        : /^[A-Za-z_$][\w$]*$/.test(key)
          ? `${path}.${key}`
          : `${path}[${JSON.stringify(key)}]`,
    '$',
  );
}

function unwrap(schema: AnySchema | undefined): AnySchema | undefined {
  while (schema?.type === 'optional') schema = schema.wrapped;
  return schema;
}

function child(schema: AnySchema | undefined, key: Key): AnySchema | undefined {
  const s = unwrap(schema);
  if (!s) return undefined;
  if (s.type === 'array') return s.item;
  if (s.entries && typeof key === 'string') return s.entries[key];
  for (const option of s.options ?? []) {
    const found = child(option, key);
    if (found) return found;
  }
  return undefined;
}

/**
 * The smallest part that can be dropped to get rid of the issue at `keys`: the nearest array item or
 * optional field. `undefined` when the issue is fatal.
 */
function droppable(root: AnySchema, keys: readonly Key[], kind: string): readonly Key[] | undefined {
  if (keys.length === 0) return undefined;
  // A top-level field of the wrong type means the feed itself is broken: say so rather than guess.
  if (keys.length === 1 && kind === 'schema') return undefined;
  const schemas: (AnySchema | undefined)[] = [root];
  for (const key of keys) schemas.push(child(schemas[schemas.length - 1], key));
  for (let i = keys.length - 1; i >= 0; i--) {
    const parent = unwrap(schemas[i]);
    if (parent?.type === 'array') return keys.slice(0, i + 1);
    // A teaser or author whose link we refuse is dropped whole: the link may be the attack, and a
    // related item that no longer goes where it said is misleading.
    const inListItem = i >= 1 && unwrap(schemas[i - 1])?.type === 'array';
    if (schemas[i + 1]?.type === 'optional' && !(keys[i] === 'url' && inListItem)) return keys.slice(0, i + 1);
  }
  return undefined;
}

function remove(data: unknown, keys: readonly Key[]): void {
  let node = data as Record<Key, unknown>;
  for (const key of keys.slice(0, -1)) node = node?.[key] as Record<Key, unknown>;
  const last = keys[keys.length - 1]!;
  // Mark array items now, splice after all marks, so earlier indices stay valid.
  if (Array.isArray(node)) node[last as number] = REMOVED;
  else if (node) delete node[last];
}
const REMOVED = Symbol('removed');
function sweep(value: unknown): void {
  if (Array.isArray(value)) {
    for (let i = value.length - 1; i >= 0; i--) if (value[i] === REMOVED) value.splice(i, 1);
    value.forEach(sweep);
  } else if (value && typeof value === 'object') {
    Object.values(value).forEach(sweep);
  }
}

/** Validates `input` against `schema`, dropping what can be dropped. Never throws. */
export function parseWith<S extends v.GenericSchema>(
  schema: S,
  input: unknown,
): ParseResult<v.InferOutput<S>> {
  const problems: Problem[] = [];
  let data: unknown;
  try {
    data = copy(input, schema as AnySchema);
  } catch (error) {
    // A throwing getter or a revoked proxy in property input.
    problems.push({path: '$', message: `unreadable input: ${String(error)}`, severity: 'error'});
    return {value: undefined, problems};
  }
  // Each round drops at least one part, so this ends; the bound is a guard, not a limit anyone meets.
  for (let round = 0; round < 100; round++) {
    // Valibot's object() takes arrays; the contract never does. Those are type errors like any other.
    const arrays = arraysForObjects(schema as AnySchema, data, []);
    const result = arrays.length ? {success: false as const, issues: arrays} : v.safeParse(schema, data);
    if (result.success) return {value: result.output, problems};
    const dropped = new Set<string>();
    for (const issue of result.issues) {
      const keys = (issue.path ?? []).map((item) => item.key as Key);
      const target = droppable(schema as AnySchema, keys, issue.kind);
      const detail = `${jsonPath(keys)}: ${describe(issue)}`;
      if (!target) {
        problems.push({path: jsonPath(keys), message: detail, severity: 'error'});
        return {value: undefined, problems};
      }
      const path = jsonPath(target);
      if (dropped.has(path)) continue;
      dropped.add(path);
      problems.push({path, message: `${path} dropped (${detail})`, severity: 'warning'});
      remove(data, target);
    }
    sweep(data);
  }
  problems.push({path: '$', message: 'input could not be repaired', severity: 'error'});
  return {value: undefined, problems};
}

type Issue = Pick<v.BaseIssue<unknown>, 'kind' | 'expected' | 'input' | 'message'> & {path?: {key: unknown}[]};

/** Where the data has an array and the schema an object, as schema issues with their paths. */
function arraysForObjects(schema: AnySchema | undefined, data: unknown, keys: Key[]): Issue[] {
  const s = unwrap(schema);
  if (!s || data === null || typeof data !== 'object') return [];
  if (Array.isArray(data)) {
    if (s.type === 'object') {
      const issue: Issue = {kind: 'schema', expected: 'Object', input: data, message: 'expected Object'};
      return [keys.length ? {...issue, path: keys.map((key) => ({key}))} : issue];
    }
    return s.type === 'array' ? data.flatMap((item, i) => arraysForObjects(s.item, item, [...keys, i])) : [];
  }
  return Object.keys(data).flatMap((key) => {
    const entry = child(s, key);
    return entry ? arraysForObjects(entry, (data as Record<string, unknown>)[key], [...keys, key]) : [];
  });
}

function describe(issue: Issue): string {
  if (issue.kind === 'schema') {
    const received = Array.isArray(issue.input) ? 'array' : issue.input === null ? 'null' : typeof issue.input;
    return `expected ${issue.expected}, received ${received}`;
  }
  return issue.message;
}

/** Validates an article. `value` is undefined when the input cannot be rendered. */
export function parseArticle(input: unknown): {article: Article | undefined; problems: Problem[]} {
  const {value, problems} = parseWith(ArticleSchema, input);
  return {article: value, problems};
}

export const parsePhoto = (input: unknown): ParseResult<Photo> => parseWith(PhotoSchema, input);
export const parseRelated = (input: unknown): ParseResult<RelatedItem[]> => parseWith(RelatedListSchema, input);
export const parseAuthors = (input: unknown): ParseResult<Author[]> => parseWith(AuthorListSchema, input);
export const parseByline = (input: unknown): ParseResult<Byline> => parseWith(BylineSchema, input);
