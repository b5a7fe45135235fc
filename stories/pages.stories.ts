import type {Meta, StoryObj} from '@storybook/web-components-vite';
import {html} from 'lit';
import {unsafeHTML} from 'lit/directives/unsafe-html.js';
import '../src/index.js';
import {brandCss} from './brand.js';
import {english, seed} from './data.js';
import {ui} from './ui.js';

interface Args {
  article: typeof seed;
}

/** Whole pages: the article as partners place it. */
const meta: Meta<Args> = {
  title: 'Pages',
  args: {article: seed},
  argTypes: {article: {control: 'object'}},
};
export default meta;

type Story = StoryObj<Args>;

/** The seed article in a partner's main column, under the page's own h1. */
export const PartnerPage: Story = {
  render: (args, context) => {
    const {lang, theme} = ui(context);
    return html`<main>
      <h1>来安新闻 · 民生</h1>
      <news-article lang=${lang} theme=${theme} .article=${args.article}></news-article>
    </main>`;
  },
};

/**
 * A partner's brand, applied with custom properties and `::part()` only — no fork, no `!important`.
 * The CSS is in the source panel below.
 */
export const RebrandedWithTokensAndParts: Story = {
  args: {article: english},
  parameters: {
    docs: {
      source: {code: brandCss, language: 'css'},
      description: {story: `The whole re-skin, as a partner writes it:\n\n\`\`\`css\n${brandCss}\n\`\`\``},
    },
  },
  render: (args, context) => {
    const {lang, theme} = ui(context);
    // A page-level stylesheet, as the partner's own CSS file would be (story code, not library code).
    return html`${unsafeHTML(`<style>${brandCss}</style>`)}
      <news-article lang=${lang} theme=${theme} .article=${args.article}></news-article>`;
  },
};
