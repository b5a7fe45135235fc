/**
 * `unknown` → validated value + problems. The boundary where untrusted JSON becomes typed data: elements
 * trust what comes out of here and never re-check it.
 *
 * Never throws. A problem in a part that can be left out (an array item, an optional field) drops that
 * part and is reported as a warning; the rest still renders. Anything else — input that is not an object,
 * a top-level field of the wrong type, an article with neither headline nor body — is an error, and no
 * value is returned.
 *
 * The walk follows the contract, not the input: it reads only the keys the contract knows, own
 * properties only, into fresh objects. So its work is bounded by the contract's shape whatever the input
 * holds (cycles, shared references, huge unknown fields), `__proto__` keys stay inert, and the input is
 * never changed.
 */
import {ArticleSchema, AuthorListSchema, BylineSchema, PhotoSchema, RelatedListSchema, type Node} from './schema.js';
import type {Article, Author, Byline, ParseResult, Photo, Problem, RelatedItem} from './types.js';

/** A part that does not fit the contract; `type` when it is the wrong kind of value or missing. */
class Invalid {
  constructor(
    readonly path: string,
    readonly detail: string,
    readonly type = false,
  ) {}
}

const kind = (value: unknown): string => (Array.isArray(value) ? 'array' : value === null ? 'null' : typeof value);
const wrong = (path: string, expected: string, value: unknown): never => {
  throw new Invalid(path, `expected ${expected}, received ${kind(value)}`, true);
};

/** What a field holds: own data only; functions and the like count as absent, as in JSON. */
function own(value: object, key: string): unknown {
  if (!Object.prototype.hasOwnProperty.call(value, key)) return undefined;
  const field = (value as Record<string, unknown>)[key];
  return typeof field === 'function' || typeof field === 'symbol' || typeof field === 'bigint' ? undefined : field;
}

function drop(error: unknown, path: string, problems: Problem[]): void {
  if (!(error instanceof Invalid)) throw error;
  problems.push({path, message: `${path} dropped (${error.path}: ${error.detail})`, severity: 'warning'});
}

/** Checks `value` against `node` and returns a copy of what fits; throws {@link Invalid} when it can't. */
function walk(node: Node, value: unknown, path: string, problems: Problem[], root = false): unknown {
  switch (node.k) {
    case 's':
      if (typeof value !== 'string') wrong(path, 'string', value);
      if (node.min && !value) throw new Invalid(path, 'must not be empty');
      if (node.rule && !node.rule(value as string)) throw new Invalid(path, node.why!);
      return value;
    case 'i':
      if (typeof value !== 'number' || Number.isNaN(value)) wrong(path, 'number', value);
      if (!Number.isInteger(value) || (value as number) < node.min || (value as number) > node.max) {
        throw new Invalid(path, `expected an integer from ${node.min} to ${node.max}`);
      }
      return value;
    case 'a': {
      if (!Array.isArray(value)) wrong(path, 'Array', value);
      const out: unknown[] = [];
      (value as unknown[]).forEach((item, i) => {
        try {
          out.push(walk(node.of, item, `${path}[${i}]`, problems));
        } catch (error) {
          drop(error, `${path}[${i}]`, problems);
        }
      });
      return out;
    }
    case 'u': {
      for (const option of node.of) {
        try {
          return walk(option, value, path, problems);
        } catch (error) {
          // The option of the right kind says what is wrong inside it.
          if (!(error instanceof Invalid) || !error.type || error.path !== path) throw error;
        }
      }
      return wrong(path, node.of.map((o) => (o.k === 's' ? 'string' : 'Object')).join(' or '), value);
    }
    case 'o': {
      if (!value || typeof value !== 'object' || Array.isArray(value)) wrong(path, 'Object', value);
      const out: Record<string, unknown> = {};
      for (const key of Object.keys(node.props)) {
        const at = `${path}.${key}`;
        const field = own(value as object, key);
        const required = node.required.includes(key);
        if (field === undefined) {
          if (required) throw new Invalid(at, 'required', true);
          continue;
        }
        try {
          out[key] = walk(node.props[key]!, field, at, problems);
        } catch (error) {
          // A top-level field of the wrong type means the feed itself is broken: say so rather than guess.
          const fatal = required || node.vital === true || node.vital?.includes(key) || (root && (error as Invalid).type && (error as Invalid).path === at);
          if (fatal) throw error;
          drop(error, at, problems);
        }
      }
      const filled = (key: string) => {
        const field = out[key];
        return typeof field === 'string' ? !!(node.trim ? field.trim() : field) : field !== undefined;
      };
      if (node.need && !node.need.some(filled)) throw new Invalid(path, `expected a ${node.need.join(' or a ')}`);
      return out;
    }
  }
}

/** Validates `input` against `schema`, dropping what can be dropped. Never throws. */
export function parseWith<T>(schema: Node, input: unknown): ParseResult<T> {
  const problems: Problem[] = [];
  try {
    return {value: walk(schema, input, '$', problems, true) as T, problems};
  } catch (error) {
    // Invalid, or a throwing getter or a revoked proxy in property input.
    const {path, detail} = error instanceof Invalid ? error : {path: '$', detail: `unreadable input: ${String(error)}`};
    problems.push({path, message: `${path}: ${detail}`, severity: 'error'});
    return {value: undefined, problems};
  }
}

/** Validates an article. `article` is undefined when the input cannot be rendered. */
export function parseArticle(input: unknown): {article: Article | undefined; problems: Problem[]} {
  const {value, problems} = parseWith<Article>(ArticleSchema, input);
  return {article: value, problems};
}

export const parsePhoto = (input: unknown): ParseResult<Photo> => parseWith<Photo>(PhotoSchema, input);
export const parseRelated = (input: unknown): ParseResult<RelatedItem[]> => parseWith<RelatedItem[]>(RelatedListSchema, input);
export const parseAuthors = (input: unknown): ParseResult<Author[]> => parseWith<Author[]>(AuthorListSchema, input);
export const parseByline = (input: unknown): ParseResult<Byline> => parseWith<Byline>(BylineSchema, input);
