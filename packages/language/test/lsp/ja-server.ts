/**
 * A language server's services in Japanese (`{ locale: 'ja' }`), in process, and a way to add validated documents
 * to its workspace: what the Japanese hover and completion tests start from.
 */
import { EmptyFileSystem, URI, type LangiumDocument } from 'langium';
import { parseHelper } from 'langium/test';
import { createOsaLspServices, type OsaLspServices } from '../../src/lsp/osa-lsp-module.js';

export interface JapaneseServer {
    services: OsaLspServices;
    /** Adds `text` as `/workspace/<name>` and validates it. */
    add(name: string, text: string): Promise<LangiumDocument>;
}

export function japaneseServer(): JapaneseServer {
    const services = createOsaLspServices({ ...EmptyFileSystem, connection: undefined }, { locale: 'ja' }).Osa;
    return {
        services,
        add: (name, text) => parseHelper(services)(text, { documentUri: URI.file(`/workspace/${name}`).toString(), validation: true })
    };
}
