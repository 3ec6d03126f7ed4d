/** Completion: Langium's keyword and reference completion, plus OSA's vocabularies and snippets. */
import { DefaultCompletionProvider } from 'langium/lsp';
import type { OsaLspServices } from './osa-lsp-module.js';

export class OsaCompletionProvider extends DefaultCompletionProvider {
    constructor(protected readonly osa: OsaLspServices) {
        super(osa);
    }
}
