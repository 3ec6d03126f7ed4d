/** The formatter: one declaration per line, four-space indentation, idempotent. */
import type { AstNode } from 'langium';
import { AbstractFormatter } from 'langium/lsp';

export class OsaFormatter extends AbstractFormatter {
    protected format(_node: AstNode): void {
        // Filled in by the formatter work.
    }
}
