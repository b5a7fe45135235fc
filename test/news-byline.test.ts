import {expect, fixture, html} from '@open-wc/testing';
import '../src/news-byline.js';
import type {NewsByline} from '../src/news-byline.js';
import {captureWarnings} from './helpers.js';

describe('<news-byline>', () => {
  it('joins Chinese authors with 、 as the article language does', async () => {
    const el = await fixture<NewsByline>(html`<news-byline lang="zh-CN" .authors=${['韩先秀', '朱守晶', '赵正平']}></news-byline>`);
    expect(el.shadowRoot!.querySelector('[part=authors]')!.textContent!.trim()).to.equal('韩先秀、朱守晶、赵正平');
    expect(el.shadowRoot!.querySelectorAll('[part=author]')).to.have.length(3);
    await expect(el).to.be.accessible();
  });

  it('joins English authors with "and", keeps links and roles', async () => {
    const el = await fixture<NewsByline>(html`<news-byline lang="en-GB"
      .authors=${[{name: 'A', url: 'https://example.org/a'}, {name: 'B', role: 'Photographer'}, 'C']}></news-byline>`);
    const text = el.shadowRoot!.querySelector('[part=authors]')!.textContent!.replace(/\s+/g, ' ').trim();
    expect(text).to.equal('By A, B (Photographer) and C');
    const link = el.shadowRoot!.querySelector('a[part=author]')!;
    expect(link.getAttribute('href')).to.equal('https://example.org/a');
  });

  it('shows dates as <time datetime> in the article language, with "updated" when changed', async () => {
    const el = await fixture<NewsByline>(html`<news-byline lang="en-GB" .authors=${['A']}
      date-published="2026-04-12T07:30:00+01:00" date-modified="2026-04-12T11:05:00+01:00"></news-byline>`);
    const [published, modified] = el.shadowRoot!.querySelectorAll('time');
    expect(published!.getAttribute('datetime')).to.equal('2026-04-12T07:30:00+01:00');
    expect(published!.textContent).to.include('12 April 2026');
    expect(published!.textContent).to.include('07:30');
    expect(modified!.textContent).to.include('11:05');
    expect(el.shadowRoot!.querySelector('[part=updated]')!.textContent).to.include('Updated');
  });

  it('formats Chinese dates', async () => {
    const el = await fixture<NewsByline>(html`<news-byline lang="zh-CN" date-published="2014-07-03"></news-byline>`);
    expect(el.shadowRoot!.querySelector('time')!.textContent).to.equal('2014年7月3日');
  });

  it('drops an author without a name and warns, keeping the others', async () => {
    const {warnings, restore: restoreWarn} = captureWarnings();
    try {
      const el = await fixture<NewsByline>(html`<news-byline lang="en" .authors=${['A', {name: ''}, 'B']}></news-byline>`);
      expect(el.shadowRoot!.querySelectorAll('[part=author]')).to.have.length(2);
      expect(warnings.filter((w) => w.includes('$.authors[1]'))).to.have.length(1);
    } finally {
      restoreWarn();
    }
  });

  it('shows the error state for authors of the wrong type', async () => {
    const el = await fixture<NewsByline>(html`<news-byline .authors=${5 as never}></news-byline>`);
    expect(el.shadowRoot!.querySelector('[part=error]')).to.exist;
  });
});
