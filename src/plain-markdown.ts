/**
 * The fast path for Markdown that is only plain paragraphs and `#` headings — most wire copy, and the
 * seed article — rendered straight to DOM nodes, without downloading or running marked (15 KB) and
 * without a sanitizer: text only ever goes into `textContent`, so no markup is made from it at all.
 *
 * Anything else that could mean something to marked (any of `\ ` * _ [ ] < > & ! | ~ # @`, a URL, a
 * line that starts like a list, quote, code block, table or rule, leading or trailing whitespace, tabs,
 * CRs) sends the whole text to the full renderer. For what it accepts the output is the same DOM as
 * marked's: `test/plain-markdown.test.ts` checks that against marked on generated text.
 */

/** Characters, or starts and ends of lines, that may be Markdown syntax. */
const SYNTAX = /[\\`*_[\]<>&!|~#@\t\r\0]|:\/\/|www\.|^\s|\s$|^[-+=]|^\d+[.)]/im;
const HEADING = /^(#{1,6}) (?=\S)(.*)$/;

/** The same cap as the full renderer (`DEFAULT_MAX_MARKDOWN` in markdown/render.ts). */
const MAX = 1024 * 1024;

/** The last text checked: `<news-article>` asks about its body, then `<news-body>` about the same string. */
let last: {markdown: string; plain: boolean} | undefined;

/** True when `markdown` is only plain paragraphs and headings: {@link plainMarkdown} renders it. */
export function isPlainMarkdown(markdown: string): boolean {
  if (last?.markdown !== markdown) {
    last = {markdown, plain: markdown.split('\n').every((line) => !line || !SYNTAX.test(HEADING.exec(line)?.[2] ?? line))};
  }
  return last.plain;
}

/**
 * Renders `markdown` when it is plain paragraphs and headings; `undefined` means "not plain: use the
 * full renderer" (which also reports input over the cap).
 * @param headingLevel The article's headline level: `#` and `##` render one level below it.
 * @param doc The document to make nodes in; a server has none of its own (markdown/server.ts passes one).
 */
export function plainMarkdown(
  markdown: string,
  headingLevel = 2,
  maxLength = MAX,
  doc: Document | undefined = globalThis.document,
): DocumentFragment | undefined {
  const top = Math.min(5, Math.max(1, headingLevel));
  // Checked whole first: text with syntax late in it must not cost a DOM built for nothing.
  if (!doc || markdown.length > maxLength || Number.isNaN(top) || !isPlainMarkdown(markdown)) return undefined;
  const fragment = doc.createDocumentFragment();
  let paragraph: string[] = [];
  const block = (tag: string, text: string) => {
    const node = doc.createElement(tag);
    node.textContent = text;
    fragment.append(node, '\n');
  };
  const close = () => {
    if (paragraph.length) block('p', paragraph.join('\n'));
    paragraph = [];
  };
  for (const line of markdown.split('\n')) {
    if (!line) {
      close();
      continue;
    }
    const heading = HEADING.exec(line);
    if (heading) {
      close();
      block(`h${Math.min(6, top + Math.max(1, heading[1]!.length - 1))}`, heading[2]!);
    } else paragraph.push(line);
  }
  close();
  return fragment;
}
