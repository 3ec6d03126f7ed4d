/** Quick fixes and actions for OSA diagnostics. */
import type { LangiumDocument, MaybePromise } from 'langium';
import type { CodeActionProvider } from 'langium/lsp';
import type { CodeAction, CodeActionParams, Command } from 'vscode-languageserver';
import type { OsaLspServices } from './osa-lsp-module.js';

export class OsaCodeActionProvider implements CodeActionProvider {
    constructor(protected readonly services: OsaLspServices) { }

    getCodeActions(_document: LangiumDocument, _params: CodeActionParams): MaybePromise<Array<Command | CodeAction> | undefined> {
        return [];
    }
}
