/**
 * Services tuned for how OSA resolves names: every reference (`uses`, `funded-by`, `continues`) points at a
 * top-level declaration, so the global index resolves all of them and no local scopes are needed.
 * The CLI also needs no index of references (that serves find-references in the editor).
 */
import {
    Cancellation, DefaultDocumentBuilder, GrammarAST, DefaultIndexManager, DefaultLinker, DefaultReferenceDescriptionProvider, interruptAndCheck, DocumentState, DefaultScopeComputation, DefaultScopeProvider, MultiMap, MultiMapScope,
    WorkspaceCache, type AstNode, type AstReflection, type BuildOptions, type LangiumCoreServices, type LangiumDocument, type LocalSymbols,
    type AstNodeDescription, type LinkingError, type ReferenceDescription, type ReferenceInfo, type Scope, type URI
} from 'langium';
import { Localizer } from '../i18n/localize.js';
import { msg } from '../i18n/message.js';
import { forEachReference } from '../model/ast-walk.js';
import type { CancellationToken } from 'vscode-languageserver-protocol';

export class OsaScopeComputation extends DefaultScopeComputation {
    override async collectLocalSymbols(_document: LangiumDocument, _cancelToken?: CancellationToken): Promise<LocalSymbols> {
        return new MultiMap();
    }
}

/**
 * Two declarations of one name (a template or envelope declared twice) are an error (OSA603), but until it is
 * fixed a reference must resolve the same way in the CLI and the editor, whatever order files were loaded in:
 * the declaration in the file whose URI sorts first (by code unit, not locale), then the first in that file.
 */
export class OsaScopeProvider extends DefaultScopeProvider {
    /**
     * Langium drops its global scopes when an update starts. A request answered between that moment and the
     * indexing of the changed files (the build yields between documents) would fill the cache from the old
     * index, and the files linked later in the same build would keep a stale link (seen after a rename across
     * files). This cache is dropped once every document of the build is indexed, just before linking.
     */
    private readonly indexedScopes: WorkspaceCache<string, Scope>;

    constructor(services: LangiumCoreServices) {
        super(services);
        this.indexedScopes = new WorkspaceCache(services.shared, DocumentState.IndexedContent);
    }

    protected override getGlobalScope(referenceType: string, _context: ReferenceInfo): Scope {
        return this.indexedScopes.get(referenceType, () => {
            const elements = this.indexManager.allElements(referenceType).toArray();
            const order = (uri: URI) => uri.toString();
            const sorted = elements
                .map((element, position) => ({ element, position, uri: order(element.documentUri) }))
                .sort((a, b) => (a.uri < b.uri ? -1 : a.uri > b.uri ? 1 : a.position - b.position))
                .map(e => e.element);
            return new MultiMapScope(sorted);
        });
    }
}

/** The catalogue id of the linker's "cannot resolve" message (the document validator puts it in the diagnostic's data). */
export const UNRESOLVED_REFERENCE = 'link.unresolved';

/** Langium's linker, walking the tree without a stream per node (see model/ast-walk.ts); its errors in the locale in force. */
export class OsaLinker extends DefaultLinker {
    private readonly grammar: GrammarAST.Grammar;

    constructor(services: LangiumCoreServices, private readonly localizer: Localizer = new Localizer()) {
        super(services);
        this.grammar = services.Grammar;
    }

    override createLinkingError(refInfo: ReferenceInfo, targetDescription?: AstNodeDescription): LinkingError {
        const error = super.createLinkingError(refInfo, targetDescription);
        const message = msg(UNRESOLVED_REFERENCE, { type: this.reflection.getReferenceType(refInfo), name: refInfo.reference.$refText });
        return { ...error, message: this.localizer.text(message) };
    }

    override async link(document: LangiumDocument, cancelToken = Cancellation.CancellationToken.None): Promise<void> {
        await interruptAndCheck(cancelToken);
        forEachReference(document.parseResult.value, this.grammar, this.reflection, reference => this.doLink(reference, document));
    }
}

/** The index of references (find references, rename), collected without a stream per node. */
export class OsaReferenceDescriptionProvider extends DefaultReferenceDescriptionProvider {
    private readonly reflection: AstReflection;
    private readonly grammar: GrammarAST.Grammar;

    constructor(services: LangiumCoreServices) {
        super(services);
        this.reflection = services.shared.AstReflection;
        this.grammar = services.Grammar;
    }

    override async createDescriptions(document: LangiumDocument, cancelToken = Cancellation.CancellationToken.None): Promise<ReferenceDescription[]> {
        await interruptAndCheck(cancelToken);
        const descriptions: ReferenceDescription[] = [];
        forEachReference(document.parseResult.value, this.grammar, this.reflection, reference => {
            if (!reference.reference.error) {
                descriptions.push(...this.createInfoDescriptions(reference));
            }
        });
        return descriptions;
    }
}

export class OsaIndexManager extends DefaultIndexManager {
    /** The names a document exported when it was last indexed. */
    exportedNames(uri: URI): string[] {
        return (this.symbolIndex.get(uri.toString()) ?? []).map(d => d.name);
    }

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
    /** Documents passed to build() explicitly with validation asked for: always validated when the options ask for it. */
    private readonly explicit = new Set<string>();

    override async build<T extends AstNode>(documents: Array<LangiumDocument<T>>, options?: BuildOptions, cancelToken?: CancellationToken): Promise<void> {
        // Not the workspace manager's initial build of every file (no validation): the next edit would then
        // validate every closed file of the workspace and the editor would list their findings, not the open files'.
        if (options?.validation) {
            documents.forEach(d => this.explicit.add(d.uri.toString()));
        }
        await super.build(documents, options, cancelToken);
    }

    /**
     * A build cancelled after a document was relinked but before its references were indexed leaves nothing
     * for the next update to find it by: relink such a document again, or it keeps a stale link (seen when a
     * template file is opened and edited in quick succession).
     */
    protected override shouldRelink(document: LangiumDocument, changedUris: Set<string>): boolean {
        return super.shouldRelink(document, changedUris)
            || (document.state >= DocumentState.Linked && document.state < DocumentState.IndexedReferences)
            // A changed file may now declare (or no longer declare) a name this one refers to, resolved elsewhere
            // until now: relink, so that the first declaration by file path wins in the editor as in the CLI.
            || (this.namesInFlux.size > 0 && document.references.some(reference => this.namesInFlux.has(reference.$refText)));
    }

    /** The programme, template and envelope names the documents exported, and those their current text declares. */
    private declaredNames(uris: readonly URI[]): Set<string> {
        const names = new Set<string>();
        const index = this.indexManager as OsaIndexManager;
        for (const uri of uris) {
            index.exportedNames?.(uri).forEach(name => names.add(name));
            const text = this.textDocuments?.get(uri.toString())?.getText()
                ?? (this.langiumDocuments.hasDocument(uri) ? this.langiumDocuments.getDocument(uri)!.textDocument.getText() : '');
            // Programmes too: `continues` refers to them across files.
            for (const match of text.matchAll(/(?:agreement-template|budget-envelope|programme)\s+([_a-zA-Z][\w-]*)/g)) {
                names.add(match[1]);
            }
        }
        return names;
    }

    /** Names declared, before or after this update, by the documents it changes: see shouldRelink. */
    private namesInFlux = new Set<string>();

    override async update(changed: URI[], deleted: URI[], cancelToken?: CancellationToken): Promise<void> {
        this.namesInFlux = this.declaredNames([...changed, ...deleted]);
        try {
            await super.update(changed, deleted, cancelToken);
        } finally {
            this.namesInFlux = new Set();
        }
        if (deleted.length > 0) {
            await this.afterDeletion?.();
        }
    }

    /**
     * Langium checks for cancellation before each listener of a document phase. A newer edit arriving just
     * after a document was validated would then skip the listener that publishes its diagnostics, although
     * the document counts as built and no later update revalidates it: the Problems panel kept the findings
     * of the text before the edit (seen after a rename across files). Listeners of the Validated phase only
     * report what is already computed, so they always run.
     */
    protected override async notifyDocumentPhase(document: LangiumDocument, state: DocumentState, cancelToken: CancellationToken): Promise<void> {
        await super.notifyDocumentPhase(document, state, state === DocumentState.Validated ? Cancellation.CancellationToken.None : cancelToken);
    }

    /**
     * Langium asks this of every loaded document at every update, looking up the document's language by URI and
     * collecting validation categories in streams. The same answer from the build state directly (the categories
     * requested that the last completed build did not run; one that recorded none ran them all), without 1,000
     * look-ups and lists per keystroke in a 1,000-file workspace.
     */
    protected override resultsAreIncomplete(document: LangiumDocument, options: BuildOptions): boolean {
        const state = this.buildState.get(document.uri.toString());
        const languages = this.serviceRegistry.all;
        if (!state?.completed || languages.length !== 1) {
            return super.resultsAreIncomplete(document, options);
        }
        const known = languages[0].validation.ValidationRegistry.getAllValidationCategories(document);
        const validation = options?.validation;
        const requested = options === undefined || validation === true ? known
            : typeof validation === 'object' ? (validation.categories ?? known) : [];
        const executed = state.result?.validationChecks;
        if (!executed) {
            return [...requested].some(category => !known.has(category));
        }
        return [...requested].some(category => !executed.includes(category));
    }

    /**
     * Langium's update rebuilds every document below Validated: in the editor, every closed file (built without
     * validation at start-up) at every keystroke, though no phase has anything left to do for it: it is linked and
     * indexed, and this update would not validate it. Leaving those out changes nothing but the time an edit takes
     * in a large workspace (each costs URI look-ups and build-state bookkeeping).
     */
    protected override sortDocuments(documents: LangiumDocument[]): LangiumDocument[] {
        return super.sortDocuments(documents.filter(document => !this.nothingToDo(document)));
    }

    private nothingToDo(document: LangiumDocument): boolean {
        return document.state === DocumentState.IndexedReferences
            && this.buildState.get(document.uri.toString())?.completed === true
            && !(this.updateBuildOptions.validation
                && (this.explicit.has(document.uri.toString()) || (this.validationFilter?.(document) ?? true)));
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
