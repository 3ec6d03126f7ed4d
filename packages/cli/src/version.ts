import { createRequire } from 'node:module';
import { dataEditions } from '@osa-policy/language/editions';
import { localize, msg, type Locale } from '@osa-policy/language/i18n-core';

const require = createRequire(import.meta.url);
export const TOOL_VERSION: string = (require('../package.json') as { version: string }).version;

export function versionText(locale: Locale = 'en'): string {
    return `osa ${TOOL_VERSION}\n${localize(msg('cli.version.referenceData'), locale)}\n` + dataEditions().map(e => `  ${e.dataset}: ${e.edition}\n`).join('');
}
