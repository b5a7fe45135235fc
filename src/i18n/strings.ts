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
  /** The control under a story that arrived while in view and holds its space (see `<news-article grow>`). */
  showStory: string;
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

/** English: built in, and what every other language falls back to. */
export const en: UiStrings = {
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
  showStory: 'Show the whole story',
  roles: {reporter: 'Reporter', correspondent: 'Correspondent', photographer: 'Photographer', editor: 'Editor', intern: 'Intern'},
};

