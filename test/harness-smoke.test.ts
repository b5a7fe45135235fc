// Smoke test of the harness itself: TypeScript + legacy decorators compile,
// a Lit element renders in every engine, and the /__net/ server answers.
import { LitElement, html as litHtml } from 'lit';
import { property } from 'lit/decorators.js';
import { expect, fixture, html } from '@open-wc/testing';
import { executeServerCommand } from '@web/test-runner-commands';
import { engine, net } from './harness/env.js';

class HarnessSmoke extends LitElement {
  @property() greeting = 'Hello';
  @property({ type: Number }) count = 0;

  override render() {
    return litHtml`<p>${this.greeting}, ${this.count}</p>`;
  }
}
customElements.define('harness-smoke', HarnessSmoke);

declare global {
  interface HTMLElementTagNameMap {
    'harness-smoke': HarnessSmoke;
  }
}

describe(`harness smoke (${engine})`, () => {
  it('detects the engine the runner launched', async () => {
    expect(await executeServerCommand<string, void>('harness-engine')).to.equal(engine);
  });

  it('renders a Lit element with @property() into shadow DOM', async () => {
    const el = await fixture<HarnessSmoke>(html`<harness-smoke greeting="Hi" count="2"></harness-smoke>`);
    expect(el.shadowRoot!.querySelector('p')!.textContent).to.equal('Hi, 2');
    el.count = 3;
    await el.updateComplete;
    expect(el.shadowRoot!.textContent).to.contain('Hi, 3');
  });

  it('fetches status and JSON routes of the net server', async () => {
    const missing = await fetch(net.status(404));
    expect(missing.status).to.equal(404);
    const ok = await fetch(net.json({ headline: 'Hello', body: 'World' }));
    expect(ok.status).to.equal(200);
    expect(ok.headers.get('content-type')).to.contain('application/json');
    expect(await ok.json()).to.deep.equal({ headline: 'Hello', body: 'World' });
  });

  it('sees /__net/reset fail, on fetch or on reading the body', async () => {
    let failed = false;
    try {
      const res = await fetch(net.reset);
      await res.text();
    } catch (err) {
      failed = true;
      expect(err).to.be.instanceOf(Error);
    }
    expect(failed, 'reset must not produce a complete body').to.equal(true);
  });
});
