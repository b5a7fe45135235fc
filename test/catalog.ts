/** Every shipped UI string catalog, loaded up front for tests (the elements load them on demand). */
import ar from '../src/i18n/ar.js';
import ja from '../src/i18n/ja.js';
import {en, type UiStrings} from '../src/i18n/strings.js';
import zhCN from '../src/i18n/zh-CN.js';
import zhTW from '../src/i18n/zh-TW.js';

export const catalog: Record<string, UiStrings> = {en, 'zh-CN': zhCN, 'zh-TW': zhTW, ja, ar};
