import type {UiStrings} from './strings.js';

/** UI strings, zh-TW. Loaded with `import()` the first time an element needs them (see locale.ts). */
const strings: UiStrings = {
  related: '新聞推薦',
  loading: '正在載入…',
  error: '無法顯示這篇報導。',
  errors: {
    network: '無法連線到報導來源，請檢查網路後重試。',
    timeout: '載入報導逾時。',
    http: '報導伺服器回傳錯誤（{status}）。',
    'content-type': '該網址回傳的不是報導資料。',
    json: '報導資料已損毀。',
    'too-large': '報導過大，無法顯示。',
    empty: '該網址沒有回傳任何內容。',
    invalid: '報導資料不完整。',
  },
  credit: '攝影：{credit}',
  published: '發布',
  updated: '更新',
  imageUnavailable: '圖片無法顯示',
  by: '',
  continuedOnPage: '(下轉第{page}版)',
  readMore: '閱讀全文',
  showStory: '展開全文',
  roles: {reporter: '記者', correspondent: '特派員', photographer: '攝影', editor: '編輯', intern: '實習記者'},
};

export default strings;
