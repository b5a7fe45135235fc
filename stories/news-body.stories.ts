import type {Meta, StoryObj} from '@storybook/web-components-vite';
import {html} from 'lit';
import {ifDefined} from 'lit/directives/if-defined.js';
import '../src/news-body.js';
import {allowedMarkdown, seed, strippedMarkdown} from './data.js';
import {ui} from './ui.js';

interface Args {
  markdown: string;
  headingLevel: number;
  linkTarget?: string;
  showSource?: boolean;
}

/**
 * `<news-body>`: Markdown → marked → the browser's HTML Sanitizer API (DOMPurify where it is missing) →
 * DOM. The only place strings become markup.
 */
const meta: Meta<Args> = {
  title: 'Elements/news-body',
  component: 'news-body',
  tags: ['autodocs'],
  args: {markdown: seed.body!, headingLevel: 2},
  argTypes: {
    markdown: {control: 'text'},
    headingLevel: {control: {type: 'number', min: 1, max: 6}, name: 'heading-level'},
    linkTarget: {control: 'select', options: [undefined, '_blank'], name: 'link-target'},
    showSource: {table: {disable: true}},
  },
  render: (args, context) => {
    const {lang, theme} = ui(context);
    const body = html`<news-body lang=${lang} theme=${theme} heading-level=${args.headingLevel}
      link-target=${ifDefined(args.linkTarget)} .markdown=${args.markdown}></news-body>`;
    return args.showSource
      ? html`<h2>Markdown in</h2><pre>${args.markdown}</pre><h2>What renders</h2>${body}`
      : body;
  },
};
export default meta;

type Story = StoryObj<Args>;

export const SeedBody: Story = {};
/** Every construct the sanitizer allows. */
export const EveryAllowedConstruct: Story = {args: {markdown: allowedMarkdown}, globals: {locale: 'en'}};
/** What the sanitizer strips: scripts, handlers, unsafe links, styles, ids, forms, frames, SVG. */
export const WhatItStrips: Story = {args: {markdown: strippedMarkdown, showSource: true}, globals: {locale: 'en'}};
