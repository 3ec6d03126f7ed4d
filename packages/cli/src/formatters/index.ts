import type { Formatter } from './format.js';
import { formatGithub } from './github.js';
import { formatJson } from './json.js';
import { formatJunit } from './junit.js';
import { formatSarif } from './sarif.js';
import { formatStylish } from './stylish.js';

export type { FormatContext, Formatter } from './format.js';

/** Every output format of `osa validate --format`. */
export const FORMATTERS = {
    stylish: formatStylish,
    json: formatJson,
    sarif: formatSarif,
    junit: formatJunit,
    github: formatGithub
} satisfies Record<string, Formatter>;

export type FormatName = keyof typeof FORMATTERS;
export const FORMAT_NAMES = Object.keys(FORMATTERS) as FormatName[];
