/**
 * Services tuned for how OSA resolves names: every reference (`uses`, `funded-by`) points at a
 * top-level declaration, so the global index resolves all of them and no local scopes are needed.
 * The CLI also needs no index of references (that serves find-references in the editor).
 */
import {
    DefaultDocumentBuilder, DefaultIndexManager, DefaultScopeComputation, MultiMap,
    type LangiumDocument, type LocalSymbols, type URI
} from 'langium';
import type { CancellationToken } from 'vscode-languageserver-protocol';

export class OsaScopeComputation extends DefaultScopeComputation {
    override async collectLocalSymbols(_document: LangiumDocument, _cancelToken?: CancellationToken): Promise<LocalSymbols> {
        return new MultiMap();
    }
}

export class OsaIndexManager extends DefaultIndexManager {
    /** False in batch validation, where nothing asks for references. */
    indexReferences = true;

    override async updateReferences(document: LangiumDocument, cancelToken?: CancellationToken): Promise<void> {
        if (this.indexReferences) {
            await super.updateReferences(document, cancelToken);
        }
    }
}

export class OsaDocumentBuilder extends DefaultDocumentBuilder {
    /** Drops documents that will not be needed again (a validated CLI batch), freeing their memory. */
    forget(uris: readonly URI[]): void {
        for (const uri of uris) {
            this.langiumDocuments.deleteDocument(uri);
            this.indexManager.remove(uri);
            this.buildState.delete(uri.toString());
        }
    }
}
