import {expect, fixture, html} from '@open-wc/testing';
import '../src/photo-caption.js';
import type {PhotoCaption} from '../src/photo-caption.js';
import type {Photo} from '../src/index.js';
import {nextEvent, captureWarnings} from './helpers.js';

const PHOTO: Photo = {
  src: '/demo/images/seed-photo.jpg',
  alt: '县人社局干部职工在乡镇向群众宣传用工信息',
  caption: '图为该局干部职工深入乡镇向当地群众宣传用工信息',
  credit: '韩先秀',
  width: 1200,
  height: 800,
  srcset: '/demo/images/seed-photo.jpg 1200w',
  sizes: '(min-width: 800px) 760px, 100vw',
};

describe('<photo-caption>', () => {
  it('renders a figure with an accessible image, caption and credit', async () => {
    const el = await fixture<PhotoCaption>(html`<photo-caption lang="zh-CN" .photo=${PHOTO}></photo-caption>`);
    const img = el.shadowRoot!.querySelector('figure img')!;
    expect(img.getAttribute('alt')).to.equal(PHOTO.alt);
    expect(img.getAttribute('loading')).to.equal('lazy');
    expect(img.getAttribute('decoding')).to.equal('async');
    expect(img.getAttribute('width')).to.equal('1200');
    expect(img.getAttribute('height')).to.equal('800');
    expect(img.getAttribute('srcset')).to.equal(PHOTO.srcset);
    expect(img.getAttribute('sizes')).to.equal(PHOTO.sizes);
    const caption = el.shadowRoot!.querySelector('figcaption')!;
    expect(caption.querySelector('[part=caption]')!.textContent).to.equal(PHOTO.caption);
    expect(caption.querySelector('[part=credit]')!.textContent).to.equal('摄影：韩先秀');
    await expect(el).to.be.accessible();
  });

  it('reserves the aspect ratio before the image loads', async () => {
    const wrapper = await fixture<HTMLDivElement>(html`<div style="width: 300px">
      <photo-caption .photo=${{...PHOTO, src: '/__net/json?body=x&delay=1500', srcset: undefined}}></photo-caption>
    </div>`);
    const el = wrapper.querySelector('photo-caption')!;
    await el.updateComplete;
    const img = el.shadowRoot!.querySelector('img')!;
    expect(img.getBoundingClientRect().width).to.equal(300);
    expect(img.getBoundingClientRect().height).to.be.closeTo(200, 1);
  });

  it('keeps the caption and a same-size placeholder when the image is broken', async () => {
    const wrapper = await fixture<HTMLDivElement>(html`<div style="width: 300px">
      <photo-caption lang="en" .photo=${{...PHOTO, src: '/__net/status/404?img', srcset: undefined}}></photo-caption>
    </div>`);
    const el = wrapper.querySelector('photo-caption')!;
    const img = el.shadowRoot!.querySelector('img')!;
    if (!img.complete || img.naturalWidth === 0) {
      await Promise.race([nextEvent(img, 'error'), new Promise((r) => setTimeout(r, 3000))]);
    }
    await el.updateComplete;
    const placeholder = el.shadowRoot!.querySelector('[part=placeholder]')!;
    expect(placeholder, 'placeholder').to.exist;
    expect(placeholder.textContent).to.equal('Image unavailable');
    expect(el.shadowRoot!.querySelector('[part=caption]')!.textContent).to.equal(PHOTO.caption);
    const frame = el.shadowRoot!.querySelector('[part=frame]')!.getBoundingClientRect();
    expect(frame.width).to.equal(300);
    expect(frame.height).to.be.closeTo(200, 1);
  });

  it('refuses a javascript: image source with a specific error', async () => {
    const el = document.createElement('photo-caption');
    el.photo = {src: 'javascript:alert(1)', alt: 'x'};
    const error = nextEvent<CustomEvent>(el, 'news-error');
    document.body.append(el);
    const {detail} = await error;
    expect(detail.code).to.equal('invalid');
    expect(detail.path).to.equal('$.src');
    await el.updateComplete;
    expect(el.shadowRoot!.querySelector('img')).to.equal(null);
    expect(el.shadowRoot!.querySelector('[part=error][role=alert]')).to.exist;
    el.remove();
  });

  it('takes a photo from inline JSON', async () => {
    const el = await fixture<PhotoCaption>(html`<photo-caption>
      <script type="application/json">{"src": "/demo/images/english-photo.jpg", "alt": "A ferry", "caption": "The Gull"}</script>
    </photo-caption>`);
    await el.updateComplete;
    expect(el.shadowRoot!.querySelector('img')!.getAttribute('alt')).to.equal('A ferry');
    expect(el.shadowRoot!.querySelector('[part=caption]')!.textContent).to.equal('The Gull');
  });

  it('takes a photo, or an article\'s image, from src, relative to that src', async () => {
    const body = encodeURIComponent(JSON.stringify({headline: 'x', image: {src: 'photo.jpg', alt: 'a'}}));
    const el = document.createElement('photo-caption');
    el.src = `/__net/json?body=${body}`;
    const load = nextEvent(el, 'news-load');
    document.body.append(el);
    await load;
    await el.updateComplete;
    expect(el.shadowRoot!.querySelector('img')!.getAttribute('src')).to.equal(new URL('/__net/photo.jpg', location.href).href);
    el.remove();
  });

  it('warns once when a photo has no alt text', async () => {
    const {warnings, restore: restoreWarn} = captureWarnings();
    try {
      const el = await fixture<PhotoCaption>(html`<photo-caption .photo=${{src: '/demo/images/seed-photo.jpg'}}></photo-caption>`);
      el.requestUpdate();
      await el.updateComplete;
      expect(warnings.filter((w) => w.includes('no alt text'))).to.have.length(1);
      expect(el.shadowRoot!.querySelector('img')!.getAttribute('alt')).to.equal('');
    } finally {
      restoreWarn();
    }
  });
});
