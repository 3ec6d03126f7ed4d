import { createRequire } from 'node:module';
import { DEFAULT_REFERENCE_DATA, ReferenceData } from '@osa-policy/language';

const require = createRequire(import.meta.url);
export const TOOL_VERSION: string = (require('../package.json') as { version: string }).version;

export function versionText(): string {
    const editions = new ReferenceData(DEFAULT_REFERENCE_DATA).editions();
    return `osa ${TOOL_VERSION}\n` + editions.map(e => `  ${e.dataset}: ${e.edition}\n`).join('');
}
