/**
 * Folding ranges. Langium's default folds every node of three lines or more (programmes, blocks, long
 * items and agreements) and every `/* … *\/` comment. Once a server provides folding ranges, editors
 * stop folding by indentation, so the `//` comment blocks that head most programme sheets (sources,
 * expected findings) would no longer fold: this adds a comment range for each run of two or more
 * consecutive lines that hold only a `//` comment.
 */
import { CstUtils, type LangiumDocument } from 'langium';
import { DefaultFoldingRangeProvider, type FoldingRangeAcceptor } from 'langium/lsp';
import { FoldingRange, FoldingRangeKind } from 'vscode-languageserver';

export class OsaFoldingRangeProvider extends DefaultFoldingRangeProvider {
    protected override collectFolding(document: LangiumDocument, acceptor: FoldingRangeAcceptor): void {
        super.collectFolding(document, acceptor);
        this.collectLineCommentFolding(document, acceptor);
    }

    protected collectLineCommentFolding(document: LangiumDocument, acceptor: FoldingRangeAcceptor): void {
        const root = document.parseResult.value.$cstNode;
        if (!root) {
            return;
        }
        const lines = document.textDocument.getText().split(/\r?\n/);
        let start: number | undefined;
        let end = -1;
        const flush = () => {
            if (start !== undefined && end > start) {
                acceptor(FoldingRange.create(start, end, undefined, undefined, FoldingRangeKind.Comment));
            }
            start = undefined;
        };
        for (const leaf of CstUtils.flattenCst(root)) {
            if (!leaf.hidden || !leaf.text.startsWith('//')) {
                continue;
            }
            const line = leaf.range.start.line;
            // Only comments alone on their line: a trailing comment belongs to the code before it.
            if (lines[line].slice(0, leaf.range.start.character).trim() !== '') {
                continue;
            }
            if (start === undefined || line !== end + 1) {
                flush();
                start = line;
            }
            end = line;
        }
        flush();
    }
}
