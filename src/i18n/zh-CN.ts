import type {UiStrings} from './strings.js';

/** UI strings, zh-CN. Loaded with `import()` the first time an element needs them (see locale.ts). */
const strings: UiStrings = {
  related: '新闻推荐',
  loading: '正在加载…',
  error: '无法显示这篇报道。',
  errors: {
    network: '无法连接到报道来源，请检查网络后重试。',
    timeout: '加载报道超时。',
    http: '报道服务器返回错误（{status}）。',
    'content-type': '该地址返回的不是报道数据。',
    json: '报道数据已损坏。',
    'too-large': '报道过大，无法显示。',
    empty: '该地址没有返回任何内容。',
    invalid: '报道数据不完整。',
  },
  credit: '摄影：{credit}',
  published: '发布',
  updated: '更新',
  imageUnavailable: '图片无法显示',
  by: '',
  continuedOnPage: '(下转第{page}版)',
  readMore: '阅读全文',
  showStory: '展开全文',
  roles: {reporter: '记者', correspondent: '通讯员', photographer: '摄影', editor: '编辑', intern: '实习生'},
};

export default strings;
