#!/usr/bin/env node
/// <reference types="node" />
/**
 * `news-elements render story.json > story.html`: the publish-time half of server rendering. Writes the
 * snippet a publisher hands to partners or a CMS pastes (see README, "Server rendering").
 */
import {mkdir, readFile, writeFile} from 'node:fs/promises';
import path from 'node:path';
import {parseArgs} from 'node:util';
import {direction} from '../i18n/locale.js';
import {moduleScript, page} from '../markdown/server.js';
import type {Article, Problem} from '../model/types.js';
import {renderValidated, styleHashes, validate, type RenderArticleOptions} from './render-article.js';

const USAGE = `Usage:
  news-elements render <story.json | -> [more.json …] [options]
  news-elements csp

render: each story's <news-article> as server-rendered HTML (declarative shadow DOM, its data inline),
        on standard output, or one DIR/<name>.html per story with --out.
  --lang <tag>           language of the words the element adds (default: the story's "lang", else English)
  --theme <light|dark|auto>
  --look print
  --heading-level <1-6>  level of the headline (default 2)
  --link-target <target> target of links in the text, e.g. _blank
  --base <url>           resolve the story's relative URLs against <url>
  --script <url>         add the <script type="module"> that makes the snippet live: the CDN's
                         news-elements-hydrate.js (it loads news-elements.js once the page is idle)
  --full-page            a whole HTML document: charset, viewport, lang, <title>, canonical link
  --out <dir>            write <dir>/<name>.html per story (needed for several stories)
csp:    the style-src sources ('sha256-…') that a page's Content-Security-Policy needs for the styles
        inside server-rendered HTML, when it has no 'unsafe-inline' for styles.

Exit status: 0 all written; 1 a story was invalid (one line per problem, with its JSON path; the
others are still written); 2 wrong usage.`;

class Usage extends Error {}

function options(args: string[]) {
  try {
    return parseArgs({
      args,
      allowPositionals: true,
      options: {
        lang: {type: 'string'},
        theme: {type: 'string'},
        look: {type: 'string'},
        'heading-level': {type: 'string'},
        'link-target': {type: 'string'},
        base: {type: 'string'},
        script: {type: 'string'},
        'full-page': {type: 'boolean'},
        out: {type: 'string'},
        help: {type: 'boolean', short: 'h'},
      },
    });
  } catch (error) {
    throw new Usage((error as Error).message);
  }
}

type Values = ReturnType<typeof options>['values'];

function renderOptions(values: Values): RenderArticleOptions {
  const {theme, look} = values;
  if (theme !== undefined && !['light', 'dark', 'auto'].includes(theme)) throw new Usage(`--theme must be light, dark or auto, not "${theme}"`);
  if (look !== undefined && look !== 'print') throw new Usage(`--look must be print, not "${look}"`);
  const level = values['heading-level'];
  if (level !== undefined && !/^[1-6]$/.test(level)) throw new Usage(`--heading-level must be 1 to 6, not "${level}"`);
  if (values.base !== undefined && !URL.canParse(values.base)) throw new Usage(`--base must be an absolute URL, not "${values.base}"`);
  if (values.script !== undefined && !URL.canParse(values.script, 'https://example.invalid/')) throw new Usage(`--script must be a URL, not "${values.script}"`);
  const result: RenderArticleOptions = {};
  if (values.lang) result.lang = values.lang;
  if (theme) result.theme = theme as RenderArticleOptions['theme'];
  if (look) result.look = 'print';
  if (level) result.headingLevel = Number(level);
  if (values['link-target']) result.linkTarget = values['link-target'];
  if (values.base) result.base = values.base;
  return result;
}

async function readInput(file: string): Promise<string> {
  if (file !== '-') return readFile(file, 'utf8');
  let text = '';
  for await (const chunk of process.stdin) text += chunk;
  return text;
}

/** One story: its HTML, or the lines that say why not. */
async function renderFile(file: string, values: Values): Promise<{html?: string; problems: string[]; warnings: string[]}> {
  const name = file === '-' ? 'stdin' : file;
  const warnings: string[] = [];
  const onProblem = (problem: Problem) => warnings.push(`${name}: warning: ${problem.message}`);
  let data: unknown;
  try {
    data = JSON.parse(await readInput(file));
  } catch (error) {
    return {problems: [`${name}: ${error instanceof SyntaxError ? 'invalid JSON: ' : ''}${(error as Error).message}`], warnings};
  }
  const render = {...renderOptions(values), onProblem};
  let article: Article;
  try {
    article = validate(data, render);
  } catch (error) {
    return {problems: [`${name}: ${(error as Error).message.replace(/^Invalid data: /, '')}`], warnings};
  }
  const snippet = await renderValidated(article, render);
  // No modulepreloads: what hydration loads must not compete with the page's first paints (bench case 9).
  const script = values.script ? [moduleScript(values.script)] : [];
  if (!values['full-page']) return {html: [snippet, ...script, ''].join('\n'), problems: [], warnings};
  const lang = article.lang ?? render.lang;
  return {
    html: page({lang, dir: lang && direction(lang), title: article.headline, canonical: article.url, head: script, body: snippet}),
    problems: [],
    warnings,
  };
}

async function main(argv: string[]): Promise<number> {
  const [command, ...rest] = argv;
  if (command === 'csp') {
    process.stdout.write(`${styleHashes().join(' ')}\n`);
    return 0;
  }
  if (command !== 'render') throw new Usage(command ? `unknown command "${command}"` : 'no command');
  const {values, positionals} = options(rest);
  if (values.help) {
    process.stdout.write(`${USAGE}\n`);
    return 0;
  }
  renderOptions(values); // usage errors before any work
  if (!positionals.length) throw new Usage('no story given (a file, or - for standard input)');
  if (positionals.length > 1 && !values.out) throw new Usage('several stories need --out <dir>');
  if (positionals.filter((file) => file === '-').length > 1) throw new Usage('standard input can be read once');
  if (values.out) await mkdir(values.out, {recursive: true});
  let failed = false;
  for (const file of positionals) {
    const {html, problems, warnings} = await renderFile(file, values);
    for (const line of [...warnings, ...problems]) process.stderr.write(`${line}\n`);
    if (html === undefined) {
      failed = true;
      continue;
    }
    if (!values.out) process.stdout.write(html);
    else await writeFile(path.join(values.out, `${file === '-' ? 'stdin' : path.basename(file, path.extname(file))}.html`), html);
  }
  return failed ? 1 : 0;
}

main(process.argv.slice(2)).then(
  (code) => {
    process.exitCode = code;
  },
  (error: unknown) => {
    if (error instanceof Usage) {
      process.stderr.write(`news-elements: ${error.message}\n\n${USAGE}\n`);
      process.exitCode = 2;
    } else {
      process.stderr.write(`news-elements: ${(error as Error)?.stack ?? error}\n`);
      process.exitCode = 1;
    }
  },
);
