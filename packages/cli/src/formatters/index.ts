import type { Formatter } from './format.js';
import { formatJson } from './json.js';
import { formatStylish } from './stylish.js';

export type { FormatContext, Formatter } from './format.js';

/** Every output format of `osa validate --format`. */
export const FORMATTERS = {
    stylish: formatStylish,
    json: formatJson
} satisfies Record<string, Formatter>;

export type FormatName = keyof typeof FORMATTERS;
export const FORMAT_NAMES = Object.keys(FORMATTERS) as FormatName[];
