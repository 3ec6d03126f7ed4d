/**
 * Japanese texts shared by every area: the project's own wording. Guideline clauses are cited by number
 * (§3(3)(b)); no text here quotes the official Japanese guidelines.
 */
import type { common as english } from '../en/common.js';

export const common: Readonly<Record<keyof typeof english, string>> = {
    'severity.error': 'エラー',
    'severity.warning': '警告',
    'severity.info': '情報',
    'list.and': '{items}、{last}',
    'list.or': '{first} または {rest}',
    'list.andEach': '{first} と {rest}'
};
