/** The toolbar's locale and theme, as attributes for the element a story renders. */
export interface Ui {
  lang: string;
  theme: 'light' | 'dark' | 'auto';
}

export const ui = (context: {globals?: Record<string, unknown>} | undefined): Ui => ({
  lang: typeof context?.globals?.['locale'] === 'string' ? (context.globals['locale'] as string) : 'zh-CN',
  theme: (['light', 'dark', 'auto'] as const).find((t) => t === context?.globals?.['theme']) ?? 'light',
});

/**
 * What a story is expected to show, for the story check in test/stories.test.ts: its content (default),
 * or its loading or error state.
 */
export type Expect = 'content' | 'loading' | 'error';
