/**
 * Property-based tests (fast-check): the boundary (`parseArticle`), the URL gate (`safeUrl`) and
 * `<news-article>` rendering, each checked on 1000 generated inputs per engine.
 *
 * Every property logs `property <name>: <runs> runs, seed <seed>`. The seed changes on every run; to
 * replay a failure, put the seed (and the `path` fast-check prints with the counterexample) in REPLAY.
 *
 * Inputs that are not plain data (throwing getters, proxies, cycles, huge strings) are generated as
 * small printable *recipes* and built inside the property, so a counterexample prints and shrinks.
 */
import {expect} from '@open-wc/testing';
import * as fc from 'fast-check';
import '../src/index.js';
import {parseArticle, safeUrl, type Article, type NewsArticle, type Problem} from '../src/index.js';
import {catalog} from './catalog.js';
import {deepQueryAll} from './helpers.js';

const RUNS = 1000;
/** Set to `{seed: …, path: '…'}` from a failure report to replay it. */
const REPLAY: {seed: number; path?: string} | undefined = undefined;

/**
 * Runs a property with a fresh (logged) seed. `timeLimit` bounds the whole run, shrinking included: a
 * property that cannot finish its runs in time fails rather than pass on fewer runs.
 */
async function check<Ts>(name: string, property: fc.IRawProperty<Ts>, timeLimit: number, numRuns = RUNS): Promise<void> {
  const seed = REPLAY?.seed ?? (Math.random() * 0x7fffffff) | 0;
  console.log(`property ${name}: ${numRuns} runs, seed ${seed}`);
  // The elements warn once per dropped part: thousands of lines that would flood the runner's log.
  const warn = console.warn;
  console.warn = () => {};
  const started = performance.now();
  try {
    await fc.assert(property, {
      numRuns,
      seed,
      ...(REPLAY?.path ? {path: REPLAY.path} : {}),
      includeErrorInReport: true,
      plugins: [fc.interruptAfterTimeLimit(timeLimit, {failOnInterrupt: true})],
    });
  } finally {
    console.warn = warn;
    console.log(`property ${name}: done in ${Math.round(performance.now() - started)} ms`);
  }
}

// ---------------------------------------------------------------------------------------------------
// Text

/** Strings that trip naive renderers and lookups: markup, placeholders, prototype keys, bidi controls. */
const TRICKY = [
  '', ' ', '\u3000', '\t\n', '\r\n', '\u0000', '\uD800', '\uDFFF', '\uD83D', '\u200B', '\u202Eevil\u202C', '\uFEFF',
  '<b>x</b>', '<img src=x onerror="self.__pwned=1">', '<script>self.__pwned=1</script>', '</span><i>', '&amp;', '&lt;b&gt;',
  '<!--', '-->', ']]>', '{credit}', '{page}', '{status}', '$&', '$1', '${x}', '{{x}}', '%s',
  '__proto__', 'constructor', 'prototype', 'toString', 'valueOf', 'hasOwnProperty', 'Constructor', 'undefined', 'null',
  'NaN', '[object Object]', 'javascript:self.__pwned=1', '# not a heading', '*not em*',
  '来安县', '(下转第三版)', '韩先秀', 'مرحبا بالعالم', 'שלום עולם', 'Ελληνικά', '日本語のテキスト', '👩🏽‍💻', 'é', 'ﷺ',
];
const CJK_RTL = [...'新闻来安县政务服务中心群众监督', ...'العربيةمرحبا', ...'עבריתשלום', '\u200F', '\u200E', '\u202B', '\u202C', ' '];

const anyText: fc.Arbitrary<string> = fc.oneof(
  {weight: 4, arbitrary: fc.string({unit: 'grapheme'})},
  {weight: 3, arbitrary: fc.string({unit: 'binary'})}, // includes lone surrogates
  {weight: 2, arbitrary: fc.string({unit: fc.constantFrom(...CJK_RTL)})},
  {weight: 2, arbitrary: fc.constantFrom(...TRICKY)},
  {weight: 2, arbitrary: fc.array(fc.oneof(fc.constantFrom(...TRICKY), fc.string()), {maxLength: 4}).map((a) => a.join(' '))},
);
const nonEmptyText = anyText.filter((s) => s.length > 0);

// ---------------------------------------------------------------------------------------------------
// URLs the contract accepts

const ALLOWED_PROTOCOLS = ['http:', 'https:', 'mailto:', 'tel:'];

/** safeUrl refuses, by design, `&`, `\`, `%3a` and whitespace before the first `/`, `?` or `#`. */
const noHeadTricks = (url: string): boolean => {
  const head = url.split(/[/?#]/, 1)[0] ?? '';
  return !/&|%3a|\\|\s/i.test(head);
};

const absoluteUrl = fc
  .tuple(fc.webUrl({withQueryParameters: true, withFragments: true}), fc.boolean())
  // Any case of the scheme: `HTTPS://` is the same URL.
  .map(([url, upper]) => (upper ? url.replace(/^https?/, (s) => s.toUpperCase()) : url));

const relativeUrl = fc
  .oneof(
    fc.constantFrom('photos/1.jpg', '../up.html', './a/b.png', '?page=2', '#section-2', '/stories/1.json', '新闻/图片.jpg', 'a%20b.jpg'),
    fc.tuple(fc.webSegment(), fc.webPath()).map(([segment, path]) => `${segment || 'x'}${path}`),
    fc.webPath().filter((p) => p.startsWith('/') && !p.startsWith('//')),
    fc.webQueryParameters().map((q) => `?${q}`),
    fc.webFragments().map((f) => `#${f}`),
    fc.tuple(fc.domain(), fc.webPath()).map(([host, path]) => `//${host}${path}`),
  )
  // A first segment with a colon would be a scheme; the other head tricks are refused on purpose.
  .filter((url) => url.length > 0 && !/^[^/?#]*:/.test(url) && noHeadTricks(url));

const mailtoUrl = fc.emailAddress().map((address) => `mailto:${address}`).filter(noHeadTricks);
const telUrl = fc.stringMatching(/^\+?[0-9]{1,4}(?:-[0-9]{2,8}){0,3}$/).map((n) => `tel:${n}`);

const imageUrl: fc.Arbitrary<string> = fc.oneof(absoluteUrl, relativeUrl);
const linkUrl: fc.Arbitrary<string> = fc.oneof(
  {weight: 3, arbitrary: absoluteUrl},
  {weight: 3, arbitrary: relativeUrl},
  {weight: 1, arbitrary: mailtoUrl},
  {weight: 1, arbitrary: telUrl},
  // A few shared values, so teasers with the same URL occur (duplicate keys in a keyed list).
  {weight: 1, arbitrary: fc.constantFrom('https://example.org/same', '/same', '#same')},
);

// ---------------------------------------------------------------------------------------------------
// Other contract values

const pad = (n: number, width = 2): string => String(n).padStart(width, '0');

/** Every shape the contract's ISO 8601 pattern allows, for real calendar dates and realistic offsets. */
const isoDate: fc.Arbitrary<string> = fc
  .record({
    // From year 1000: V8 reads a space-separated date-time with a year below 100 as 19xx or not at all
    // ("0099-01-01 10:00" → 1999, "0031-12-31 23:59" → invalid), though the schema accepts them.
    date: fc.date({min: new Date('1000-01-01T00:00:00Z'), max: new Date('9999-12-31T23:59:59Z'), noInvalidDate: true}),
    shape: fc.constantFrom('date', 'minutes', 'seconds', 'fraction'),
    separator: fc.constantFrom('T', ' '),
    fraction: fc.stringMatching(/^[0-9]{1,9}$/),
    zone: fc.oneof(
      fc.constant(''),
      fc.constant('Z'),
      fc
        .tuple(fc.constantFrom('+', '-'), fc.integer({min: 0, max: 14}), fc.constantFrom(0, 15, 30, 45), fc.constantFrom(':', ''))
        .map(([sign, h, m, colon]) => `${sign}${pad(h)}${colon}${pad(m)}`),
    ),
  })
  .map(({date, shape, separator, fraction, zone}) => {
    const day = `${pad(date.getUTCFullYear(), 4)}-${pad(date.getUTCMonth() + 1)}-${pad(date.getUTCDate())}`;
    if (shape === 'date') return day;
    let time = `${pad(date.getUTCHours())}:${pad(date.getUTCMinutes())}`;
    if (shape !== 'minutes') time += `:${pad(date.getUTCSeconds())}`;
    if (shape === 'fraction') time += `.${fraction}`;
    return `${day}${separator}${time}${zone}`;
  });

/** Well-formed BCP 47 tags (any case), including the ones the elements special-case. */
const languageTag: fc.Arbitrary<string> = fc.oneof(
  fc.constantFrom('zh-CN', 'zh', 'zh-Hant-TW', 'en', 'en-GB', 'ja', 'ar', 'ar-EG', 'he', 'fa', 'ur', 'pt-BR', 'de-CH-1996', 'en-u-nu-arab', 'zh-u-nu-hanidec'),
  // Language subtags that are also names on Object.prototype are well-formed tags too.
  fc.constantFrom('toString', 'valueOf', 'tostring', 'valueof'),
  fc
    .tuple(
      fc.stringMatching(/^(?:[a-zA-Z]{2,3}|[a-zA-Z]{5,8})$/),
      fc.option(fc.stringMatching(/^[A-Za-z]{4}$/), {nil: undefined}),
      fc.option(fc.stringMatching(/^(?:[A-Za-z]{2}|[0-9]{3})$/), {nil: undefined}),
    )
    .map((subtags) => subtags.filter(Boolean).join('-')),
);

const dimension = fc.integer({min: 1, max: 100_000});
const srcsetUrl = imageUrl.filter((u) => !/[\s,]/.test(u));
const srcset = fc
  .array(fc.tuple(srcsetUrl, fc.constantFrom('', ' 1x', ' 2x', ' 1.5x', ' 480w', ' 1200w')), {minLength: 1, maxLength: 3})
  .map((candidates) => candidates.map(([url, descriptor]) => url + descriptor).join(', '));

const photo = fc.record(
  {
    src: imageUrl,
    alt: anyText,
    caption: anyText,
    credit: anyText,
    width: dimension,
    height: dimension,
    srcset,
    sizes: anyText,
  },
  {requiredKeys: ['src']},
);

const ROLE_IDS = new Set(Object.values(catalog).flatMap((strings) => Object.keys(strings.roles)));
/** A role the reader's catalog does not translate is shown as written. */
const role = fc.oneof(anyText, fc.constantFrom('constructor', '__proto__', 'Constructor', 'hasOwnProperty', 'toString')).filter(
  (r) => !ROLE_IDS.has(r.toLowerCase()),
);
const author = fc.oneof(
  nonEmptyText,
  fc.record({name: nonEmptyText, role, url: linkUrl}, {requiredKeys: ['name']}),
);

const relatedItem = fc
  .record({headline: anyText, summary: anyText, url: linkUrl, image: photo, datePublished: isoDate}, {requiredKeys: []})
  .filter((item) => !!(item.headline || item.summary));

const continuation = fc
  .record({text: nonEmptyText, page: fc.integer({min: 1, max: 9999}), href: linkUrl}, {requiredKeys: []})
  .filter((c) => !!(c.text || c.page));

const publisher = fc.record({name: nonEmptyText, url: linkUrl, logo: photo, tagline: anyText}, {requiredKeys: ['name']});

/** Markdown with links and images, some of them hostile: all of it is valid article text. */
const markdown = (hostileUrl: fc.Arbitrary<string>): fc.Arbitrary<string> =>
  fc
    .array(
      fc.oneof(
        {weight: 3, arbitrary: anyText},
        {weight: 1, arbitrary: fc.tuple(anyText, fc.oneof(linkUrl, hostileUrl)).map(([t, u]) => `[${t}](${u})`)},
        {weight: 1, arbitrary: fc.tuple(anyText, fc.oneof(imageUrl, hostileUrl)).map(([t, u]) => `![${t}](${u})`)},
        {weight: 1, arbitrary: hostileUrl.map((u) => `<${u}>`)},
        {weight: 1, arbitrary: hostileUrl.map((u) => `[ref]\n\n[ref]: ${u}`)},
        {weight: 1, arbitrary: hostileUrl.map((u) => `<a href="${u}">x</a> <img src="${u}">`)},
        {weight: 1, arbitrary: fc.constantFrom(...HOSTILE_HTML)},
        {weight: 1, arbitrary: anyText.map((t) => `## ${t}`)},
        {weight: 1, arbitrary: anyText.map((t) => `> ${t}\n\n- ${t}\n- *${t}*`)},
      ),
      {maxLength: 5},
    )
    .map((blocks) => blocks.join('\n\n'));

/** Raw HTML in Markdown that must never run: the payloads set `self.__pwned`. */
const HOSTILE_HTML = [
  '<img src=x onerror="self.__pwned=1">',
  '<svg onload="self.__pwned=1"></svg>',
  '<iframe src="javascript:self.__pwned=1"></iframe>',
  '<a href="javascript:self.__pwned=1">x</a>',
  '<a href="&#x6A;avascript:self.__pwned=1">x</a>',
  '<a href="java&#09;script:self.__pwned=1">x</a>',
  '<form action="javascript:self.__pwned=1"><button>x</button></form>',
  '<base href="javascript:/">',
  '<math><mtext><table><mglyph><style><img src=x onerror="self.__pwned=1">',
  '<details open ontoggle="self.__pwned=1">',
  '<object data="javascript:self.__pwned=1"></object>',
  '<embed src="javascript:self.__pwned=1">',
  '<video><source onerror="self.__pwned=1"></video>',
  '<a href="data:text/html,<script>self.__pwned=1</script>">x</a>',
];

// ---------------------------------------------------------------------------------------------------
// Obfuscated dangerous schemes (property 4, and hostile links in Markdown)

const LEADING = [' ', '\t', '\n', '\r', '\f', '\v', '\u0000', '\u0001', '\u0008', '\u001F', '\u00A0', '\u3000', '\uFEFF', '\u200B', '\u0085', '\u2028'];
const INSERTS = ['\t', '\n', '\r', '\u0000', '\u0001', '\u001B', '\u007F', '\u0085', '\u00AD', '\u200B', '\u200C', '\u200D', '\u200E', '\u200F', '\u2060', '\uFEFF', '\u2028', '\u2029', ' ', '\u00A0'];
const COLONS = [':', '&#58;', '&#058;', '&#x3a;', '&#X3A;', '&#x003A', '&colon;', '%3a', '%3A', '\\u003a', '\\x3a'];

function letterForms(ch: string): string[] {
  const code = ch.charCodeAt(0);
  const hex = code.toString(16);
  return [`&#${code};`, `&#0000${code}`, `&#x${hex};`, `&#X${hex.toUpperCase()};`, `%${hex}`, `%${hex.toUpperCase()}`, `\\u00${hex}`, `\\x${hex}`];
}

const obfuscatedScheme: fc.Arbitrary<string> = fc
  .constantFrom('javascript', 'javascript', 'javascript', 'vbscript', 'data', 'livescript')
  .chain((scheme) =>
    fc
      .tuple(
        fc.array(fc.constantFrom(...LEADING), {maxLength: 3}),
        fc.tuple(
          ...[...scheme].map((ch) =>
            fc.tuple(
              fc.oneof(
                {weight: 8, arbitrary: fc.constantFrom(ch.toLowerCase(), ch.toUpperCase())},
                {weight: 1, arbitrary: fc.constantFrom(...letterForms(ch))},
              ),
              fc.oneof({weight: 6, arbitrary: fc.constant('')}, {weight: 1, arbitrary: fc.constantFrom(...INSERTS)}),
            ),
          ),
        ),
        fc.constantFrom(...COLONS),
        fc.constantFrom('self.__pwned=1', 'alert(1)', '//%0Aself.__pwned=1', 'text/html,<script>self.__pwned=1</script>', ''),
      )
      .map(([lead, letters, colon, payload]) => lead.join('') + letters.map(([l, gap]) => l + gap).join('') + colon + payload),
  );

// ---------------------------------------------------------------------------------------------------
// Valid articles

const validArticle = (): fc.Arbitrary<Article> =>
  fc
    .record(
      {
        id: anyText,
        url: linkUrl,
        lang: languageTag,
        section: anyText,
        headline: anyText,
        authors: fc.array(author, {maxLength: 4}),
        datePublished: isoDate,
        dateModified: isoDate,
        dateline: anyText,
        image: photo,
        lead: markdown(obfuscatedScheme),
        body: markdown(obfuscatedScheme),
        continuation,
        related: fc.array(relatedItem, {maxLength: 4}),
        publisher,
      },
      {requiredKeys: []},
    )
    .filter((a) => !!(a.headline?.trim() || a.body?.trim())) as fc.Arbitrary<Article>;

// ---------------------------------------------------------------------------------------------------
// Junk, as recipes

type Trap = 'all' | 'ownKeys' | 'get' | 'getOwnPropertyDescriptor' | 'revoked' | 'lying' | 'long';
type Exotic = 'date' | 'invalid-date' | 'map' | 'function' | 'symbol' | 'bigint' | 'typed' | 'boxed' | 'null-proto' | 'frozen' | 'sparse' | 'error' | 'element' | 'promise';
type Recipe =
  | {k: 'leaf'; v: unknown}
  | {k: 'huge'; ch: string; n: number}
  | {k: 'deep'; n: number; array: boolean; key: string}
  | {k: 'arr'; items: Recipe[]}
  | {k: 'obj'; entries: [string, Recipe][]}
  | {k: 'json'; of: Recipe}
  | {k: 'back'; up: number}
  | {k: 'dag'; fan: number; depth: number; array: boolean}
  | {k: 'getter'; key: string; of: Recipe}
  | {k: 'proxy'; trap: Trap; of: Recipe}
  | {k: 'exotic'; what: Exotic};

const TOP_FIELDS = {
  string: ['id', 'url', 'lang', 'section', 'headline', 'datePublished', 'dateModified', 'dateline', 'lead', 'body'],
  array: ['authors', 'related'],
  object: ['image', 'continuation', 'publisher'],
};
const ALL_TOP = [...TOP_FIELDS.string, ...TOP_FIELDS.array, ...TOP_FIELDS.object];
const NESTED_FIELDS = ['src', 'alt', 'caption', 'credit', 'width', 'height', 'srcset', 'sizes', 'name', 'role', 'text', 'page', 'href', 'summary', 'logo', 'tagline'];
const DANGEROUS_KEYS = ['__proto__', 'constructor', 'prototype', 'polluted', 'toString', 'valueOf', 'hasOwnProperty', '__defineGetter__', 'length', '0'];

const junkKey = fc.oneof(
  {weight: 3, arbitrary: fc.constantFrom(...ALL_TOP, ...NESTED_FIELDS)},
  {weight: 2, arbitrary: fc.constantFrom(...DANGEROUS_KEYS)},
  {weight: 1, arbitrary: fc.string({unit: 'binary'})},
);

const junkNumber = fc.oneof(
  fc.constantFrom(NaN, Infinity, -Infinity, -0, 0, 1, -1, 0.5, 1.5, 99_999.5, 100_000, 100_001, 1e308, 5e-324, 2 ** 53 + 2, -100_000),
  fc.double(),
  fc.integer(),
);
const junkString = fc.oneof(
  anyText,
  fc.constantFrom(
    '2024-02-30', '2024-13-01', '2023-02-29', '0000-00-00', '2024-01-01T25:00', '2024-01-01T10:00+25:00', 'not a date', '2024-1-1',
    'javascript:self.__pwned=1', 'data:text/html,x', ' ', 'xx yy', 'en_US', '123', '1e3', '-1', 'true',
  ),
  obfuscatedScheme,
);
const junkLeaf: fc.Arbitrary<Recipe> = fc
  .oneof(
    {weight: 3, arbitrary: junkString},
    {weight: 3, arbitrary: junkNumber},
    {weight: 1, arbitrary: fc.constantFrom(null, true, false, undefined)},
  )
  .map((v) => ({k: 'leaf', v}));

const hugeString: fc.Arbitrary<Recipe> = fc
  .record({ch: fc.constantFrom('a', '中', '\uD800', ' ', '<', 'https://x/', '#'), n: fc.integer({min: 10_000, max: 120_000})})
  .map(({ch, n}) => ({k: 'huge', ch, n: Math.ceil(n / ch.length)}));

const deepNest: fc.Arbitrary<Recipe> = fc
  .record({n: fc.integer({min: 20, max: 5_000}), array: fc.boolean(), key: junkKey})
  .map(({n, array, key}) => ({k: 'deep', n, array, key}));

/**
 * Shared references: `depth` objects, each holding the next one `fan` times. Small as a graph (and as
 * data a program may well hand over), but its unfolding as a tree has fan^depth nodes.
 */
const dag = (maxUnfolded: number): fc.Arbitrary<Recipe> =>
  fc
    .oneof(
      fc.record({fan: fc.constant(2), depth: fc.integer({min: 1, max: Math.floor(Math.log2(maxUnfolded))}), array: fc.boolean()}),
      fc.record({fan: fc.constant(3), depth: fc.integer({min: 1, max: Math.floor(Math.log2(maxUnfolded) / Math.log2(3))}), array: fc.boolean()}),
    )
    .map((r): Recipe => ({k: 'dag', ...r}));

/** The classic prototype-pollution payloads, as JSON.parse makes them (`__proto__` an own key). */
const pollution: fc.Arbitrary<Recipe> = fc
  .tuple(
    fc.constantFrom(['__proto__'], ['constructor', 'prototype'], ['__proto__', '__proto__'], ['constructor', '__proto__'], ['prototype']),
    fc.constantFrom('polluted', 'headline', 'toString', 'src', 'length'),
    junkLeaf,
  )
  .map(([path, key, value]): Recipe => {
    let recipe: Recipe = {k: 'obj', entries: [[key, value]]};
    for (const step of [...path].reverse()) recipe = {k: 'obj', entries: [[step, recipe]]};
    return {k: 'json', of: recipe};
  });

/** A pollution payload at a place in an article where a merge or a copy might meet it. */
const pollutingArticle: fc.Arbitrary<Recipe> = fc
  .tuple(fc.constantFrom<(string | number)[]>([], ['image'], ['related', 0], ['authors', 0], ['publisher', 'logo'], ['continuation']), pollution)
  .map(([path, payload]): Recipe => {
    let recipe = payload;
    for (const step of [...path].reverse()) {
      recipe = typeof step === 'number' ? {k: 'arr', items: [recipe]} : {k: 'obj', entries: [['src', {k: 'leaf', v: 'a.jpg'}], [step, recipe]]};
    }
    return recipe.k === 'json' ? recipe : {k: 'json', of: {k: 'obj', entries: [['headline', {k: 'leaf', v: 'x'}], ...(recipe.k === 'obj' ? recipe.entries : [])]}};
  });

const {junk} = fc.letrec<{junk: Recipe}>((tie) => ({
  junk: fc.oneof(
    {depthSize: 'small', withCrossShrink: true},
    {weight: 8, arbitrary: junkLeaf},
    {weight: 3, arbitrary: fc.array(tie('junk'), {maxLength: 4}).map((items): Recipe => ({k: 'arr', items}))},
    {weight: 4, arbitrary: fc.array(fc.tuple(junkKey, tie('junk')), {maxLength: 5}).map((entries): Recipe => ({k: 'obj', entries}))},
    {weight: 1, arbitrary: tie('junk').map((of): Recipe => ({k: 'json', of}))},
    {weight: 1, arbitrary: fc.nat(3).map((up): Recipe => ({k: 'back', up}))},
    {weight: 1, arbitrary: fc.tuple(junkKey, tie('junk')).map(([key, of]): Recipe => ({k: 'getter', key, of}))},
    {
      weight: 1,
      arbitrary: fc
        .tuple(fc.constantFrom<Trap>('all', 'ownKeys', 'get', 'getOwnPropertyDescriptor', 'revoked', 'lying', 'long'), tie('junk'))
        .map(([trap, of]): Recipe => ({k: 'proxy', trap, of})),
    },
    {
      weight: 1,
      arbitrary: fc
        .constantFrom<Exotic>('date', 'invalid-date', 'map', 'function', 'symbol', 'bigint', 'typed', 'boxed', 'null-proto', 'frozen', 'sparse', 'error', 'element', 'promise')
        .map((what): Recipe => ({k: 'exotic', what})),
    },
    {weight: 1, arbitrary: pollution},
    {weight: 1, arbitrary: hugeString},
    {weight: 1, arbitrary: deepNest},
    // Small enough here (its unfolding stays under ~1000 nodes); the time property below goes further.
    {weight: 1, arbitrary: dag(1024)},
  ),
}));

/** The kinds of node a recipe uses. */
function kinds(recipe: Recipe, found = new Set<Recipe['k']>()): Set<Recipe['k']> {
  found.add(recipe.k);
  if (recipe.k === 'arr') recipe.items.forEach((r) => kinds(r, found));
  if (recipe.k === 'obj') recipe.entries.forEach(([, r]) => kinds(r, found));
  if (recipe.k === 'json' || recipe.k === 'getter' || recipe.k === 'proxy') kinds(recipe.of, found);
  return found;
}
const uses = (recipe: Recipe, ...k: Recipe['k'][]): boolean => k.some((x) => kinds(recipe).has(x));

/** True when a recipe builds only data JSON could carry (plus cycles, shared objects, NaN and undefined). */
const plain = (recipe: Recipe): boolean => !uses(recipe, 'getter', 'proxy', 'exotic');

/** Every object a recipe built: the junk injector never walks into one. */
const built = new WeakSet<object>();

function define(target: object, key: PropertyKey, value: unknown): void {
  // An own data property even for `__proto__`, as JSON.parse makes it (assignment would set the prototype).
  Object.defineProperty(target, key, {value, enumerable: true, writable: true, configurable: true});
}

/**
 * Builds the value a recipe describes. Only the first `back` of an input makes a cycle (the others build
 * a fresh object): one cycle is what real data has, and several through one object unfold
 * exponentially — the `dag` recipe covers that blow-up at sizes that fail fast instead of hanging.
 */
function build(recipe: Recipe, ancestors: object[] = [], context = {cycles: 0}): unknown {
  const build_ = (r: Recipe, a: object[] = ancestors) => build(r, a, context);
  const track = <T extends object>(o: T): T => (built.add(o), o);
  switch (recipe.k) {
    case 'leaf':
      return recipe.v;
    case 'huge':
      return recipe.ch.repeat(recipe.n);
    case 'deep': {
      let value: unknown = 'bottom';
      for (let i = 0; i < recipe.n; i++) {
        const next = track(recipe.array ? [] : {});
        define(next, recipe.array ? 0 : recipe.key, value);
        value = next;
      }
      return value;
    }
    case 'arr': {
      const array = track<unknown[]>([]);
      recipe.items.forEach((item, i) => define(array, i, build_(item, [...ancestors, array])));
      return array;
    }
    case 'obj': {
      const object = track({});
      for (const [key, item] of recipe.entries) define(object, key, build_(item, [...ancestors, object]));
      return object;
    }
    case 'json': {
      const value = build_(recipe.of);
      try {
        const text = JSON.stringify(value);
        return text === undefined ? value : JSON.parse(text);
      } catch {
        return value; // cycles, throwing getters, proxies: no JSON for those
      }
    }
    case 'back': {
      if (context.cycles++) return track({headline: 'not a cycle'});
      if (ancestors.length) return ancestors[Math.max(0, ancestors.length - 1 - recipe.up)];
      const self = track<Record<string, unknown>>({headline: 'self'});
      self.self = self;
      return self;
    }
    case 'getter': {
      const inner = build_(recipe.of);
      const target = track(inner !== null && typeof inner === 'object' ? inner : {value: inner});
      try {
        Object.defineProperty(target, recipe.key, {
          enumerable: true,
          configurable: true,
          get() {
            throw new Error(`getter ${recipe.key} throws`);
          },
        });
      } catch {
        // frozen or a proxy that refuses: keep it as it is
      }
      return target;
    }
    case 'proxy':
      return track(proxy(recipe.trap, build_(recipe.of)));
    case 'dag': {
      let node: unknown = track({headline: 'shared', src: 'a.jpg', name: 'n'});
      for (let i = 0; i < recipe.depth; i++) {
        const next: object = track(recipe.array ? [] : {});
        for (let j = 0; j < recipe.fan; j++) define(next, recipe.array ? j : ['related', 'image', 'authors'][j]!, node);
        node = next;
      }
      return node;
    }
    case 'exotic': {
      const value = exotic(recipe.what);
      if (value !== null && (typeof value === 'object' || typeof value === 'function')) built.add(value);
      return value;
    }
  }
}

function proxy(trap: Trap, inner: unknown): object {
  const target = inner !== null && typeof inner === 'object' ? inner : {headline: inner};
  const boom = () => {
    throw new Error(`proxy trap throws`);
  };
  switch (trap) {
    case 'all':
      return new Proxy(target, {
        get: boom, has: boom, ownKeys: boom, getOwnPropertyDescriptor: boom, getPrototypeOf: boom, defineProperty: boom,
        set: boom, deleteProperty: boom, isExtensible: boom, preventExtensions: boom, setPrototypeOf: boom,
      });
    case 'ownKeys':
      return new Proxy(target, {ownKeys: boom});
    case 'get':
      return new Proxy(target, {get: boom});
    case 'getOwnPropertyDescriptor':
      return new Proxy(target, {getOwnPropertyDescriptor: boom});
    case 'revoked': {
      const {proxy: p, revoke} = Proxy.revocable(target, {});
      revoke();
      return p;
    }
    case 'lying': {
      // Claims keys it does not have and answers every read with a new value.
      let reads = 0;
      const extra = ['headline', 'body', '__proto__', 'constructor', 'related'];
      return new Proxy(target, {
        ownKeys: (t) => [...new Set([...Reflect.ownKeys(t), ...extra])],
        getOwnPropertyDescriptor: (t, key) =>
          Reflect.getOwnPropertyDescriptor(t, key) ?? {value: undefined, enumerable: true, configurable: true, writable: true},
        get: (t, key) => (typeof key === 'string' && extra.includes(key) ? (++reads % 2 ? `read ${reads}` : [{headline: reads}]) : Reflect.get(t, key)),
      });
    }
    case 'long': {
      // An array proxy that reports a few more items than it holds.
      let array: boolean;
      try {
        array = Array.isArray(target);
      } catch {
        array = false; // a revoked proxy
      }
      return new Proxy(array ? target : [target], {
        get: (t, key) => (key === 'length' ? (t as unknown[]).length + 3 : Reflect.get(t, key)),
      });
    }
  }
}

function exotic(what: Exotic): unknown {
  switch (what) {
    case 'date':
      return new Date(0);
    case 'invalid-date':
      return new Date(NaN);
    case 'map':
      return new Map([['headline', 'in a map']]);
    case 'function':
      return Object.assign(() => 1, {headline: 'function'});
    case 'symbol':
      return Symbol('headline');
    case 'bigint':
      return 10n;
    case 'typed':
      return new Uint8Array([1, 2, 3]);
    case 'boxed':
      return new String('headline');
    case 'null-proto':
      return Object.assign(Object.create(null), {headline: 'null prototype', src: 'a.jpg', name: 'n'});
    case 'frozen':
      return Object.freeze({headline: 'frozen', src: 'a.jpg', name: 'n', text: 't'});
    case 'sparse': {
      const a: unknown[] = [];
      a[4] = 'x';
      return a;
    }
    case 'error':
      return new Error('headline');
    case 'element':
      return document.createElement('div');
    case 'promise':
      return Promise.resolve({headline: 'later'});
  }
}

// ---------------------------------------------------------------------------------------------------
// A valid article with junk put in some places

interface Mutation {
  /** Chooses a key at each level (modulo what is there); the last level gets the junk. */
  at: number[];
  junk: Recipe;
}
interface Mutated {
  article: Article;
  mutations: Mutation[];
  /** Leave `headline` and `body` alone. */
  keepText: boolean;
}

const mutatedArticle: fc.Arbitrary<Mutated> = fc.record({
  article: validArticle(),
  mutations: fc.array(fc.record({at: fc.array(fc.nat(), {minLength: 1, maxLength: 4}), junk}), {minLength: 1, maxLength: 4}),
  keepText: fc.boolean(),
});

interface Injected {
  input: Record<string, unknown>;
  /** Top-level fields replaced whole, or with junk somewhere below an object (not array) level. */
  touched: Set<string>;
  /** Array fields with junk in (or appended to) some items: field → original indices touched. */
  touchedItems: Map<string, Set<number>>;
  plain: boolean;
}

function inject({article, mutations, keepText}: Mutated): Injected {
  const input = structuredClone(article) as Record<string, unknown>;
  const touched = new Set<string>();
  const touchedItems = new Map<string, Set<number>>();
  for (const {at, junk: recipe} of mutations) {
    let node: Record<string | number, unknown> = input;
    const keys: (string | number)[] = [];
    for (let depth = 0; depth < at.length; depth++) {
      const choice = at[depth]!;
      let key: string | number;
      if (Array.isArray(node)) {
        key = choice % (node.length + 1); // an existing item, or one more
      } else {
        let options = [...new Set([...Object.keys(node), ...(depth === 0 ? ALL_TOP : NESTED_FIELDS)])].sort();
        if (depth === 0 && keepText) options = options.filter((k) => k !== 'headline' && k !== 'body');
        key = options[choice % options.length]!;
      }
      keys.push(key);
      const next = Object.prototype.hasOwnProperty.call(node, key) ? node[key] : undefined;
      const leaf = depth === at.length - 1 || next === null || typeof next !== 'object' || built.has(next);
      if (leaf) {
        define(node, key, build(recipe));
        break;
      }
      node = next as Record<string | number, unknown>;
    }
    const [top, item] = keys as [string, ...(string | number)[]];
    if (keys.length >= 2 && Array.isArray(article[top as keyof Article]) && typeof item === 'number' && !touched.has(top)) {
      if (!touchedItems.has(top)) touchedItems.set(top, new Set());
      touchedItems.get(top)!.add(item);
    } else {
      touched.add(top);
      touchedItems.delete(top);
    }
  }
  return {input, touched, touchedItems, plain: mutations.every((m) => plain(m.junk))};
}

/** URLs that must never reach the DOM: plain and obfuscated dangerous schemes. */
const hostileUrl: fc.Arbitrary<string> = fc.oneof(
  obfuscatedScheme,
  fc.constantFrom(
    'javascript:self.__pwned=1', 'JavaScript:self.__pwned=1', ' javascript:self.__pwned=1', 'vbscript:msgbox(1)',
    'data:text/html,<script>self.__pwned=1</script>', 'blob:https://example.org/x', 'file:///etc/passwd', 'about:blank',
    'java\tscript:self.__pwned=1', 'javascript&colon;self.__pwned=1', 'javascript%3Aself.__pwned=1',
  ),
);

/** Where a URL can go in an article: every object that has (or may have) a url, href, src or srcset. */
function urlSlots(article: Article): [object, string][] {
  const slots: [object, string][] = [[article, 'url']];
  const photo = (p: object | undefined) => p && slots.push([p, 'src'], [p, 'srcset']);
  photo(article.image);
  for (const a of article.authors ?? []) if (typeof a !== 'string') slots.push([a, 'url']);
  if (article.continuation) slots.push([article.continuation, 'href']);
  for (const r of article.related ?? []) {
    slots.push([r, 'url']);
    photo(r.image);
  }
  if (article.publisher) {
    slots.push([article.publisher, 'url']);
    photo(article.publisher.logo);
  }
  return slots;
}

/** A valid article with hostile URLs put in some of its URL slots (and `srcset` candidates). */
const hostileArticle = fc
  .record({article: validArticle(), at: fc.array(fc.tuple(fc.nat(), hostileUrl, fc.boolean()), {minLength: 1, maxLength: 4})})
  .map(({article, at}) => {
    const input = structuredClone(article);
    const slots = urlSlots(input);
    for (const [choice, url, withGood] of at) {
      const [target, key] = slots[choice % slots.length]!;
      // In a srcset, whitespace ends the URL (what follows is a descriptor): the hostile URL has none.
      const token = url.replace(/\s/g, '');
      define(target, key, key !== 'srcset' ? url : withGood ? `good.jpg 1x, ${token} 2x` : token);
    }
    return input;
  });

/** Per the contract, a top-level field whose JSON type is wrong makes the whole article invalid. */
function wrongType(key: string, value: unknown): boolean {
  if (value === undefined) return false; // the same as absent
  if (TOP_FIELDS.string.includes(key)) return typeof value !== 'string';
  if (TOP_FIELDS.array.includes(key)) return !Array.isArray(value);
  if (TOP_FIELDS.object.includes(key)) return value === null || typeof value !== 'object' || Array.isArray(value);
  return false;
}

// ---------------------------------------------------------------------------------------------------
// Checks

const json = (value: unknown): unknown => (value === undefined ? undefined : JSON.parse(JSON.stringify(value)));

/** Every URL field (`url`, `href`, `src`, each `srcset` candidate) anywhere in `value`, with its path. */
function urlsIn(value: unknown, path = '$', found: [string, string][] = []): [string, string][] {
  if (value === null || typeof value !== 'object') return found;
  for (const [key, field] of Object.entries(value)) {
    const at = `${path}.${key}`;
    if (typeof field === 'string' && ['url', 'href', 'src'].includes(key)) found.push([at, field]);
    else if (typeof field === 'string' && key === 'srcset') {
      for (const candidate of field.split(',')) found.push([at, candidate.trim().split(/\s+/)[0] ?? '']);
    } else urlsIn(field, at, found);
  }
  return found;
}

/**
 * parseArticle, timed, with the prototypes checked right after it: before any other code runs on a
 * polluted prototype (and before the next run, which starts clean either way).
 */
function parse(input: unknown): {article: Article | undefined; problems: Problem[]; ms: number} {
  const started = performance.now();
  const result = parseArticle(input);
  const ms = performance.now() - started;
  checkPrototypes();
  return {...result, ms};
}

/** What every result of parseArticle must look like, whatever went in. */
function checkResult(result: {article: Article | undefined; problems: Problem[]}): void {
  expect(result).to.be.an('object');
  expect(Object.keys(result).filter((k) => k !== 'ms').sort()).to.deep.equal(['article', 'problems']);
  expect(result.problems).to.be.an('array');
  for (const problem of result.problems) {
    expect(problem.path, JSON.stringify(problem)).to.be.a('string').and.match(/^\$/);
    expect(problem.message, JSON.stringify(problem)).to.be.a('string').and.not.equal('');
    expect(['error', 'warning'], JSON.stringify(problem)).to.include(problem.severity);
  }
  const fatal = result.problems.some((p) => p.severity === 'error');
  expect(fatal, `an error problem iff no article: ${JSON.stringify(result.problems)}`).to.equal(result.article === undefined);
  if (result.article !== undefined) {
    // No URL the gate refuses gets through, wherever it was.
    for (const [path, url] of urlsIn(result.article)) expect(safeUrl(url), `${path}: ${JSON.stringify(url)}`).to.not.equal(undefined);
    // What comes out is valid data: parsing it again (as JSON) changes nothing and finds nothing.
    const again = parse(json(result.article));
    expect(again.problems, 'the output parses without problems').to.deep.equal([]);
    expect(json(again.article)).to.deep.equal(json(result.article));
  }
}

type Descriptors = Map<PropertyKey, PropertyDescriptor | undefined>;
const PROTOTYPES: [string, object][] = [
  ['Object.prototype', Object.prototype],
  ['Array.prototype', Array.prototype],
  ['Function.prototype', Function.prototype],
  ['String.prototype', String.prototype],
  // Reachable from data as `constructor`: a merge that follows it would write here.
  ['Object', Object],
  ['Array', Array],
];
const descriptors = (o: object): Descriptors => new Map(Reflect.ownKeys(o).map((k) => [k, Object.getOwnPropertyDescriptor(o, k)]));
const before = new Map(PROTOTYPES.map(([name, o]) => [name, descriptors(o)]));

/**
 * No prototype gained, lost or changed a property. A change is undone before failing, so that the next
 * runs (and the shrinking of this one) start from clean prototypes.
 */
function checkPrototypes(): void {
  const changes: string[] = [];
  for (const [name, o] of PROTOTYPES) {
    const was = before.get(name)!;
    const now = descriptors(o);
    for (const [key, d] of now) {
      const w = was.get(key);
      if (w && d!.value === w.value && d!.get === w.get && d!.set === w.set) continue;
      changes.push(`${name}.${String(key)} ${w ? 'changed' : 'added'}`);
      if (w) Object.defineProperty(o, key, w);
      else delete (o as Record<PropertyKey, unknown>)[key];
    }
    for (const [key, w] of was) {
      if (now.has(key)) continue;
      changes.push(`${name}.${String(key)} deleted`);
      Object.defineProperty(o, key, w!);
    }
  }
  expect(changes, 'prototypes touched').to.deep.equal([]);
  expect(({} as Record<string, unknown>).polluted, '({}).polluted').to.equal(undefined);
  expect(Object.getPrototypeOf({})).to.equal(Object.prototype);
}

/** Resolves a URL as the browser would; `undefined` when it does not parse (a link that goes nowhere). */
function protocolOf(url: string, base = 'https://example.org/'): string | undefined {
  try {
    return new URL(url, base).protocol;
  } catch {
    return undefined;
  }
}

const URL_ATTRIBUTES = ['href', 'src', 'xlink:href', 'action', 'formaction', 'poster', 'cite', 'data', 'background', 'ping', 'srcset'];
const FORBIDDEN_ELEMENTS = 'script, iframe, frame, frameset, object, embed, base, form, meta, link';

/** Every URL in the rendered tree (all shadow roots) resolves to an allowed protocol; nothing can run. */
function checkRenderedSafety(el: Element): void {
  for (const node of deepQueryAll(el, '*')) {
    for (const {name, value} of Array.from(node.attributes)) {
      expect(/^on/i.test(name), `<${node.localName} ${name}>`).to.equal(false);
      if (!URL_ATTRIBUTES.includes(name)) continue;
      const urls = name === 'srcset' ? value.split(',').map((c) => c.trim().split(/\s+/)[0] ?? '') : [value];
      for (const url of urls) {
        const protocol = protocolOf(url, node.baseURI);
        if (protocol !== undefined) expect(ALLOWED_PROTOCOLS, `<${node.localName} ${name}="${url}">`).to.include(protocol);
      }
    }
  }
  const forbidden = deepQueryAll(el, FORBIDDEN_ELEMENTS).filter((n) => n !== el);
  expect(forbidden.map((n) => n.outerHTML.slice(0, 120))).to.deep.equal([]);
  expect((self as {__pwned?: unknown}).__pwned, 'a payload ran').to.equal(undefined);
}

const texts = (el: Element, part: string): string[] => deepQueryAll(el, `[part~="${part}"]`).map((n) => n.textContent ?? '');

/** Every plain-text field of a valid article is on screen, as text. */
function checkRenderedText(el: NewsArticle, a: Article): void {
  // As JSON, so a failure prints the strings themselves (and any invisible character in them).
  const equal = (part: string, expected: string[]) =>
    expect(JSON.stringify(texts(el, part)), `part "${part}"`).to.equal(JSON.stringify(expected));
  equal('headline', a.headline ? [a.headline] : []);
  equal('kicker', a.section ? [a.section] : []);
  equal('dateline', a.dateline ? [a.dateline] : []);
  equal('caption', a.image?.caption ? [a.image.caption] : []);
  const credits = texts(el, 'credit');
  expect(credits, 'credit').to.have.length(a.image?.credit ? 1 : 0);
  if (a.image?.credit) expect(credits[0], 'credit').to.include(a.image.credit);
  if (a.image) {
    const [image] = deepQueryAll(el, '[part~="image"]');
    expect(image?.getAttribute('src'), 'image src').to.equal(a.image.src);
    expect(image?.getAttribute('alt'), 'image alt').to.equal(a.image.alt ?? '');
  }
  const authors = a.authors ?? [];
  equal('author', authors.map((x) => (typeof x === 'string' ? x : x.name)));
  equal('role', authors.flatMap((x) => (typeof x !== 'string' && x.role ? [` (${x.role})`] : [])));
  const related = a.related ?? [];
  equal('related-headline', related.flatMap((r) => (r.headline ? [r.headline] : [])));
  equal('related-summary', related.flatMap((r) => (r.summary ? [r.summary] : [])));
  equal('publisher', a.publisher ? [a.publisher.name] : []);
  equal('tagline', a.publisher?.tagline ? [a.publisher.tagline] : []);
  const jump = texts(el, 'continuation');
  expect(jump, 'continuation').to.have.length(a.continuation ? 1 : 0);
  if (a.continuation?.text) expect(jump[0], 'continuation').to.include(a.continuation.text);
}

// ---------------------------------------------------------------------------------------------------

describe('properties (fast-check)', () => {
  describe('parseArticle()', () => {
    it('never throws, always answers {article, problems} and never touches a prototype, whatever it is given', async function () {
      this.timeout(120_000);
      const input = fc.oneof(
        {weight: 3, arbitrary: junk.map((recipe) => ({recipe}))},
        {weight: 1, arbitrary: pollutingArticle.map((recipe) => ({recipe}))},
        {weight: 2, arbitrary: mutatedArticle.map((mutated) => ({mutated}))},
      );
      await check(
        'parseArticle(junk) never throws nor pollutes',
        fc.property(input, (given) => {
          const value = 'recipe' in given ? build(given.recipe) : inject(given.mutated).input;
          const result = parse(value);
          checkResult(result);
          // Generous for a loaded machine: no input here needs more than a few ms of work per object.
          expect(result.ms, 'parseArticle answers within 1500 ms').to.be.below(1500);
        }),
        90_000,
      );
    });

    it('keeps every field of a valid article and reports no problem', async function () {
      this.timeout(120_000);
      await check(
        'valid article kept whole',
        fc.property(validArticle(), (article) => {
          const copy = structuredClone(article);
          for (const input of [article, json(article)]) {
            const {article: out, problems} = parse(input);
            expect(problems, 'problems').to.deep.equal([]);
            expect(json(out)).to.deep.equal(json(copy));
          }
          expect(article, 'the input is not changed').to.deep.equal(copy);
        }),
        90_000,
      );
    });

    it('drops every URL the gate refuses, wherever in the article it is, and keeps the article', async function () {
      this.timeout(120_000);
      await check(
        'hostile URLs dropped',
        fc.property(hostileArticle, (input) => {
          const result = parse(input);
          checkResult(result); // includes: every URL in the output passes safeUrl
          expect(result.article, JSON.stringify(result.problems)).to.not.equal(undefined);
          expect(result.problems.length, 'each dropped part is reported').to.be.above(0);
        }),
        90_000,
      );
    });

    it('keeps a valid article with junk in it whenever its headline/body are intact and no top-level type is wrong, and drops only what the junk touched', async function () {
      this.timeout(120_000);
      await check(
        'valid article with junk',
        fc.property(mutatedArticle, (mutated) => {
          const {input, touched, touchedItems, plain: isPlain} = inject(mutated);
          const result = parse(input);
          checkResult(result);
          const {article} = result;
          const textIntact = !touched.has('headline') && !touched.has('body');
          const wrong = isPlain ? ALL_TOP.filter((key) => wrongType(key, input[key])) : [];
          if (textIntact && isPlain && wrong.length === 0) {
            expect(article, `no top-level field has the wrong type, yet: ${JSON.stringify(result.problems)}`).to.not.equal(undefined);
          }
          if (!article) return;
          const original = mutated.article as Record<string, unknown>;
          const out = article as Record<string, unknown>;
          for (const key of Object.keys(original)) {
            if (touched.has(key)) continue;
            const items = touchedItems.get(key);
            if (!items) {
              expect(json(out[key]), `untouched $.${key}`).to.deep.equal(json(original[key]));
              continue;
            }
            // Untouched items of a touched list all survive, in order.
            const kept = (original[key] as unknown[]).filter((_, i) => !items.has(i)).map((x) => JSON.stringify(x));
            const got = ((out[key] ?? []) as unknown[]).map((x) => JSON.stringify(x));
            let i = 0;
            for (const item of got) if (item === kept[i]) i++;
            expect(i, `untouched items of $.${key} kept: ${JSON.stringify(kept)} in ${JSON.stringify(got)}`).to.equal(kept.length);
          }
        }),
        90_000,
      );
    });

    it('refuses an article whose top-level field has the wrong JSON type (e.g. "image": []), as the contract says', async function () {
      this.timeout(120_000);
      // A valid article with one top-level field set to a value of another JSON type.
      const notString = junkLeaf.filter((r) => r.k === 'leaf' && typeof r.v !== 'string' && r.v !== undefined);
      const otherType: fc.Arbitrary<Recipe> = fc.oneof(
        notString,
        fc.array(junkLeaf, {maxLength: 3}).map((items): Recipe => ({k: 'arr', items})),
        fc.array(fc.tuple(junkKey, junkLeaf), {maxLength: 3}).map((entries): Recipe => ({k: 'obj', entries})),
        junkString.map((v): Recipe => ({k: 'leaf', v})),
      );
      const withWrongType = fc.record({article: validArticle(), key: fc.constantFrom(...ALL_TOP), junk: otherType});
      await check(
        'wrong top-level type is fatal',
        fc.property(withWrongType, ({article, key, junk: recipe}) => {
          const input = structuredClone(article) as Record<string, unknown>;
          define(input, key, build(recipe));
          fc.pre(wrongType(key, input[key]));
          const result = parse(input);
          checkResult(result);
          expect(result.article, `$.${key} has the wrong type, yet: ${JSON.stringify(result.problems)}`).to.equal(undefined);
        }),
        90_000,
      );
    });

    it('answers in time for objects that share references (work bounded by the objects, not by their unfolding)', async function () {
      this.timeout(120_000);
      // 22 objects, each holding the next twice, unfold to 2^22 paths; JSON cannot express the sharing,
      // but a program handing over its own objects can. A copy that follows every path takes seconds.
      const shared = fc.record({graph: dag(2 ** 22), at: fc.constantFrom('$', 'related', 'image', 'authors', 'publisher')});
      await check(
        'shared references parse in bounded time',
        fc.property(shared, ({graph, at}) => {
          const value = build(graph);
          const input = at === '$' ? value : {headline: 'shared', [at]: value};
          const result = parse(input);
          checkResult(result);
          // At most 23 objects: a few ms of work. Following every path instead takes seconds.
          expect(result.ms, 'parseArticle answers within 500 ms').to.be.below(500);
        }),
        90_000,
      );
    });
  });

  describe('safeUrl()', () => {
    const urlish = fc.oneof(
      fc.string({unit: 'binary'}),
      fc.string({unit: fc.constantFrom(...'javscriptJAVSCRIPhtpmailoe:/\\?#&%;3aAxX0 \t\n\u0000\u00A0\u200B@.'.split(''))}),
      fc.tuple(fc.stringMatching(/^[A-Za-z][A-Za-z0-9+.-]{0,12}$/), fc.string({unit: 'binary'})).map(([s, rest]) => `${s}:${rest}`),
      absoluteUrl,
      relativeUrl,
      mailtoUrl,
      telUrl,
      obfuscatedScheme,
      // Good URLs with a control or invisible character somewhere.
      fc
        .tuple(fc.oneof(absoluteUrl, relativeUrl), fc.nat(), fc.constantFrom(...INSERTS))
        .map(([url, at, ch]) => url.slice(0, 1 + (at % url.length)) + ch + url.slice(1 + (at % url.length))),
    );

    it('never throws, and what it returns resolves to http, https, mailto or tel and hides nothing', async function () {
      this.timeout(60_000);
      await check(
        'safeUrl result resolves to an allowed protocol',
        fc.property(fc.oneof({weight: 5, arbitrary: urlish}, {weight: 1, arbitrary: fc.anything()}), (value) => {
          const out = safeUrl(value);
          if (typeof value !== 'string') {
            expect(out).to.equal(undefined);
            return;
          }
          if (out === undefined) return;
          expect(out).to.equal(value.trim());
          expect(safeUrl(out), 'idempotent').to.equal(out);
          // Nothing a browser strips or ignores (and that could hide a scheme) is let through.
          expect(out, 'no control or invisible characters').to.not.match(/[\u0000-\u001F\u007F-\u009F\u00AD\u200B-\u200F\u2028\u2029\u2060\uFEFF]/);
          const protocol = protocolOf(out);
          if (protocol !== undefined) expect(ALLOWED_PROTOCOLS, `${JSON.stringify(out)} → ${protocol}`).to.include(protocol);
        }),
        30_000,
      );
    });

    it('refuses every obfuscation of javascript: (case, control and invisible characters, entities, percent-encoding)', async function () {
      this.timeout(60_000);
      await check(
        'safeUrl refuses obfuscated schemes',
        fc.property(obfuscatedScheme, (url) => {
          expect(safeUrl(url), JSON.stringify(url)).to.equal(undefined);
        }),
        30_000,
      );
    });

    it('accepts every http(s), mailto, tel and relative URL the generators make', async function () {
      this.timeout(60_000);
      await check(
        'safeUrl keeps good URLs',
        fc.property(fc.oneof(absoluteUrl, relativeUrl, mailtoUrl, telUrl), (url) => {
          expect(safeUrl(url), JSON.stringify(url)).to.equal(url);
        }),
        30_000,
      );
    });
  });

  describe('<news-article>', () => {
    let host: HTMLElement;
    let errors: string[];
    let wake: (() => void) | undefined;
    const onError = (e: ErrorEvent) => (errors.push(`error: ${e.message}`), wake?.());
    const onRejection = (e: PromiseRejectionEvent) => (errors.push(`unhandledrejection: ${String(e.reason)}`), wake?.());

    beforeEach(() => {
      errors = [];
      host = document.createElement('div');
      // Hidden: lazy images never load, so a thousand articles make no thousand requests.
      host.hidden = true;
      document.body.append(host);
      window.addEventListener('error', onError);
      window.addEventListener('unhandledrejection', onRejection);
    });
    afterEach(() => {
      window.removeEventListener('error', onError);
      window.removeEventListener('unhandledrejection', onRejection);
      host.remove();
    });

    /**
     * Sets `input` as the `article` property (connecting the element the first time) and resolves with
     * the event that announced it once everything has settled. `undefined` is no data: no event.
     */
    async function show(el: NewsArticle, input: unknown): Promise<string> {
      let timer: ReturnType<typeof setTimeout> | undefined;
      const controller = new AbortController();
      const outcome = new Promise<string>((resolve) => {
        el.addEventListener('news-load', () => resolve('news-load'), {signal: controller.signal});
        el.addEventListener('news-error', () => resolve('news-error'), {signal: controller.signal});
        wake = () => resolve('an uncaught error');
        timer = setTimeout(() => resolve(input === undefined ? 'none' : 'no event within 3 s'), input === undefined ? 0 : 3000);
      });
      (el as unknown as {article: unknown}).article = input;
      if (!el.isConnected) host.append(el);
      const result = await outcome;
      controller.abort();
      clearTimeout(timer);
      wake = undefined;
      try {
        await el.updateComplete;
      } catch (error) {
        errors.push(`updateComplete rejected: ${String(error)}`);
      }
      // Errors thrown in a later task (a rejected update, an event handler) land before this.
      await new Promise((r) => setTimeout(r));
      return result;
    }

    /** No uncaught error; an article or the error state (or nothing, for no data); nothing unsafe. */
    function checkSettled(el: NewsArticle, input: unknown, outcome: string): Element | null {
      expect(errors.join('\n'), 'uncaught errors').to.equal('');
      const root = el.shadowRoot!;
      const article = root.querySelector('article[part~="article"]');
      const alert = root.querySelector('[part~="error"][role="alert"]');
      if (input === undefined) {
        expect([outcome, !!article, !!alert]).to.deep.equal(['none', false, false]);
      } else {
        expect(outcome).to.be.oneOf(['news-load', 'news-error']);
        expect(!!article !== !!alert, 'a rendered article or the error state').to.equal(true);
        expect(outcome).to.equal(article ? 'news-load' : 'news-error');
      }
      checkRenderedSafety(el);
      return article;
    }

    function checkValid(el: NewsArticle, article: Element | null, value: Article): void {
      expect(article, 'a valid article renders').to.not.equal(null);
      expect(deepQueryAll(el, '[role="alert"]').length, 'no error state inside a valid article').to.equal(0);
      checkRenderedText(el, value);
    }

    it('renders any input without an uncaught error, safely, and shows every text field of a valid article as text', async function () {
      this.timeout(240_000);
      const input = fc.oneof(
        // A valid article, sometimes replaced by a second one (the update path: keyed lists, parts).
        {
          weight: 3,
          arbitrary: fc.record({
            article: validArticle(),
            next: fc.oneof({weight: 3, arbitrary: fc.constant(undefined)}, {weight: 1, arbitrary: validArticle()}),
          }),
        },
        {weight: 1, arbitrary: hostileArticle.map((hostile) => ({hostile}))},
        {weight: 1, arbitrary: mutatedArticle.filter((m) => m.mutations.every(({junk: r}) => !uses(r, 'huge', 'deep', 'dag'))).map((mutated) => ({mutated}))},
        {weight: 1, arbitrary: junk.filter((r) => !uses(r, 'huge', 'deep', 'dag')).map((recipe) => ({recipe}))},
      );
      await check(
        '<news-article> renders anything',
        fc.asyncProperty(input, async (given) => {
          errors = [];
          const value =
            'article' in given ? given.article
            : 'hostile' in given ? given.hostile
            : 'recipe' in given ? build(given.recipe)
            : inject(given.mutated).input;
          const el = document.createElement('news-article');
          try {
            const article = checkSettled(el, value, await show(el, value));
            if (!('article' in given)) return;
            checkValid(el, article, given.article);
            if (given.next) {
              checkValid(el, checkSettled(el, given.next, await show(el, given.next)), given.next);
            }
          } finally {
            el.remove();
          }
        }),
        210_000,
      );
    });
  });
});
