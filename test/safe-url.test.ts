import {expect} from '@open-wc/testing';
import {safeUrl} from '../src/model/safe-url.js';

describe('safeUrl()', () => {
  const allowed = [
    'https://example.org/a?b=c#d',
    'http://example.org',
    'HTTPS://EXAMPLE.ORG/',
    'mailto:desk@example.org?subject=Hi&body=x',
    'tel:+86-550-1234567',
    '/stories/1.json',
    'photos/1.jpg',
    '../up.html',
    '?page=2',
    '#section-2',
    '//cdn.example.org/x.jpg',
    'https://例子.测试/新闻?标题=你好',
    '  https://example.org/trimmed  ',
  ];
  for (const url of allowed) {
    it(`allows ${JSON.stringify(url)}`, () => {
      expect(safeUrl(url)).to.equal(url.trim());
    });
  }

  const refused = [
    'javascript:alert(1)',
    'JaVaScRiPt:alert(1)',
    ' javascript:alert(1)',
    '\u0001javascript:alert(1)',
    'java\tscript:alert(1)',
    'java\nscript:alert(1)',
    'java\u0000script:alert(1)',
    'java\u200bscript:alert(1)',
    'javascript\u00ad:alert(1)',
    '&#106;avascript:alert(1)',
    '&#x6A;avascript:alert(1)',
    'javascript&colon;alert(1)',
    'javascript&#58;alert(1)',
    'javascript%3Aalert(1)',
    '%6Aavascript:alert(1)',
    'vbscript:msgbox(1)',
    'VBScript:msgbox(1)',
    'data:text/html,<script>alert(1)</script>',
    'data:image/svg+xml;base64,PHN2Zz4=',
    'blob:https://example.org/1234',
    'file:///etc/passwd',
    'filesystem:https://example.org/temporary/x',
    'ftp://example.org/x',
    'chrome://settings',
    'about:blank',
    'intent://x#Intent;end',
    'jar:https://example.org/x.jar!/',
    'ja\\vascript:alert(1)',
    '\\\\evil.example.org\\x',
    '',
    '   ',
  ];
  for (const url of refused) {
    it(`refuses ${JSON.stringify(url)}`, () => {
      expect(safeUrl(url)).to.equal(undefined);
    });
  }

  it('refuses values that are not strings', () => {
    for (const value of [undefined, null, 1, {}, [], ['https://example.org'], {toString: () => 'https://x'}]) {
      expect(safeUrl(value)).to.equal(undefined);
    }
  });

  it('agrees with the browser: every allowed URL resolves to an allowed scheme', () => {
    for (const url of allowed) {
      const {protocol} = new URL(safeUrl(url)!, 'https://partner.example/page');
      expect(['http:', 'https:', 'mailto:', 'tel:']).to.include(protocol);
    }
  });
});
