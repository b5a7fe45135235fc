import {readFile} from 'node:fs/promises';
import {defineConfig, type Plugin} from 'vite';

/**
 * The project root stays Vite's root (so `/src/index.ts`, `/test/fixtures/*.json` and `/demo/images/*`
 * are all reachable); only the root URL is pointed at the demo partner page.
 */
function demoIndex(): Plugin {
  return {
    name: 'news-elements:demo-index',
    configureServer(server) {
      server.middlewares.use((req, _res, next) => {
        const [path, query] = (req.url ?? '').split(/(?=\?)/);
        if (path === '/' || path === '/index.html') req.url = `/demo/index.html${query ?? ''}`;
        next();
      });
    },
  };
}

/**
 * `/?ssr`: the same demo page with its first story server-rendered (news-elements/ssr, bundled from src/ by
 * scripts/ssr-build.mjs), as a publisher's snippet puts it in the page; the page's script then hydrates it.
 */
function serverRendered(): Plugin {
  return {
    name: 'news-elements:demo-ssr',
    configureServer(server) {
      server.middlewares.use(async (req, res, next) => {
        const url = new URL(req.url ?? '/', 'http://localhost');
        if (url.pathname !== '/demo/index.html' || !url.searchParams.has('ssr')) return next();
        try {
          const {loadSsr} = await import('./scripts/ssr-build.mjs');
          const ssr = await loadSsr();
          const seed = JSON.parse(await readFile('test/fixtures/seed.json', 'utf8'));
          const page = await readFile('demo/index.html', 'utf8');
          const embed = /<news-article class="story story-zh" src="[^"]*"><\/news-article>/;
          if (!embed.test(page)) throw new Error('demo/index.html: the seed embed is not where the demo expects it');
          const story = (await ssr.renderArticle(seed, {onProblem() {}})).replace('<news-article', '<news-article class="story story-zh"');
          const html = await server.transformIndexHtml(req.url!, page.replace(embed, story));
          res.setHeader('Content-Type', 'text/html; charset=utf-8');
          res.end(html);
        } catch (error) {
          next(error);
        }
      });
    },
  };
}

export default defineConfig({
  // No SPA fallback: a missing file is a real 404 (the demo's broken-`src` example relies on it).
  appType: 'mpa',
  server: {
    host: '127.0.0.1',
    port: 5173,
    strictPort: false,
  },
  // Only the demo page is an entry for dependency scanning (not the test harness pages).
  optimizeDeps: {
    entries: ['demo/index.html'],
  },
  plugins: [demoIndex(), serverRendered()],
});
