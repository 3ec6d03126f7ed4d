/**
 * Services tuned for how OSA resolves names: every reference (`uses`, `funded-by`) points at a
 * top-level declaration, so the global index resolves all of them and no local scopes are needed.
 * The CLI also needs no index of references (that serves find-references in the editor).
 */
import {
    DefaultDocumentBuilder, DefaultIndexManager, DefaultScopeComputation, MultiMap,
    type AstNode, type BuildOptions, type LangiumDocument, type LocalSymbols, type URI
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
    /**
     * Which documents an update may validate. The editor's `openFiles` scope narrows this to open
     * files and to those the server chooses to check (workspace findings, the validate command);
     * undefined means every document the build options ask for, Langium's default.
     */
    validationFilter: ((document: LangiumDocument) => boolean) | undefined;
    /**
     * Runs after an update that deleted documents. Langium notifies no build phase when an update
     * rebuilds nothing (a deleted file that no other file refers to), so listeners of the Validated
     * phase would miss the findings of other files that the deleted one took part in.
     */
    afterDeletion: (() => Promise<void>) | undefined;
    /** Documents passed to build() explicitly: always validated when the options ask for it. */
    private readonly explicit = new Set<string>();

    override async build<T extends AstNode>(documents: Array<LangiumDocument<T>>, options?: BuildOptions, cancelToken?: CancellationToken): Promise<void> {
        documents.forEach(d => this.explicit.add(d.uri.toString()));
        await super.build(documents, options, cancelToken);
    }

    override async update(changed: URI[], deleted: URI[], cancelToken?: CancellationToken): Promise<void> {
        await super.update(changed, deleted, cancelToken);
        if (deleted.length > 0) {
            await this.afterDeletion?.();
        }
    }

    protected override shouldValidate(document: LangiumDocument): boolean {
        return super.shouldValidate(document)
            && (this.explicit.has(document.uri.toString()) || (this.validationFilter?.(document) ?? true));
    }

    /** Drops documents that will not be needed again (a validated CLI batch), freeing their memory. */
    forget(uris: readonly URI[]): void {
        for (const uri of uris) {
            this.langiumDocuments.deleteDocument(uri);
            this.indexManager.remove(uri);
            this.buildState.delete(uri.toString());
            this.explicit.delete(uri.toString());
        }
    }
}
