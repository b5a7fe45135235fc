/** Story data: the test fixtures, plus generated articles for the states a designer needs to see. */
import seedJson from '../test/fixtures/seed.json';
import englishJson from '../test/fixtures/english.json';
import type {Article, Author, Photo, RelatedItem} from '../src/index.js';

export const seed = seedJson as Article;
export const english = englishJson as Article;

export const photos = {
  landscape: english.image as Photo,
  seed: seed.image as Photo,
  portrait: {
    src: '/demo/images/portrait-photo.svg',
    alt: 'A stone clock tower against an evening sky',
    caption: 'The clock tower on Market Square, restored in 2025.',
    credit: 'Porthaven Gazette',
    width: 800,
    height: 1200,
  } satisfies Photo,
  panorama: {
    src: '/demo/images/panorama-photo.svg',
    alt: 'Mountains above the bay at sunset, with the ferry crossing',
    caption: 'The bay from Gull Point: the ferry crosses beneath the hills every 20 minutes.',
    credit: 'Tom Okafor',
    width: 2400,
    height: 800,
  } satisfies Photo,
};

export const arabic: Article = {
  lang: 'ar',
  section: 'محلي',
  headline: 'عودة عبّارة الميناء بعد شتاء من الإصلاحات',
  authors: [{name: 'ليلى حداد', role: 'reporter'}, 'سامر خليل', 'نور الهدى منصور'],
  datePublished: '2026-04-12T09:30:00+03:00',
  image: {...photos.landscape, alt: 'عبّارة زرقاء وبيضاء تغادر رصيف الميناء عند الشروق', caption: 'العبّارة تغادر رصيف الميناء في أول رحلة لها منذ نوفمبر.', credit: 'سامر خليل'},
  lead: 'نقلت العبّارة الوحيدة في المدينة **312 راكبًا** في يومها الأول بعد عودتها إلى الخدمة.',
  body: '## إصلاحات أطول من المتوقع\n\nعثر المهندسون على تآكل في ألواح الهيكل في ديسمبر، مما أخّر العودة من فبراير إلى أبريل.\n\n## ما الذي يتغير للركاب\n\nتنطلق الرحلات كل عشرين دقيقة من السابعة صباحًا حتى السابعة مساءً، والأسعار دون تغيير.\n',
  continuation: {page: 3},
  related: [
    {headline: 'المجلس يوافق على تمويل إضافي لإصلاح العبّارة', summary: 'صوّت المجلس بأغلبية تسعة أصوات مقابل صوتين على تغطية التكاليف الإضافية.', url: 'https://news.example.org/ar/1'},
    {headline: 'أعمال صيانة سور الميناء تبدأ في مايو', url: 'https://news.example.org/ar/2'},
  ],
  publisher: {name: 'صحيفة الميناء', tagline: 'أخبار المدينة منذ 1887.'},
};

const paragraph = (i: number) =>
  `Paragraph ${i}. The council's transport committee met on Tuesday to review the ferry timetable, the harbour ` +
  `wall works and the cost of the winter repairs, and heard from residents on both sides of the bay.`;

/** A long article: 12 sections, images in the body, quotes, lists and a table. */
export const long: Article = {
  ...english,
  headline: 'A year on the water: twelve months of the Porthaven ferry',
  body: Array.from({length: 12}, (_, s) => {
    const n = s + 1;
    const extra =
      n % 4 === 1
        ? `\n\n![${photos.panorama.alt}](${photos.panorama.src})`
        : n % 4 === 2
          ? `\n\n> "We count every crossing," said the harbour master. "Section ${n} was the busiest month."`
          : n % 4 === 3
            ? '\n\n- more crossings at peak hours\n- a quieter engine\n- step-free boarding\n\n1. book online\n2. show the code\n3. board'
            : '\n\n| Month | Crossings | Passengers |\n|---|---|---|\n| April | 1,204 | 31,870 |\n| May | 1,310 | 35,002 |';
    return `## Section ${n}: ${['Spring', 'Summer', 'Autumn', 'Winter'][s % 4]} crossings\n\n${paragraph(n * 2 - 1)}\n\n${paragraph(n * 2)}${extra}`;
  }).join('\n\n'),
};

const cjkSummary =
  '本报讯为纪念中国共产党建党九十三周年,张山乡郭郢村党支部于6月30日上午在郭郢村村部组织全村党员开展党日组织活动会。全村党员同志学习了十八大以来一系列重要会议及领导讲话精神,村两委向全体党员汇报了上半年工作情况,并就下半年工作听取了意见和建议。';
const englishSummary =
  'Councillors voted nine to two to cover the overrun, with a review of how the dry-dock contract was let, after a long debate in which residents asked why the repairs had not been foreseen and whether the ferry would need more work next winter.';

export function relatedItems(count: number, {images = false, lang = 'zh'}: {images?: boolean; lang?: 'zh' | 'en'} = {}): RelatedItem[] {
  return Array.from({length: count}, (_, i) => ({
    headline: lang === 'zh' ? `来安新闻 第${i + 1}条：县人社局开展群众路线教育实践活动` : `Story ${i + 1}: ferry timetable changes for the summer`,
    summary: lang === 'zh' ? cjkSummary : englishSummary,
    url: `https://news.example.org/${lang}/${i + 1}`,
    datePublished: `2026-04-${String((i % 28) + 1).padStart(2, '0')}T08:00:00+08:00`,
    ...(images ? {image: {src: i % 2 ? photos.seed.src : photos.landscape.src, alt: '', width: 1200, height: i % 2 ? 800 : 675}} : {}),
  }));
}

export const tenAuthors: Author[] = [
  {name: 'Amelia Hart', role: 'reporter', url: 'https://news.example.org/staff/amelia-hart'},
  {name: 'Tom Okafor', role: 'photographer'},
  'Lena Fischer',
  'Ruth Pengelly',
  {name: 'Kenji Sato', role: 'correspondent'},
  'Priya Natarajan',
  'Mateus Costa',
  {name: 'Ines Duarte', role: 'editor'},
  'Yusuf Demir',
  'Claire Dubois',
];

/** Every Markdown construct the sanitizer keeps. */
export const allowedMarkdown = `## Subheading (h3 under an h2 headline)

A paragraph with **strong**, *emphasis*, ~~struck~~ text, \`inline code\`, a [link](https://example.org "title") and a line
break.  
After the break. <sub>sub</sub> and <sup>sup</sup>, <u>underlined</u>, <s>struck</s>, <span lang="zh-CN">中文</span>.

### A deeper subheading

> A quotation, with a [link](https://example.org/quote).

- an unordered list
- with two items

3. an ordered list
4. that starts at 3

![A ferry at sunrise](/demo/images/english-photo.jpg)

<figure><img src="/demo/images/seed-photo.jpg" alt="A street stall" width="1200" height="800"><figcaption>A figure with its caption</figcaption></figure>

| Table | Header |
|---|---|
| cell | cell |

\`\`\`
a code block
\`\`\`

---

The end.`;

/** What the sanitizer strips: shown with the Markdown beside the result. */
export const strippedMarkdown = `Scripts: <script>alert('x')</script> gone.

Handlers: <img src="/demo/images/seed-photo.jpg" alt="kept, without onerror" width="120" height="80" onerror="alert(1)">

Links: [javascript link loses its href](javascript:alert(1)) · [data link too](data:text/html,x) · [a safe one](https://example.org)

Styles, ids and forms: <span style="color:red" id="x" class="y">plain span</span> <form><input value="gone"></form>

Frames and SVG: <iframe src="https://example.org"></iframe><svg><circle r="5"/></svg>(both gone)`;
