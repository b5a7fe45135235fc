/**
 * Every UI string the elements show, per locale. The article's own text is never translated; these are
 * only the words the elements add around it.
 */
export interface UiStrings {
  related: string;
  loading: string;
  /** Heading of the error state; the detail below it comes from `errors`. */
  error: string;
  errors: Record<ErrorCode, string>;
  /** A photo credit, `{credit}` standing for the name: "Photo: Jane Doe", "摄影：韩先秀". */
  credit: string;
  published: string;
  updated: string;
  /** Shown in place of a photo that failed to load. */
  imageUnavailable: string;
  /** Before the author list ("By"); empty where the language puts nothing there. */
  by: string;
  /** The print jump line when only a page number is given; `{page}` is the number in local numerals. */
  continuedOnPage: string;
  /** Link text for a continuation or a teaser that has a link but no words of its own. */
  readMore: string;
  /** Author roles given as these ids in the data are shown in the reader's language. */
  roles: Record<AuthorRole, string>;
}

/** Role ids that are translated; any other role is shown as written. */
export type AuthorRole = 'reporter' | 'correspondent' | 'photographer' | 'editor' | 'intern';

/** Why data could not be shown; each has its own localized message. */
export type ErrorCode =
  | 'network'
  | 'timeout'
  | 'http'
  | 'content-type'
  | 'json'
  | 'too-large'
  | 'empty'
  | 'invalid';

const en: UiStrings = {
  related: 'Related news',
  loading: 'Loading…',
  error: 'This story could not be shown.',
  errors: {
    network: 'The story could not be reached. Check your connection and try again.',
    timeout: 'The story took too long to arrive.',
    http: 'The story’s server answered with an error ({status}).',
    'content-type': 'The story’s address did not return a story.',
    json: 'The story’s data is damaged.',
    'too-large': 'The story is too large to show.',
    empty: 'The story’s address returned nothing.',
    invalid: 'The story’s data is incomplete.',
  },
  credit: 'Photo: {credit}',
  published: 'Published',
  updated: 'Updated',
  imageUnavailable: 'Image unavailable',
  by: 'By',
  continuedOnPage: 'Continued on page {page}',
  readMore: 'Read more',
  roles: {reporter: 'Reporter', correspondent: 'Correspondent', photographer: 'Photographer', editor: 'Editor', intern: 'Intern'},
};

const zhCN: UiStrings = {
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
  roles: {reporter: '记者', correspondent: '通讯员', photographer: '摄影', editor: '编辑', intern: '实习生'},
};

const zhTW: UiStrings = {
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
  roles: {reporter: '記者', correspondent: '特派員', photographer: '攝影', editor: '編輯', intern: '實習記者'},
};

const ja: UiStrings = {
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
  roles: {reporter: '記者', correspondent: '特派員', photographer: '写真', editor: '編集', intern: '研修記者'},
};

const ar: UiStrings = {
  related: 'أخبار ذات صلة',
  loading: 'جارٍ التحميل…',
  error: 'تعذّر عرض هذا الخبر.',
  errors: {
    network: 'تعذّر الوصول إلى مصدر الخبر. تحقّق من الاتصال وحاول مرة أخرى.',
    timeout: 'استغرق تحميل الخبر وقتًا طويلًا.',
    http: 'أعاد خادم الخبر خطأً ({status}).',
    'content-type': 'لم يُرجع هذا العنوان خبرًا.',
    json: 'بيانات الخبر تالفة.',
    'too-large': 'الخبر أكبر من أن يُعرض.',
    empty: 'لم يُرجع هذا العنوان أي محتوى.',
    invalid: 'بيانات الخبر غير مكتملة.',
  },
  credit: 'تصوير: {credit}',
  published: 'نُشر',
  updated: 'حُدّث',
  imageUnavailable: 'الصورة غير متاحة',
  by: 'بقلم',
  continuedOnPage: 'يتبع في الصفحة {page}',
  readMore: 'اقرأ المزيد',
  roles: {reporter: 'مراسل', correspondent: 'مراسل', photographer: 'مصوّر', editor: 'محرّر', intern: 'متدرّب'},
};

export const catalog: Record<string, UiStrings> = {en, 'zh-CN': zhCN, 'zh-TW': zhTW, ja, ar};
