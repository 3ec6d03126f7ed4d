import { localize, msg, type Locale } from '@osa-policy/language/i18n-core';
import { TOOL_VERSION } from './tool-version.js';

type Editions = readonly { dataset: string; edition: string }[];

/**
 * The CLI bundle carries the shipped data's editions, computed from that very data when it is built (esbuild.mjs
 * defines this), so that `osa --version` need not load the reference data. Unbundled (tests), they are computed.
 */
declare const OSA_SHIPPED_DATA_EDITIONS: Editions | undefined;

async function shippedEditions(): Promise<Editions> {
    if (typeof OSA_SHIPPED_DATA_EDITIONS !== 'undefined') {
        return OSA_SHIPPED_DATA_EDITIONS;
    }
    return (await import('@osa-policy/language/editions')).dataEditions();
}

/** `osa --version`: the version and the edition of each reference data set. */
export async function versionText(locale: Locale = 'en'): Promise<string> {
    const editions = await shippedEditions();
    return `osa ${TOOL_VERSION}\n${localize(msg('cli.version.referenceData'), locale)}\n` + editions.map(e => `  ${e.dataset}: ${e.edition}\n`).join('');
}
