import type {UiStrings} from './strings.js';

/** UI strings, ar. Loaded with `import()` the first time an element needs them (see locale.ts). */
const strings: UiStrings = {
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
  showStory: 'عرض القصة كاملة',
  roles: {reporter: 'مراسل', correspondent: 'مراسل', photographer: 'مصوّر', editor: 'محرّر', intern: 'متدرّب'},
};

export default strings;
