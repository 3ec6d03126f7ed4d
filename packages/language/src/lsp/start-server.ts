import { startLanguageServer } from 'langium/lsp';
import { NodeFileSystem } from 'langium/node';
import type { Connection } from 'vscode-languageserver';
import { createOsaLspServices } from './osa-lsp-module.js';

/** Starts the OSA language server on an existing connection (stdio, IPC, ...). */
export function startOsaLanguageServer(connection: Connection): void {
    const { shared } = createOsaLspServices({ connection, ...NodeFileSystem });
    startLanguageServer(shared);
}
