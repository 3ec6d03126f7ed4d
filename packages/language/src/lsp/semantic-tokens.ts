/** Semantic tokens: country codes, rule ids, vocabulary terms, dates, amounts. */
import type { AstNode } from 'langium';
import { AbstractSemanticTokenProvider, type SemanticTokenAcceptor } from 'langium/lsp';

export class OsaSemanticTokenProvider extends AbstractSemanticTokenProvider {
    protected highlightElement(_node: AstNode, _acceptor: SemanticTokenAcceptor): void | undefined | 'prune' {
        return undefined;
    }
}
