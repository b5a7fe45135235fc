import type {Meta, StoryObj} from '@storybook/web-components-vite';
import {html} from 'lit';
import {ifDefined} from 'lit/directives/if-defined.js';
import type {Author} from '../src/index.js';
import '../src/news-byline.js';
import {seed, tenAuthors} from './data.js';
import {ui} from './ui.js';

interface Args {
  authors: Author[];
  datePublished?: string;
  dateModified?: string;
}

/** `<news-byline>`: authors joined as the language joins lists, dates as `<time datetime>`. */
const meta: Meta<Args> = {
  title: 'Elements/news-byline',
  component: 'news-byline',
  tags: ['autodocs'],
  args: {authors: seed.authors!},
  argTypes: {
    authors: {control: 'object'},
    datePublished: {control: 'text', name: 'date-published'},
    dateModified: {control: 'text', name: 'date-modified'},
  },
  render: (args, context) => {
    const {lang, theme} = ui(context);
    return html`<news-byline lang=${lang} theme=${theme} date-published=${ifDefined(args.datePublished)}
      date-modified=${ifDefined(args.dateModified)} .authors=${args.authors}></news-byline>`;
  },
};
export default meta;

type Story = StoryObj<Args>;

export const OneAuthor: Story = {args: {authors: ['韩先秀'], datePublished: '2014-07-03'}};
/** The seed's three authors: 韩先秀、朱守晶、赵正平. */
export const ThreeAuthors: Story = {};
export const TenAuthors: Story = {args: {authors: tenAuthors}, globals: {locale: 'en'}};
export const RolesAndLinks: Story = {args: {authors: tenAuthors.slice(0, 3)}, globals: {locale: 'en'}};
export const Updated: Story = {
  args: {authors: ['Amelia Hart'], datePublished: '2026-04-12T07:30:00+01:00', dateModified: '2026-04-12T11:05:00+01:00'},
  globals: {locale: 'en'},
};
