/**
 * Markdown that tries to hang the renderer. Every input goes through the public path — renderMarkdown()
 * (marked → sanitizer → fragment), and for a few `<news-body .markdown>` — and must come back as a
 * non-empty fragment within BOUND_MS.
 *
 * The first table mirrors, shape by shape, the ReDoS regression cases marked keeps in test/specs/redos/
 * (repository markedjs/marked); each entry names the upstream case file it mirrors. The inputs are built
 * by our own generators, not copied; sizes follow upstream where upstream builds big inputs, and small
 * fixed fixtures are scaled up to tens of kilobytes. The second table is our issue's list.
 *
 * JavaScript cannot interrupt a synchronous parse, and mocha's timeout does not fire during one, so sizes
 * are chosen such that a quadratic blow-up of any case still ends within about a minute: a regression
 * fails a test instead of freezing CI.
 *
 * WebKit runs every case at SCALE = 1/20 of the size. Its regex engine scans to the end of the input for
 * some of marked's rules that other engines fail at once, so lexing costs O(tokens × length) there:
 * src/markdown/render.ts keeps the inline `url` and text rules linear in every engine (which fixed runs
 * of `[`, `a_a_…` and `a*a*…`), but block rules on 10,000 reference definitions still take tens of seconds
 * in WebKit at full size (under a second elsewhere). Known and documented in SECURITY.md.
 */
import {expect, fixture, html} from '@open-wc/testing';
import '../src/news-body.js';
import type {NewsBody} from '../src/news-body.js';
import {NewsError} from '../src/events.js';
import {DEFAULT_MAX_MARKDOWN, renderMarkdown} from '../src/markdown/render.js';
import {sanitizerKind} from '../src/markdown/sanitize.js';
import {engine} from './harness/env.js';
import {nextEvent} from './helpers.js';

/**
 * Per-case bound: ten times the slowest case that is not a known bug (100,000 reference links,
 * quadratic_inline_masking-c: about 0.6 s in Chromium and Firefox on a 2-core shared machine, 1 s in WebKit
 * at its scale). A real ReDoS at these sizes takes minutes.
 */
const BOUND_MS = 10_000;

/** Size factor of every case in this engine (see the file comment). */
const SCALE = engine === 'webkit' ? 0.05 : 1;

/** `count` scaled by `k`, at least 1. */
const x = (count: number, k: number): number => Math.max(1, Math.round(count * k));

interface Case {
  name: string;
  /** The input at size factor `k` (1 = the size named in the comment). */
  input: (k: number) => string;
  /** A look at the output beyond "a non-empty fragment", where one is cheap and engine-independent. */
  check?: (fragment: DocumentFragment, k: number) => void;
}

const range = <T>(n: number, f: (i: number) => T): T[] => Array.from({length: n}, (_, i) => f(i));
const count = (fragment: DocumentFragment, selector: string): number => fragment.querySelectorAll(selector).length;

/** Shapes of marked's test/specs/redos/ cases, one entry per published case (files with several: -a, -b …). */
const upstream: Case[] = [
  // backticks_alternating_in_link.md: code-span delimiters alternating with text inside a link label.
  {name: 'backticks_alternating_in_link', input: (k) => '[' + '` a '.repeat(x(5000, k)) + '`](https://example.com)'},
  // backticks_in_link_label.md: a link label that is one run of backticks.
  {name: 'backticks_in_link_label', input: (k) => '[' + '`'.repeat(x(10_000, k)) + '](https://example.com)'},
  // backticks_in_link_no_close.md: an unclosed `[` followed by many four-backtick code spans.
  {
    name: 'backticks_in_link_no_close',
    input: (k) => '[' + range(x(3000, k), (i) => `\`\`\`\`code${i}\`\`\`\``).join(' '),
    check: (f, k) => expect(count(f, 'code')).to.equal(x(3000, k)),
  },
  // code_blank_line.cjs: a tab-indented line holding a vertical tab (an indented code block of whitespace).
  {name: 'code_blank_line', input: () => '\t\v\n', check: (f) => expect(count(f, 'pre')).to.equal(1)},
  // cubic_def.cjs: a definition-like line whose destination and title are separated by long space runs.
  {name: 'cubic_def', input: (k) => `[x]:${' '.repeat(x(1500, k))}x ${' '.repeat(x(1500, k))} x`},
  // cubic_link_title.cjs: `a[b](c` repeated, an inline link never closed.
  {name: 'cubic_link_title', input: (k) => 'a[b](c'.repeat(x(1000, k))},
  // cubic_link_unicode_space.cjs: an empty label and `(` followed by a long run of U+00A0.
  {name: 'cubic_link_unicode_space', input: (k) => '[](' + '\u00a0'.repeat(x(50_000, k))},
  // link_code.md: function signatures in code spans, `[`s inside them, and one stray backtick up front.
  {
    name: 'link_code',
    input: (k) =>
      'FIND(s, p[, start)` : finds p in s: `FIND("1212", "2", 1)` == `2`\n' +
      range(x(2000, k), (i) => `\`FN${i}(a[, b][, c])\` : returns \`FN${i}("x", 1)\` == \`1\``).join('\n'),
  },
  // nested_blockquote.js: `>` repeated, each one a blockquote inside the last. Upstream: 5,000, which is
  // right at Firefox's stack limit here (Chromium's is about 2,500); 10,000 fails the same way in both.
  {name: 'nested_blockquote', input: (k) => '>'.repeat(x(10_000, k)), check: (f) => expect(count(f, 'blockquote')).to.be.above(0)},
  // quadratic_br.cjs: a character and a long run of trailing spaces (hard-break candidates).
  {name: 'quadratic_br', input: (k) => 'a' + ' '.repeat(x(50_000, k))},
  // quadratic_em_mask.cjs (4 inputs): runs of `[`, `[.`, `<` and `<.`.
  {name: 'quadratic_em_mask-a', input: (k) => '['.repeat(x(100_000, k))},
  {name: 'quadratic_em_mask-b', input: (k) => '[.'.repeat(x(50_000, k))},
  {name: 'quadratic_em_mask-c', input: (k) => '<'.repeat(x(100_000, k))},
  {name: 'quadratic_em_mask-d', input: (k) => '<.'.repeat(x(50_000, k))},
  // quadratic_email.cjs: one long word (a GFM email-autolink candidate at every position).
  {name: 'quadratic_email', input: (k) => 'a'.repeat(x(50_000, k))},
  // quadratic_email_autolink.cjs (2 inputs): `a_` and `a*` repeated. Upstream repeats them 50,000 times,
  // which takes 3–15 s here: a known bug, shown by the growth tests below; the table runs a quarter.
  {name: 'quadratic_email_autolink-a', input: (k) => 'a_'.repeat(x(12_500, k))},
  {name: 'quadratic_email_autolink-b', input: (k) => 'a*'.repeat(x(12_500, k))},
  // quadratic_emstrong_delim.cjs: a long run of `_` then a word.
  {name: 'quadratic_emstrong_delim', input: (k) => '_'.repeat(x(10_000, k)) + ' a'},
  // quadratic_footnote_defs.cjs: 13,000 `[^n]` references and as many `[^n]: x` definitions.
  {
    name: 'quadratic_footnote_defs',
    input: (k) => range(x(13_000, k), (i) => `[^${i}]`).join(' ') + '\n\n' + range(x(13_000, k), (i) => `[^${i}]: x`).join('\n'),
    check: (f, k) => expect(count(f, 'a')).to.equal(x(13_000, k)),
  },
  // quadratic_heading.cjs: `# #`, a long run of spaces, then text.
  {name: 'quadratic_heading', input: (k) => '# #' + ' '.repeat(x(50_000, k)) + 'a', check: (f) => expect(count(f, 'h3')).to.equal(1)},
  // quadratic_html_block_close.cjs: an HTML declaration opener followed by many `a>`.
  {name: 'quadratic_html_block_close', input: (k) => '<!x ' + 'a>'.repeat(x(50_000, k))},
  // quadratic_html_prefix_interrupt.cjs: paragraph lines alternating with a self-closing custom tag.
  {name: 'quadratic_html_prefix_interrupt', input: (k) => 'a\n<prefix/>'.repeat(x(10_000, k))},
  // quadratic_inline_masking.cjs (3 inputs): escapes, code spans and reference links, each 10⁵ times.
  {name: 'quadratic_inline_masking-a', input: (k) => '\\.'.repeat(x(100_000, k))},
  {
    name: 'quadratic_inline_masking-b',
    input: (k) => '`x` '.repeat(x(60_000, k)),
    check: (f, k) => expect(count(f, 'code')).to.equal(x(60_000, k)),
  },
  {
    name: 'quadratic_inline_masking-c',
    input: (k) => '[a]: https://example.org/\n\n' + '[a] '.repeat(x(100_000, k)),
    check: (f, k) => expect(count(f, 'a')).to.equal(x(100_000, k)),
  },
  // quadratic_link_empty_href.cjs: an empty label and `(` followed by a long run of spaces.
  {name: 'quadratic_link_empty_href', input: (k) => '[](' + ' '.repeat(x(50_000, k))},
  // quadratic_link_unclosed_repeated.cjs: `[a](` repeated, never closed.
  {name: 'quadratic_link_unclosed_repeated', input: (k) => '[a]('.repeat(x(20_000, k)) + 'b'},
  // quadratic_lists.cjs: ten thousand one-word list items.
  {name: 'quadratic_lists', input: (k) => '- a\n'.repeat(x(10_000, k)), check: (f, k) => expect(count(f, 'li')).to.equal(x(10_000, k))},
  // quadratic_nested_reflink_defs.cjs: `[[x]][id]` 13,000 times and 13,000 unused definitions.
  {
    name: 'quadratic_nested_reflink_defs',
    input: (k) =>
      '[[x]][id] '.repeat(x(13_000, k)) + '\n\n[id]: /url\n' + range(x(13_000, k), (i) => `[unused-${i}]: /${i}`).join('\n'),
    check: (f, k) => expect(count(f, 'a')).to.equal(x(13_000, k)),
  },
  // quadratic_reflink_search.cjs (2 inputs): `[`, then escaped brackets (or pairs) after tabs, then `[`.
  {name: 'quadratic_reflink_search-a', input: (k) => '[' + '\t\\['.repeat(x(18_000, k)) + '['},
  {name: 'quadratic_reflink_search-b', input: (k) => '[' + '\t\\[\\]'.repeat(x(14_000, k)) + '['},
  // quadratic_tilde_paragraph_interrupt.cjs: a paragraph, then a line of 50,000 `~` (a fence opener).
  {name: 'quadratic_tilde_paragraph_interrupt', input: (k) => 'intro\n' + '~'.repeat(x(50_000, k))},
  // quadratic_underscores.cjs: a run of `_` then a word (upstream: 101; here 40,000).
  {name: 'quadratic_underscores', input: (k) => '_'.repeat(x(40_000, k)) + ' a'},
  // quadratic_unmatched_emphasis.cjs (4 inputs): unmatched left-flanking `*`, `_` and `~` delimiters.
  {name: 'quadratic_unmatched_emphasis-a', input: (k) => '- *'.repeat(x(2000, k))},
  {name: 'quadratic_unmatched_emphasis-b', input: (k) => '+ _'.repeat(x(2000, k))},
  {name: 'quadratic_unmatched_emphasis-c', input: (k) => '*x *x '.repeat(x(2000, k))},
  {name: 'quadratic_unmatched_emphasis-d', input: (k) => '~x ~x '.repeat(x(2000, k))},
  // quadratic_unterminated_links.cjs: `[a](b` repeated, never closed.
  {name: 'quadratic_unterminated_links', input: (k) => '[a](b'.repeat(x(50_000, k))},
  // redos_html_closing (.md/.html): a tag-like `<tag` with many empty quoted strings, then `<" />a'a`.
  {name: 'redos_html_closing', input: (k) => '<tag' + '  ""'.repeat(x(5000, k)) + `<" />a'a`},
  // redos_nolink.md: an image opener followed by escaped and bare brackets, ending in `!\`.
  {name: 'redos_nolink', input: (k) => '![' + '\\[[]'.repeat(x(5000, k)) + '!\\'},
  // reflink_redos.md: a definition, then `[` and escaped `\[\](` groups that never close.
  {name: 'reflink_redos', input: (k) => '[x]: x\n\n[' + '\\[\\]('.repeat(x(5000, k)) + '['},
];

/** Our issue's list. */
const issue: Case[] = [
  // Quotes in quotes. The issue asks for 5,000, which is just under Firefox's stack limit (about 5,300 in
  // marked's recursive lexer; Chromium's: about 3,100): 10,000 overflows in both, deterministically.
  {
    name: 'blockquote_depth_10000',
    input: (k) => '> '.repeat(x(10_000, k)) + 'deep',
    check: (f) => expect(f.textContent).to.include('deep'),
  },
  // Each `- ` opens a list inside the previous item, all on one line. Stack limits: about 1,200 levels in
  // Chromium, 2,600 in Firefox; 5,000 is past both.
  {
    name: 'list_markers_depth_5000',
    input: (k) => '- '.repeat(x(5000, k)) + 'deep',
    check: (f) => expect(f.textContent).to.include('deep'),
  },
  // One item per line, each indented one level deeper. 2,000 levels would be 4 MB (refused by the cap,
  // tested below); time grows with about the cube of the depth, so 300 levels (90 KB) here.
  {
    name: 'list_indent_depth_300',
    input: (k) => range(x(300, k), (i) => '  '.repeat(i) + `- item ${i}`).join('\n'),
    check: (f, k) => expect(f.textContent).to.include(`item ${x(300, k) - 1}`),
  },
  {
    name: 'nested_brackets_50k',
    input: (k) => '['.repeat(x(50_000, k)) + 'x' + ']'.repeat(x(50_000, k)) + '(https://example.org/)',
    check: (f) => expect(f.textContent).to.include('x'),
  },
  {name: 'run_stars_100k', input: (k) => '*'.repeat(x(100_000, k))},
  {
    name: 'run_brackets_100k',
    input: (k) => '['.repeat(x(100_000, k)),
    check: (f, k) => expect(f.textContent!.trim()).to.have.length(x(100_000, k)),
  },
  {
    name: 'run_angles_100k',
    input: (k) => '<'.repeat(x(100_000, k)),
    check: (f, k) => expect(f.textContent!.trim()).to.have.length(x(100_000, k)),
  },
  {name: 'run_backticks_100k', input: (k) => '`'.repeat(x(100_000, k))},
  {name: 'single_line_100k', input: (k) => 'word '.repeat(x(20_000, k)), check: (f) => expect(count(f, 'p')).to.equal(1)},
  {
    name: 'cjk_line_100k',
    input: (k) => '今天本报记者在现场看到，村民们正在田间忙着春耕备耕。'.repeat(4000).slice(0, x(100_000, k)),
    check: (f, k) => expect(f.textContent!.trim()).to.have.length(x(100_000, k)),
  },
  {
    name: 'table_5000_columns',
    input: (k) =>
      [
        '|' + range(x(5000, k), (i) => ` c${i} `).join('|') + '|',
        '|' + '---|'.repeat(x(5000, k)),
        '|' + range(x(5000, k), (i) => ` ${i} `).join('|') + '|',
      ].join('\n'),
    check: (f, k) => {
      expect(count(f, 'th')).to.equal(x(5000, k));
      expect(count(f, 'td')).to.equal(x(5000, k));
    },
  },
  {
    name: 'reference_definitions_10000',
    input: (k) =>
      range(x(10_000, k), (i) => `[ref-${i}]: https://example.org/${i} "title ${i}"`).join('\n') +
      `\n\nSee [ref-0] and [ref-${x(10_000, k) - 1}].`,
    check: (f, k) => {
      const links = [...f.querySelectorAll('a')].map((a) => a.getAttribute('href'));
      expect(links).to.deep.equal(['https://example.org/0', `https://example.org/${x(10_000, k) - 1}`]);
    },
  },
];

const cases = [...upstream, ...issue];

const runLabel = `${engine}/${sanitizerKind()}`;
const timings: {name: string; ms: number}[] = [];

/** Milliseconds renderMarkdown takes for `input` (rejections propagate). */
async function timeRender(input: string): Promise<{fragment: DocumentFragment; ms: number}> {
  const start = performance.now();
  const fragment = await renderMarkdown(input);
  return {fragment, ms: performance.now() - start};
}

const refusal = (promise: Promise<unknown>): Promise<unknown> =>
  promise.then(
    () => undefined,
    (e: unknown) => e,
  );

describe('renderMarkdown with pathological Markdown', () => {
  before(async () => {
    // Loads the sanitizer (DOMPurify is a dynamic import) so the first case is not charged for it.
    await renderMarkdown('warm *up* [x](https://example.org/)');
  });

  after(() => {
    const slowest = timings.reduce((a, b) => (b.ms > a.ms ? b : a), {name: '-', ms: 0});
    console.log(
      `markdown pathological: ${timings.length} cases, slowest ${slowest.name} ${Math.round(slowest.ms)} ms (${runLabel}, scale ${SCALE})`,
    );
  });

  for (const c of cases) {
    it(`renders ${c.name} to a non-empty fragment within the bound`, async function () {
      // A slow case should fail on its measured time below, not on mocha's clock.
      this.timeout(120_000);
      const input = c.input(SCALE);
      expect(input.length).to.be.at.most(DEFAULT_MAX_MARKDOWN);
      const start = performance.now();
      let fragment: DocumentFragment;
      try {
        fragment = await renderMarkdown(input);
      } finally {
        timings.push({name: c.name, ms: performance.now() - start});
      }
      const ms = timings[timings.length - 1].ms;
      expect(ms, `${c.name} (${input.length} characters) took ${Math.round(ms)} ms`).to.be.below(BOUND_MS);
      expect(fragment).to.be.instanceOf(DocumentFragment);
      expect(fragment.childNodes.length, 'rendered nothing').to.be.above(0);
      c.check?.(fragment, SCALE);
    });
  }
});

describe('renderMarkdown on shapes known to be super-linear', () => {
  /**
   * Time for 4n against time for n, the smaller one the median of three. Linear work gives about 4;
   * quadratic about 16.
   */
  async function growth(unit: string, n: number): Promise<{ratio: number; small: number; large: number}> {
    // Medians of three, interleaved, so a GC pause or the other browsers' load on this shared machine
    // does not decide the ratio.
    const smalls: number[] = [];
    const larges: number[] = [];
    for (let i = 0; i < 3; i++) {
      smalls.push((await timeRender(unit.repeat(n))).ms);
      larges.push((await timeRender(unit.repeat(4 * n))).ms);
    }
    const median = (xs: number[]) => xs.sort((a, b) => a - b)[1]!;
    const small = median(smalls);
    const large = median(larges);
    return {ratio: large / Math.max(small, 5), small, large};
  }

  // quadratic_email_autolink.cjs upstream: marked 18.2's inline text rule looks ahead over the rest of a run
  // of e-mail characters for an `@` at every `_` or `*`; src/markdown/render.ts bounds that look-ahead.
  for (const unit of ['a_', 'a*']) {
    it(`renders \`${unit}\` repeated in time that grows linearly with its length`, async function () {
      this.timeout(120_000);
      const n = engine === 'webkit' ? 10_000 : 20_000;
      const {ratio, small, large} = await growth(unit, n);
      expect(
        ratio,
        `${2 * n} → ${8 * n} characters: ${Math.round(small)} ms → ${Math.round(large)} ms (1 MB would take ` +
          `${Math.round((large / 1000) * ((DEFAULT_MAX_MARKDOWN / (8 * n)) ** 2))} s at this rate)`,
        // Linear growth gives 4, quadratic 16; the margin absorbs a shared machine's noise.
      ).to.be.below(9);
    });
  }

  it('renders a 30 KB run of `[` in under a second in every engine', async function () {
    // About 10–20 ms in every engine. Before src/markdown/render.ts bounded marked's `url` rule, WebKit took
    // about 6 s here, growing with the square of the length (file comment).
    this.timeout(120_000);
    const {ms} = await timeRender('['.repeat(30_000));
    expect(ms, `took ${Math.round(ms)} ms`).to.be.below(1000);
  });
});

describe('<news-body> with pathological Markdown', () => {
  const picked = ['nested_brackets_50k', 'cjk_line_100k', 'table_5000_columns', 'run_angles_100k', 'blockquote_depth_10000'];
  for (const name of picked) {
    const c = cases.find((k) => k.name === name)!;
    it(`renders ${name} within the bound, without an error state`, async function () {
      this.timeout(120_000);
      const markdown = c.input(SCALE);
      const errors: CustomEvent[] = [];
      const start = performance.now();
      const el = await fixture<NewsBody>(
        html`<news-body .markdown=${markdown} @news-error=${(e: CustomEvent) => errors.push(e)}></news-body>`,
      );
      await el.updateComplete;
      const ms = performance.now() - start;
      expect(errors.map((e) => e.detail), 'news-error').to.deep.equal([]);
      expect(ms, `${name} took ${Math.round(ms)} ms`).to.be.below(BOUND_MS);
      const root = el.shadowRoot!;
      expect(root.querySelector('[part="error"]')).to.equal(null);
      expect(root.querySelector('[part="body"]')!.childNodes.length, 'rendered nothing').to.be.above(0);
    });
  }
});

describe('the Markdown size cap', () => {
  // A table of 25,000 rows × 10 cells: linear to parse in every engine (each cell is lexed on its own),
  // heavy to sanitize and build.
  const table = (length: number): string => {
    const head = '| a | b | c | d | e | f | g | h | i | j |\n|---|---|---|---|---|---|---|---|---|---|\n';
    const row = '| 1 | 2 | 3 | 4 | 5 | 6 | 7 | 8 | 9 | 0 |\n';
    return (head + row.repeat(Math.ceil(length / row.length))).slice(0, length);
  };

  it('refuses input over DEFAULT_MAX_MARKDOWN with a too-large NewsError, before parsing it', async function () {
    this.timeout(60_000);
    const input = table(DEFAULT_MAX_MARKDOWN + 1);
    const start = performance.now();
    const error = await refusal(renderMarkdown(input));
    const ms = performance.now() - start;
    expect(error).to.be.instanceOf(NewsError);
    expect((error as NewsError).code).to.equal('too-large');
    expect((error as NewsError).message).to.include(`${DEFAULT_MAX_MARKDOWN + 1} characters`);
    // Rendering an eighth of it takes longer than refusing all of it: the refusal parsed nothing.
    const {fragment, ms: eighth} = await timeRender(table(DEFAULT_MAX_MARKDOWN / 8));
    expect(count(fragment, 'td')).to.be.above(25_000);
    // Compared with the same machine's render, not an absolute bound: on a loaded 2-core machine a GC pause
    // can land in either measurement.
    expect(ms, `refusal took ${ms.toFixed(1)} ms, an eighth rendered in ${eighth.toFixed(1)} ms`).to.be.below(eighth / 2);
  });

  it('refuses a 2,000-level indented list (4 MB) as too large at once', async () => {
    const input = range(2000, (i) => '  '.repeat(i) + `- item ${i}`).join('\n');
    expect(input.length).to.be.above(DEFAULT_MAX_MARKDOWN);
    const start = performance.now();
    const error = await refusal(renderMarkdown(input));
    expect((error as NewsError).code).to.equal('too-large');
    expect(performance.now() - start).to.be.below(50);
  });

  it('accepts input of exactly DEFAULT_MAX_MARKDOWN characters', async function () {
    this.timeout(60_000);
    const input = '新闻'.repeat(DEFAULT_MAX_MARKDOWN / 2);
    expect(input).to.have.length(DEFAULT_MAX_MARKDOWN);
    const fragment = await renderMarkdown(input);
    expect(fragment.textContent!.trim()).to.have.length(DEFAULT_MAX_MARKDOWN);
  });

  it('honours maxLength on renderMarkdown: one over is refused, exactly at it and a cap above the default are accepted', async function () {
    this.timeout(60_000);
    const error = await refusal(renderMarkdown('x'.repeat(102), {maxLength: 101}));
    expect(error).to.be.instanceOf(NewsError);
    expect((error as NewsError).code).to.equal('too-large');
    expect((error as NewsError).message).to.include('101-character cap');
    const fragment = await renderMarkdown('x'.repeat(101), {maxLength: 101});
    expect(fragment.textContent!.trim()).to.equal('x'.repeat(101));
    const big = await renderMarkdown('新'.repeat(DEFAULT_MAX_MARKDOWN + 1), {maxLength: DEFAULT_MAX_MARKDOWN + 1});
    expect(big.textContent!.trim()).to.have.length(DEFAULT_MAX_MARKDOWN + 1);
  });

  it('honours the max-length attribute of <news-body>: one over shows too-large, exactly at it renders', async () => {
    const over = document.createElement('news-body');
    over.setAttribute('max-length', '20');
    over.markdown = '**bold** and 01234567';
    const error = Promise.race([
      nextEvent<CustomEvent>(over, 'news-error'),
      new Promise<never>((_, reject) => setTimeout(() => reject(new Error('no news-error within 5 s')), 5000)),
    ]);
    document.body.append(over);
    try {
      const {detail} = await error;
      expect(detail.code).to.equal('too-large');
      expect(detail.message).to.include('21 characters');
      await over.updateComplete;
      expect(over.shadowRoot!.querySelector('[part="error"]')).to.not.equal(null);
      expect(over.shadowRoot!.querySelector('[part="body"]')).to.equal(null);
    } finally {
      over.remove();
    }

    const errors: Event[] = [];
    const at = await fixture<NewsBody>(
      html`<news-body max-length="20" .markdown=${'**bold** and 0123456'} @news-error=${(e: Event) => errors.push(e)}></news-body>`,
    );
    await at.updateComplete;
    expect(errors).to.have.length(0);
    expect(at.maxLength).to.equal(20);
    expect(at.shadowRoot!.querySelector('[part="body"] strong')!.textContent).to.equal('bold');
  });
});
