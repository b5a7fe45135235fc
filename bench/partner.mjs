// The partner's page of bench cases 9–11 (bench/run.mjs): a local news site's story page with a header,
// a breadcrumb line, the story column, a sidebar that falls below the story on a phone, and a footer, so
// that anything the embed does to its own height moves what the reader sees after it. Each embed code is
// the same page with a different story block:
//
//   static      the article as static HTML (declarative shadow roots, each with its CSS), no script
//   ssr         news-elements/ssr's snippet (`news-elements render seed.json`), no script
//   hydrate     the same snippet with the script that makes it live, as `news-elements render --script`
//               writes it: news-elements-hydrate.js, which loads the bundle once the browser is idle
//   hydrate-plain    --variants: the bundle itself (news-elements.js) in its place
//   hydrate-preload  --variants: the bundle with modulepreloads of chunks/hydrate.js and chunks/zh-CN.js
//   src         the client-only embed code README documents: the CDN script, <news-article src>, the
//               JSON preload and the zh-CN strings modulepreload
//   declared    the same, and one rule declaring the space the story takes (README: "declare the space")

const CSS = `
body { margin: 0; font: 16px/1.6 system-ui, 'Noto Sans CJK SC', sans-serif; color: #222; background: #fff; }
.site { padding: 12px 16px; background: #0b3d91; color: #fff; }
.site h1 { margin: 0; font-size: 20px; }
.site nav { font-size: 14px; opacity: 0.9; }
.layout { max-width: 1200px; margin: 0 auto; padding: 16px; display: grid; gap: 24px; }
@media (min-width: 900px) { .layout { grid-template-columns: minmax(0, 1fr) 300px; } }
.crumbs { margin: 0 0 12px; font-size: 14px; color: #555; }
.more { margin: 24px 0 0; padding: 12px; background: #f4f4f4; }
aside h2 { margin: 0 0 8px; font-size: 18px; }
aside ul { margin: 0; padding-left: 18px; }
aside li { margin: 6px 0; }
footer { padding: 24px 16px; background: #eee; font-size: 14px; }
`;

const SIDEBAR = ['来安县召开防汛工作会议', '县医院新门诊楼投入使用', '汊河镇举办农民丰收节', '城区新增三处停车场', '县图书馆开展暑期阅读活动', '高铁站周边道路改造完工', '来安中学获评省级示范校', '全县秋粮收购工作启动']
  .map((title, i) => `<li><a href="/news/${i + 1}.html">${title}</a></li>`)
  .join('');

/** The page around `story` (markup); `head` goes before the partner's own stylesheet. */
export function partnerPage({head = '', story, title = '来安新闻网 · 合作稿件'}) {
  return `<!doctype html>
<html lang="zh-CN"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1">
<link rel="icon" href="data:,"><title>${title}</title>
${head}<style>${CSS}</style></head>
<body>
<header class="site"><h1>来安新闻网</h1><nav>首页 · 本地 · 民生 · 合作稿件 · 图片</nav></header>
<div class="layout">
<main>
<p class="crumbs">首页 › 合作稿件 › 县人社局</p>
${story}
<p class="more">本文由合作媒体提供。更多本地新闻，请访问首页。</p>
</main>
<aside><h2>本地新闻</h2><ul>${SIDEBAR}</ul></aside>
</div>
<footer>© 来安新闻网 · 联系我们 · 投稿邮箱</footer>
</body></html>`;
}

/**
 * Every embed code's page. `static`: the serialized article with its styles; `snippet`: renderArticle's
 * HTML of the seed; `marks`: inline scripts that mark when the element script starts and when the story
 * is live (only for the pages that have a script, and only where a case reads them).
 */
export function partnerPages({staticArticle, snippet, entry = '/cdn/news-elements.js', strings = 'zh-CN.js', marks = false}) {
  const live = marks
    ? `<script>document.addEventListener('news-load', () => performance.mark('live'), {once: true});</script>`
    : '';
  const start = marks ? `<script type="module">performance.mark('script-start');</script>` : '';
  const script = `${start}<script type="module" src="${entry}"></script>`;
  const chunk = (name) => `<link rel="modulepreload" href="${entry.replace(/[^/]*$/, `chunks/${name}`)}">`;
  const documented = `<link rel="preload" as="fetch" href="/data/seed.json" crossorigin="anonymous">${chunk(strings)}`;
  return {
    static: partnerPage({story: staticArticle}),
    ssr: partnerPage({story: snippet}),
    hydrate: partnerPage({head: live, story: `${snippet}\n${start}<script type="module" src="${entry.replace(/[^/]*$/, 'news-elements-hydrate.js')}"></script>`}),
    'hydrate-plain': partnerPage({head: live, story: `${snippet}\n${script}`}),
    'hydrate-preload': partnerPage({head: live, story: `${snippet}\n${chunk('hydrate.js')}\n${chunk(strings)}\n${script}`}),
    src: partnerPage({head: `${live}${documented}${script}`, story: '<news-article src="/data/seed.json"></news-article>'}),
    declared: partnerPage({
      head: `${live}${documented}${script}<style>news-article { display: block; min-block-size: 100vh; }</style>`,
      story: '<news-article src="/data/seed.json"></news-article>',
    }),
  };
}

/** The two widths of cases 9 and 11: Lighthouse's phone (Moto G Power) and a desktop window. */
export const VIEWPORTS = {phone: {width: 412, height: 823}, desktop: {width: 1280, height: 800}};
