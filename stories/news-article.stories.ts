import type {Meta, StoryObj} from '@storybook/web-components-vite';
import {html} from 'lit';
import {ifDefined} from 'lit/directives/if-defined.js';
import type {Article} from '../src/index.js';
import '../src/news-article.js';
import {arabic, english, long, relatedItems, seed} from './data.js';
import {ui} from './ui.js';

interface Args {
  article?: Article;
  src?: string;
  headingLevel: number;
  linkTarget?: string;
  look?: 'print';
  width?: number;
  inline?: string;
}

/**
 * `<news-article>`: a whole story from JSON. The toolbar's locale sets the element's `lang` (the words the
 * element adds: "新闻推荐", errors, dates); the article keeps its own language for its text.
 */
const meta: Meta<Args> = {
  title: 'Elements/news-article',
  component: 'news-article',
  tags: ['autodocs'],
  args: {article: seed, headingLevel: 2},
  argTypes: {
    article: {control: 'object', description: 'The article JSON (validated on assignment).'},
    headingLevel: {control: {type: 'number', min: 1, max: 6}, name: 'heading-level'},
    linkTarget: {control: 'select', options: [undefined, '_blank'], name: 'link-target'},
    look: {control: 'select', options: [undefined, 'print']},
    width: {control: {type: 'range', min: 280, max: 1400, step: 20}, description: 'Width of the column (story only)'},
    inline: {table: {disable: true}},
  },
  render: (args, context) => {
    const {lang, theme} = ui(context);
    const element = html`<news-article lang=${lang} theme=${theme} look=${ifDefined(args.look)} src=${ifDefined(args.src)}
      heading-level=${args.headingLevel} link-target=${ifDefined(args.linkTarget)} .article=${args.src || args.inline ? undefined : args.article}
      >${args.inline ? html`<script type="application/json">${args.inline}</script>` : ''}</news-article>`;
    // A fixed column, as a partner's layout would give.
    return args.width ? html`<div style="inline-size: ${args.width}px; max-inline-size: 100%">${element}</div>` : element;
  },
};
export default meta;

type Story = StoryObj<Args>;

/** The seed: a Chinese county news story, every part rendered verbatim. */
export const Seed: Story = {};

/** An English article that uses every field of the contract. */
export const English: Story = {args: {article: english}};

/** Twelve sections with images in the body, quotes, lists and a table. */
export const LongArticle: Story = {args: {article: long}};

export const NoImage: Story = {args: {article: {...seed, image: undefined}}};

export const NoRelated: Story = {args: {article: {...english, related: undefined}}};

export const ManyRelated: Story = {args: {article: {...seed, related: relatedItems(12)}}};

/** Right to left: `dir="rtl"` from the article's language; the layout mirrors. */
export const RightToLeft: Story = {args: {article: arabic}, globals: {locale: 'ar'}};

/** The print look: serif, indented paragraphs, rules between sections. */
export const Print: Story = {args: {look: 'print'}, globals: {theme: 'light'}};

/** Data inline in the page, for CMSs that allow only HTML. */
export const InlineJson: Story = {args: {inline: JSON.stringify(english)}};

/**
 * Answers fetches of `/__storybook/<name>`: `never` never (the loading state stays on screen), `slow`
 * with the English story after 600 ms. Installed once, for these stories only.
 */
const fakeServer = async () => {
  const original = window.fetch;
  if (!(original as {__fake?: boolean}).__fake) {
    const fake: typeof fetch = (input, init) => {
      const url = String(input instanceof Request ? input.url : input);
      if (url.includes('/__storybook/never')) {
        return new Promise<Response>((_, reject) => init?.signal?.addEventListener('abort', () => reject(init.signal!.reason)));
      }
      if (url.includes('/__storybook/slow')) {
        return new Promise<Response>((resolve) =>
          setTimeout(() => resolve(new Response(JSON.stringify(english), {headers: {'content-type': 'application/json'}})), 600),
        );
      }
      return original(input, init);
    };
    window.fetch = Object.assign(fake, {__fake: true});
  }
  return {};
};

/**
 * A `src` that never answers: the loading state, `aria-busy` and a "Loading…" status for assistive
 * technology. It takes no room: before its script the element had none, so its upgrade moves nothing.
 */
export const Loading: Story = {
  args: {src: '/__storybook/never.json'},
  parameters: {expect: 'loading'},
  loaders: [fakeServer],
};

/** The loading state in the space a partner declares for the story (`--news-loading-min-height: 16rem`). */
export const LoadingInDeclaredSpace: Story = {
  ...Loading,
  render: (args, context) => html`<div style="--news-loading-min-height: 16rem">${meta.render!(args, context)}</div>`,
};

/**
 * A story from `src` that arrives while in view, with the partner's page going on after it: it keeps the
 * space it had (none here) and offers "Show the whole story" rather than push that page down. With
 * `grow`, or below the fold, it takes its full height.
 */
export const ArrivingInView: Story = {
  args: {src: '/__storybook/slow.json'},
  loaders: [fakeServer],
  render: (args, context) => html`<p>A partner's page, above the story.</p>
    ${meta.render!(args, context)}
    <p style="block-size: 60rem">The partner's own content after the story: it does not move when the story arrives.</p>`,
};

/** Invalid JSON inline: the localized error state. */
export const ErrorBadJson: Story = {args: {inline: '{"headline": '}, parameters: {expect: 'error'}};

/** A `src` that answers 404. */
export const Error404: Story = {args: {src: '/__storybook/missing-story.json'}, parameters: {expect: 'error'}};

/** A 320 px sidebar column. */
export const NarrowColumn: Story = {args: {width: 320}};

/** A 1200 px main column. */
export const WideColumn: Story = {args: {article: english, width: 1200}};
