// Server rendering in Node (`npm run test:node`): news-elements/ssr's renderArticle and its CLI, bundled
// from src/ by scripts/ssr-build.mjs. What the browser then does with the HTML is test/ssr.test.ts.

import {test, before} from 'node:test';
import assert from 'node:assert/strict';
import {spawn} from 'node:child_process';
import {createHash} from 'node:crypto';
import {mkdtemp, readFile, readdir, rm, writeFile} from 'node:fs/promises';
import {tmpdir} from 'node:os';
import path from 'node:path';
import {fileURLToPath} from 'node:url';
import {buildSsr, loadSsr} from '../../scripts/ssr-build.mjs';

const root = fileURLToPath(new URL('../..', import.meta.url));
const fixture = async (name) => JSON.parse(await readFile(path.join(root, 'test/fixtures', `${name}.json`), 'utf8'));

let ssr;
let seed;
let english;
before(async () => {
  ssr = await loadSsr();
  seed = await fixture('seed');
  english = await fixture('english');
});

/** The inline JSON of a snippet, parsed. */
const inlineData = (html) => JSON.parse(/<script type="application\/json">(.*?)<\/script><\/news-article>$/s.exec(html)[1]);
/** Text of the HTML as a reader sees it: no tags, no comments, no styles, no data block. */
const visibleText = (html) =>
  html
    .replace(/<style>[\s\S]*?<\/style>|<script[\s\S]*?<\/script>|<!--[\s\S]*?-->|<\?>/g, '')
    .replace(/<[^>]+>/g, '')
    .replace(/&amp;/g, '&')
    .replace(/&lt;/g, '<')
    .replace(/&gt;/g, '>')
    .replace(/&quot;/g, '"')
    .replace(/&#39;/g, "'");

/** Runs the CLI; resolves with its exit code and output. */
async function cli(args, {input, env} = {}) {
  const {cli: file} = await buildSsr();
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, [file, ...args], {cwd: root, env: {...process.env, ...env}});
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (d) => (stdout += d));
    child.stderr.on('data', (d) => (stderr += d));
    child.on('error', reject);
    child.on('close', (code) => resolve({code, stdout, stderr}));
    child.stdin.end(input ?? '');
  });
}

test('renderArticle: the seed as one <news-article> with a declarative shadow root for it and each element inside', async () => {
  const html = await ssr.renderArticle(seed);
  assert.match(html, /^<news-article[^>]*><template shadowroot="open" shadowrootmode="open"><style>/);
  assert.ok(html.endsWith('</news-article>'));
  const hosts = [...html.matchAll(/<([a-z]+-[a-z-]+)\b[^>]*><template shadowroot="open" shadowrootmode="open">/g)].map((m) => m[1]);
  assert.deepEqual(hosts, ['news-article', 'news-byline', 'photo-caption', 'news-body', 'news-body', 'related-news']);
  // Nested elements wait for their host (Lit SSR's defer-hydration); the outer one does not.
  assert.equal((html.match(/ defer-hydration/g) ?? []).length, 5);
  assert.doesNotMatch(html.slice(0, html.indexOf('>')), /defer-hydration/);
  // No top-level template markers: nothing hydrates the partner's page around the element.
  assert.doesNotMatch(html.slice(0, 40), /<!--lit-part/);
});

test('renderArticle: every text of the seed is in the HTML, verbatim', async () => {
  const text = visibleText(await ssr.renderArticle(seed));
  const source = await readFile(path.join(root, 'test/fixtures/seed.txt'), 'utf8');
  const lines = source.split('\n').map((l) => l.trim()).filter(Boolean);
  assert.equal(lines.length, 16);
  const [, authorLine, ...rest] = lines;
  for (const name of authorLine.split(' ')) assert.ok(text.includes(name), name);
  for (const line of [lines[0], ...rest]) {
    for (const piece of line.split('(下转第三版)').filter(Boolean)) assert.ok(text.includes(piece), piece.slice(0, 20));
  }
  for (const more of ['(下转第三版)', seed.headline, seed.image.caption, '新闻推荐', seed.related[0].summary, seed.publisher.name, seed.publisher.tagline]) {
    assert.ok(text.includes(more), more.slice(0, 20));
  }
  // The UI words in the story's language: zh-CN's "related news", and author names joined with 、.
  assert.ok(text.includes('韩先秀、朱守晶、赵正平'));
});

test('renderArticle: the English story has its byline, dates, credit, lead, body Markdown, jump line and links', async () => {
  const html = await ssr.renderArticle(english);
  const text = visibleText(html);
  for (const piece of ['Amelia Hart', 'Tom Okafor', 'Lena Fischer', '12 April 2026 at 07:30', 'Updated', 'Photo: Tom Okafor / Porthaven Gazette',
    'PORTHAVEN', '312 people', 'A longer repair than planned', 'new hull plates on the port side', 'Continued on page 3', 'Related news',
    'Council approves extra funds for ferry repairs']) {
    assert.ok(text.includes(piece), piece);
  }
  assert.match(html, /<strong>312 people<\/strong>/);
  assert.match(html, /<h3>A longer repair than planned<\/h3>/);
  assert.match(html, /<a href="https:\/\/news.example.org\/ferry-timetable" rel="noopener noreferrer">timetable<\/a>/);
  assert.match(html, /<time part="date" datetime="2026-04-12T07:30:00\+01:00">/);
});

test('renderArticle: the validated data is inline, so the element needs no request', async () => {
  const html = await ssr.renderArticle({...english, extra: 'not in the contract', related: [...english.related, {url: 'javascript:alert(1)', headline: 'x'}]}, {onProblem: () => {}});
  const data = inlineData(html);
  assert.equal(data.extra, undefined, 'unknown fields dropped');
  assert.equal(data.related.length, english.related.length, 'the refused item dropped');
  assert.deepEqual(data, ssr.validate(english));
  // One script, a data block; `<` never appears raw inside it.
  assert.equal((html.match(/<script/g) ?? []).length, 1);
  const tricky = await ssr.renderArticle({headline: '</script><script>alert(1)</script><!--', body: 'x'});
  assert.equal((tricky.match(/<script/g) ?? []).length, 1);
  assert.equal(inlineData(tricky).headline, '</script><script>alert(1)</script><!--');
});

test('renderArticle: options are the element attributes', async () => {
  const html = await ssr.renderArticle(english, {theme: 'dark', look: 'print', headingLevel: 3, linkTarget: '_blank', lang: 'ja'});
  const open = html.slice(0, html.indexOf('<template'));
  for (const attr of ['theme="dark"', 'look="print"', 'heading-level="3"', 'link-target="_blank"', 'lang="ja"']) assert.ok(open.includes(attr), attr);
  assert.match(html, /<h3 part="headline"/);
  assert.match(html, /<h4>A longer repair than planned<\/h4>/);
  assert.match(html, /href="https:\/\/news.example.org\/ferry-timetable" rel="noopener noreferrer" target="_blank"/);
  // The words the elements add follow the element's lang where the story has none, in every part.
  const ja = visibleText(await ssr.renderArticle({...english, lang: undefined}, {lang: 'ja'}));
  for (const word of ['関連ニュース', '更新', '写真']) assert.ok(ja.includes(word), word);
  assert.ok(visibleText(html).includes('Related news'), "the story's own language wins for its parts");
  // Relative URLs are resolved against `base`, in the markup and in the inline data alike.
  const based = await ssr.renderArticle(seed, {base: 'https://news.example.cn/stories/seed.json'});
  assert.match(based, /src="https:\/\/news.example.cn\/demo\/images\/seed-photo.jpg"/);
  assert.equal(inlineData(based).image.src, 'https://news.example.cn/demo/images/seed-photo.jpg');
});

test('renderArticle: unusable input rejects with an Error naming the JSON path', async () => {
  await assert.rejects(ssr.renderArticle({headline: 5, body: 'x'}), (error) => error instanceof Error && /\$\.headline/.test(error.message));
  await assert.rejects(ssr.renderArticle('nope'), /\$: expected Object, received string/);
  await assert.rejects(ssr.renderArticle({}), /\$: expected a headline or a body/);
  await assert.rejects(ssr.renderArticle({headline: 'x', body: 'y'.repeat(1024 * 1024 + 1)}), /\$\.body: Markdown is 1048577 characters/);
  // A part that can be dropped is dropped, with a warning naming its path.
  const problems = [];
  const html = await ssr.renderArticle({headline: 'x', authors: ['A', {}]}, {onProblem: (p) => problems.push(p)});
  assert.ok(html.includes('A'));
  assert.deepEqual(problems.map((p) => p.path), ['$.authors[1]']);
});

test('Markdown on the server: the browser policy (allowlist, safeUrl, rel/target, lazy images, headings, cap)', () => {
  const html = ssr.markdownToHtml(
    '# Title\n\n## Sub\n\n[ok](https://example.org) [bad](javascript:alert(1)) ![p](https://example.org/p.jpg) ![x](javascript:x)\n\n' +
      '<img src=x onerror=alert(1)><script>alert(1)</script><iframe src="https://example.org"></iframe><p style="color:red" id="x">t</p>\n\n' +
      '<!--lit-part--> after a comment',
    {headingLevel: 2, linkTarget: '_blank', base: 'https://news.example.org/a/'},
  );
  assert.match(html, /<h3>Title<\/h3>\n<h3>Sub<\/h3>/);
  assert.match(html, /<a href="https:\/\/example.org\/" rel="noopener noreferrer" target="_blank">ok<\/a>/);
  assert.match(html, /<a rel="noopener noreferrer" target="_blank">bad<\/a>/);
  assert.match(html, /<img src="https:\/\/example.org\/p.jpg" alt="p" loading="lazy" decoding="async">/);
  assert.match(html, /<img src="https:\/\/news.example.org\/a\/x" loading="lazy" decoding="async">/, 'relative src resolved, handler gone');
  for (const bad of ['onerror', '<script', '<iframe', 'style=', 'id=', 'javascript:', '<!--']) assert.ok(!html.includes(bad), bad);
  assert.throws(() => ssr.markdownToHtml('x'.repeat(11), {maxLength: 10}), /over the 10-character cap/);
  // Plain paragraphs take the fast path: text only, escaped.
  assert.equal(ssr.markdownToHtml('a < b\n\nc'), '<p>a &lt; b</p>\n<p>c</p>\n');
});

test("dates render in the data's offset, whatever the server's time zone", async () => {
  const story = JSON.stringify({...english, related: [], dateModified: undefined});
  const inZone = async (tz) => (await cli(['render', '-'], {input: story, env: {TZ: tz}})).stdout;
  const [honolulu, tokyo] = await Promise.all([inZone('Pacific/Honolulu'), inZone('Asia/Tokyo')]);
  assert.ok(honolulu.includes('12 April 2026 at 07:30'));
  assert.equal(honolulu, tokyo);
});

test('styleHashes: the sha256 of each <style> the server writes', async () => {
  const html = await ssr.renderArticle(english);
  const styles = [...html.matchAll(/<style>([\s\S]*?)<\/style>/g)].map((m) => `'sha256-${createHash('sha256').update(m[1]).digest('base64')}'`);
  assert.equal(styles.length, 6);
  for (const hash of styles) assert.ok(ssr.styleHashes().includes(hash), hash);
  assert.equal(new Set(ssr.styleHashes()).size, 5);
});

test('CLI: render a story to standard output, with --script the tag that makes it live', async () => {
  const script = 'https://cdn.example.org/ne/0.1.0/cdn/news-elements-hydrate.js';
  const {code, stdout, stderr} = await cli(['render', 'test/fixtures/seed.json', '--script', script]);
  assert.equal(code, 0, stderr);
  assert.equal(stdout, `${await ssr.renderArticle(seed)}\n<script type="module" src="${script}"></script>\n`);
  const plain = await cli(['render', '-'], {input: JSON.stringify(english)});
  assert.equal(plain.stdout, `${await ssr.renderArticle(english)}\n`);
});

test('CLI: --full-page writes a whole document', async () => {
  const {code, stdout} = await cli(['render', 'test/fixtures/english.json', '--full-page', '--theme', 'dark']);
  assert.equal(code, 0);
  assert.match(stdout, /^<!doctype html>\n<html lang="en-GB">\n<head>\n<meta charset="utf-8">\n<meta name="viewport" content="width=device-width, initial-scale=1">\n<title>Harbour ferry returns after a winter of repairs<\/title>\n<link rel="canonical" href="https:\/\/news.example.org\/2026\/04\/12\/harbour-ferry-returns">\n<\/head>\n<body>\n<news-article /);
  assert.ok(stdout.trimEnd().endsWith('</news-article>\n</body>\n</html>'));
  const rtl = await cli(['render', 'test/fixtures/arabic.json', '--full-page']);
  assert.match(rtl.stdout, /<html lang="ar" dir="rtl">/);
  const escaped = await cli(['render', '-', '--full-page'], {input: JSON.stringify({headline: '</title><script>alert(1)</script>', body: 'x'})});
  assert.match(escaped.stdout, /<title>&lt;\/title&gt;&lt;script&gt;alert\(1\)&lt;\/script&gt;<\/title>/);
});

test('CLI: --out writes one file per story; an invalid story exits 1, names file and path, and the others are written', async () => {
  const dir = await mkdtemp(path.join(tmpdir(), 'news-elements-'));
  try {
    await writeFile(path.join(dir, 'bad.json'), JSON.stringify({headline: 5}));
    await writeFile(path.join(dir, 'broken.json'), '{"headline": ');
    const out = path.join(dir, 'out');
    const {code, stdout, stderr} = await cli(['render', 'test/fixtures/seed.json', path.join(dir, 'bad.json'), path.join(dir, 'broken.json'), 'test/fixtures/english.json', '--out', out]);
    assert.equal(code, 1);
    assert.equal(stdout, '');
    const lines = stderr.trim().split('\n');
    assert.equal(lines.length, 2, stderr);
    assert.equal(lines[0], `${path.join(dir, 'bad.json')}: $.headline: expected string, received number`);
    assert.match(lines[1], new RegExp(`^${path.join(dir, 'broken.json').replace(/[.\\/]/g, '\\$&')}: invalid JSON: `));
    assert.deepEqual((await readdir(out)).sort(), ['english.html', 'seed.html']);
    assert.equal(await readFile(path.join(out, 'seed.html'), 'utf8'), `${await ssr.renderArticle(seed)}\n`);
  } finally {
    await rm(dir, {recursive: true, force: true});
  }
});

test('CLI: warnings name the file and path; usage errors exit 2; csp prints the style sources', async () => {
  const warned = await cli(['render', '-'], {input: JSON.stringify({headline: 'x', authors: ['A', {}]})});
  assert.equal(warned.code, 0);
  assert.match(warned.stderr, /^stdin: warning: \$\.authors\[1\] dropped/);
  for (const args of [['render'], ['render', 'a.json', 'b.json'], ['render', '-', '--theme', 'blue'], ['render', '-', '--heading-level', '7'], ['nope'], ['render', '-', '--what']]) {
    const {code, stderr} = await cli(args);
    assert.equal(code, 2, args.join(' '));
    assert.match(stderr, /^news-elements: .*\n\nUsage:/);
  }
  const csp = await cli(['csp']);
  assert.equal(csp.stdout, `${ssr.styleHashes().join(' ')}\n`);
});
