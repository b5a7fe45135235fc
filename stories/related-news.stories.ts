import type {Meta, StoryObj} from '@storybook/web-components-vite';
import {html} from 'lit';
import {ifDefined} from 'lit/directives/if-defined.js';
import type {RelatedItem} from '../src/index.js';
import '../src/related-news.js';
import {relatedItems, seed} from './data.js';
import {ui} from './ui.js';

interface Args {
  items: RelatedItem[];
  limit?: number;
  heading?: string;
  headingLevel: number;
}

/** `<related-news>`: teasers; long summaries clamped by CSS with a real ellipsis, never cut. */
const meta: Meta<Args> = {
  title: 'Elements/related-news',
  component: 'related-news',
  tags: ['autodocs'],
  args: {items: relatedItems(5), headingLevel: 3},
  argTypes: {
    items: {control: 'object'},
    limit: {control: {type: 'number', min: 0}},
    heading: {control: 'text'},
    headingLevel: {control: {type: 'number', min: 1, max: 6}, name: 'heading-level'},
  },
  render: (args, context) => {
    const {lang, theme} = ui(context);
    return html`<related-news lang=${lang} theme=${theme} limit=${ifDefined(args.limit)} heading=${ifDefined(args.heading)}
      heading-level=${args.headingLevel} .items=${args.items}></related-news>`;
  },
};
export default meta;

type Story = StoryObj<Args>;

/** The seed's teaser: a summary only, no link. */
export const SeedTeaser: Story = {args: {items: seed.related!}};
export const One: Story = {args: {items: relatedItems(1)}};
export const Five: Story = {};
export const Fifty: Story = {args: {items: relatedItems(50)}};
export const WithImages: Story = {args: {items: relatedItems(5, {images: true})}};
export const LongChineseSummaries: Story = {args: {items: relatedItems(3)}};
export const LongEnglishSummaries: Story = {args: {items: relatedItems(3, {lang: 'en'})}, globals: {locale: 'en'}};
export const Limit: Story = {args: {items: relatedItems(10), limit: 3}};
/** No items: the element renders nothing. */
export const Empty: Story = {args: {items: []}, parameters: {expect: 'empty'}};
