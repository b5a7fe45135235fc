import type {Meta, StoryObj} from '@storybook/web-components-vite';
import {html} from 'lit';
import type {Photo} from '../src/index.js';
import '../src/photo-caption.js';
import {photos} from './data.js';
import {ui} from './ui.js';

interface Args {
  photo: Photo;
  loading: 'lazy' | 'eager';
  spacer?: boolean;
}

/** `<photo-caption>`: a photo with caption and credit; space reserved from width/height. */
const meta: Meta<Args> = {
  title: 'Elements/photo-caption',
  component: 'photo-caption',
  tags: ['autodocs'],
  args: {photo: photos.landscape, loading: 'lazy'},
  argTypes: {
    photo: {control: 'object'},
    loading: {control: 'inline-radio', options: ['lazy', 'eager']},
    spacer: {table: {disable: true}},
  },
  render: (args, context) => {
    const {lang, theme} = ui(context);
    const element = html`<photo-caption lang=${lang} theme=${theme} loading=${args.loading} .photo=${args.photo}></photo-caption>`;
    return args.spacer
      ? html`<p>Scroll down: the photo loads only when it comes near the viewport.</p>
          <div style="block-size: 150vh" aria-hidden="true"></div>
          ${element}`
      : element;
  },
};
export default meta;

type Story = StoryObj<Args>;

export const Landscape: Story = {};
export const Portrait: Story = {args: {photo: photos.portrait}};
export const Panorama: Story = {args: {photo: photos.panorama}};
export const NoCredit: Story = {args: {photo: {...photos.seed, credit: undefined}}};
export const LongCaption: Story = {
  args: {
    photo: {
      ...photos.seed,
      caption: `${photos.seed.caption}。${'县人社局工作人员向群众发放用工信息宣传单，解答社保、就业等方面的问题，现场气氛热烈。'.repeat(4)}`,
      credit: '韩先秀 朱守晶 赵正平',
    },
  },
};
/** The image fails: the caption stays, and a neutral box of the same size takes its place. */
export const BrokenImage: Story = {args: {photo: {...photos.landscape, src: '/demo/images/missing-photo.jpg', srcset: undefined}}};
/** `loading="lazy"` below the fold. */
export const LazyBelowTheFold: Story = {args: {spacer: true}};
