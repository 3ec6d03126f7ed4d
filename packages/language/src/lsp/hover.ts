/** Hovers: country facts, vocabulary meanings with their clause, a programme's compliance summary. */
import type { AstNode, MaybePromise } from 'langium';
import { AstNodeHoverProvider } from 'langium/lsp';
import type { Hover } from 'vscode-languageserver';
import type { OsaLspServices } from './osa-lsp-module.js';

export class OsaHoverProvider extends AstNodeHoverProvider {
    constructor(protected readonly osa: OsaLspServices) {
        super(osa);
    }

    protected getAstNodeHoverContent(_node: AstNode): MaybePromise<string | undefined> {
        return undefined;
    }

    // Keyword and token hovers are added by overriding getHoverContent.
    protected hoverFor(_content: string): Hover | undefined {
        return undefined;
    }
}
