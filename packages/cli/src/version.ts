import { createRequire } from 'node:module';
import { dataEditions } from '@osa-policy/language/editions';

const require = createRequire(import.meta.url);
export const TOOL_VERSION: string = (require('../package.json') as { version: string }).version;

export function versionText(): string {
    return `osa ${TOOL_VERSION}\nreference data:\n` + dataEditions().map(e => `  ${e.dataset}: ${e.edition}\n`).join('');
}
