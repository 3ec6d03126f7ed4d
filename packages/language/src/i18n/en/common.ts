/** English texts shared by every area (severity words, list joiners). Ids: see catalogue.ts; `{name}` marks a placeholder. */
export const common = {
    'severity.error': 'an error',
    'severity.warning': 'a warning',
    'severity.info': 'information',
    'list.and': '{items} and {last}',
    'list.or': '{first} or {rest}',
    'list.andEach': '{first} and {rest}'
} satisfies Record<string, string>;
