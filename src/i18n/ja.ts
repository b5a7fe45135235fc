import type {UiStrings} from './strings.js';

/** UI strings, ja. Loaded with `import()` the first time an element needs them (see locale.ts). */
const strings: UiStrings = {
  related: '関連ニュース',
  loading: '読み込み中…',
  error: 'この記事を表示できません。',
  errors: {
    network: '記事の配信元に接続できません。接続を確認して再度お試しください。',
    timeout: '記事の読み込みがタイムアウトしました。',
    http: '記事のサーバーがエラーを返しました（{status}）。',
    'content-type': 'このアドレスは記事を返しませんでした。',
    json: '記事のデータが壊れています。',
    'too-large': '記事が大きすぎて表示できません。',
    empty: 'このアドレスは何も返しませんでした。',
    invalid: '記事のデータが不完全です。',
  },
  credit: '写真：{credit}',
  published: '公開',
  updated: '更新',
  imageUnavailable: '画像を表示できません',
  by: '',
  continuedOnPage: '（{page}面に続く）',
  readMore: '続きを読む',
  showStory: '記事をすべて表示',
  roles: {reporter: '記者', correspondent: '特派員', photographer: '写真', editor: '編集', intern: '研修記者'},
};

export default strings;
