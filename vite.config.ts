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
  plugins: [demoIndex()],
});
