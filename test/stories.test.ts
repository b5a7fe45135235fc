// Every story of every stories file, rendered through its own render function with its args, in every
// engine: it shows its element with content (or the loading / error / empty state it is meant to show),
// logs no console error, and passes axe. A new story, or a new stories file, is checked with no change here.
import {expect} from '@open-wc/testing';
import {render, type TemplateResult} from 'lit';
import type {NewsElement} from '../src/news-element.js';
import {deepQueryAll, deepText} from './helpers.js';
import {waitUntil} from './harness/env.js';

type Module = Record<string, unknown> & {default: StoryMeta};
interface StoryMeta {
  title: string;
  args?: Record<string, unknown>;
  parameters?: Record<string, unknown>;
  loaders?: Loader[];
  render?: Render;
}
interface Story {
  args?: Record<string, unknown>;
  globals?: Record<string, unknown>;
  parameters?: Record<string, unknown>;
  loaders?: Loader[];
  render?: Render;
}
type Render = (args: Record<string, unknown>, context: unknown) => TemplateResult;
type Loader = (context: unknown) => Promise<Record<string, unknown>> | Record<string, unknown>;

const {default: modules} = (await import(/* @vite-ignore */ '/__stories__/index.js' as string)) as {default: [string, Module][]};
const TAGS = 'news-article, news-body, news-byline, photo-caption, related-news';
let checked = 0;

describe('every story', () => {
  after(() => console.log(`stories checked: ${checked} in ${modules.length} files`));

  it('finds the stories files', () => {
    expect(modules.length).to.be.at.least(6);
  });

  for (const [file, module] of modules) {
    const meta = module.default;
    for (const [name, value] of Object.entries(module)) {
      if (name === 'default' || !value || typeof value !== 'object') continue;
      const story = value as Story;
      it(`${meta.title} › ${name} (${file})`, async function () {
        this.timeout(20_000);
        const args = {...meta.args, ...story.args};
        const parameters = {...meta.parameters, ...story.parameters};
        const globals = {locale: 'zh-CN', theme: 'light', ...story.globals};
        const context = {args, globals, parameters, loaded: {} as Record<string, unknown>, name, title: meta.title};
        for (const loader of [...(meta.loaders ?? []), ...(story.loaders ?? [])]) {
          Object.assign(context.loaded, await loader(context));
        }
        const renderStory = story.render ?? meta.render;
        expect(renderStory, 'a render function').to.be.a('function');

        const errors: unknown[] = [];
        const consoleError = console.error;
        console.error = (...a: unknown[]) => errors.push(a);
        const container = document.createElement('div');
        document.body.append(container);
        try {
          render(renderStory!(args, context), container);
          const elements = deepQueryAll(container, TAGS) as NewsElement[];
          expect(elements.length, 'renders a news element').to.be.greaterThan(0);
          const expected = (parameters['expect'] as string | undefined) ?? 'content';
          const main = elements[0]!;
          if (expected === 'error') {
            await waitUntil(() => !!main.shadowRoot?.querySelector('[part=error]'), 5000);
            expect(main.shadowRoot!.querySelector('[part=error][role=alert]'), 'error state').to.exist;
          } else if (expected === 'loading') {
            await main.updateComplete;
            expect(main.shadowRoot!.querySelector('[part=loading]'), 'loading state').to.exist;
            expect(main.getAttribute('aria-busy')).to.equal('true');
          } else {
            await waitUntil(() => elements.every((el) => el.shadowRoot && el.shadowRoot.childElementCount > 0) || expected === 'empty', 5000);
            await Promise.all(elements.map((el) => el.updateComplete));
            expect(deepQueryAll(container, '[part=error]'), 'no error state').to.have.length(0);
            if (expected === 'empty') {
              expect(deepText(main).trim(), 'renders nothing').to.equal('');
            } else {
              expect(deepText(main).trim().length, 'renders content').to.be.greaterThan(0);
            }
          }
          await expect(container).to.be.accessible();
          expect(errors, 'console errors').to.deep.equal([]);
          checked++;
        } finally {
          console.error = consoleError;
          render('', container);
          container.remove();
        }
      });
    }
  }
});
