// A page served under a strict Content-Security-Policy with Trusted Types, for test/csp.test.ts.
//
// The runner's own test page needs inline scripts, so it cannot carry a strict policy. This middleware
// serves a second page, on the same origin, that the test loads in an iframe:
//
//   GET /__csp/page.html?case=<name>&sanitizer=<native|dompurify>
//
// The policy goes out as a real HTTP response header (not a <meta>: a header also covers what a meta tag
// cannot, and it is what a partner's server sends). The page holds no inline script that runs and no
// inline style: it loads one module, /test/csp/csp-page.ts, which the runner's esbuild plugin compiles like
// any test file, so it is allowed by `script-src 'self'` (case=inline adds a JSON data block, see BODIES).
// The query string is read by that module; nothing from it is echoed into the page.
//
// Koa middleware (like net-server.mjs): it runs before the dev server's transforms and ETag/304 handling,
// and writes the raw response, so no plugin can inject a script into this HTML or drop the header.

const PREFIX = '/__csp/';

/** The policy under test; csp.test.ts compares the header it receives with this string. */
export const STRICT_CSP = [
  "default-src 'self'",
  "script-src 'self'",
  "style-src 'self'",
  "img-src 'self' data:",
  "require-trusted-types-for 'script'",
  'trusted-types lit-html news-elements',
].join('; ');

// Per-case markup, fixed strings (nothing from the request is echoed). `inline` is the partner's
// no-JavaScript embed from the README: the JSON sits in the page as a parser-inserted data block, which is
// never executed (script-src does not apply) and, being parser-inserted, needs no TrustedScript.
const BODIES = {
  inline:
    '<news-article lang="en"><script type="application/json">' +
    JSON.stringify({
      lang: 'en',
      headline: 'Inline headline under a strict policy',
      body: '## Inline subheading\n\nInline *body* text.',
    }) +
    '</script></news-article>',
};

const page = (name) => `<!doctype html>
<html lang="en">
<head>
<meta charset="utf-8">
<title>news-elements under a strict CSP</title>
<script type="module" src="/test/csp/csp-page.ts"></script>
</head>
<body>
<main id="root">${BODIES[name] ?? ''}</main>
</body>
</html>
`;

export async function cspMiddleware(ctx, next) {
  if (!ctx.path.startsWith(PREFIX)) return next();
  const res = ctx.res;
  ctx.respond = false; // raw response: exactly these headers, these bytes
  if (ctx.path !== `${PREFIX}page.html` || (ctx.method !== 'GET' && ctx.method !== 'HEAD')) {
    const body = Buffer.from(`no route ${ctx.method} ${ctx.path}\n`);
    res.writeHead(404, {
      'Content-Type': 'text/plain; charset=utf-8',
      'Content-Length': String(body.length),
      'Cache-Control': 'no-store',
    });
    res.end(ctx.method === 'HEAD' ? undefined : body);
    return;
  }
  const name = new URL(ctx.originalUrl, 'http://localhost').searchParams.get('case') ?? '';
  const body = Buffer.from(page(Object.hasOwn(BODIES, name) ? name : ''), 'utf8');
  res.writeHead(200, {
    'Content-Type': 'text/html; charset=utf-8',
    'Content-Length': String(body.length),
    'Content-Security-Policy': STRICT_CSP,
    'Cache-Control': 'no-store',
  });
  res.end(ctx.method === 'HEAD' ? undefined : body);
}
