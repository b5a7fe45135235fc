// Koa middleware for test/lazy-modules.test.ts: a module of src/ fails with 503 while the page holds the
// cookie `news-elements-fail-module=<file name>` (e.g. `load` for /src/net/load.ts), so a test can see what
// an element does when code it loads with import() does not arrive.
//
// Modules of src/ must reach the server on every page for that: the runner's own cache middleware (the
// outermost one) marks every response whose path has an extension cacheable for a year, after the fact,
// and a later test file would take the module from the browser's cache. So once the response is made,
// this middleware drops the extension from ctx.path (the response is not changed by that) and says
// `no-store` itself.

const COOKIE = /(?:^|;\s*)news-elements-fail-module=([\w-]+)/;
const SRC_MODULE = /^\/src\/(?:[\w-]+\/)*([\w-]+)\.(?:ts|js)$/;

export async function failModuleMiddleware(ctx, next) {
  const file = SRC_MODULE.exec(ctx.path)?.[1];
  if (!file) return next();
  const wanted = COOKIE.exec(ctx.get('cookie'))?.[1];
  if (wanted === file) {
    ctx.status = 503;
    ctx.body = `failed on purpose: cookie news-elements-fail-module=${wanted}`;
  } else {
    await next();
  }
  ctx.set('cache-control', 'no-store');
  ctx.path = ctx.path.replace(/\.(?:ts|js)$/, '');
}
