/**
 * A thin LSP client: Monaco on one side, the OSA server in a Web Worker on the other, joined by
 * vscode-languageserver-protocol's browser connection. It does what the playground shows and no more:
 * document sync for every workspace file, diagnostics to markers and the Problems list, hover,
 * completion, code actions (their workspace edits applied), formatting, document symbols and
 * semantic tokens. Why not monaco-languageclient: see README.md.
 */
import type { ReportDocument } from '@osa-policy/language/browser';
import * as monaco from 'monaco-editor/editor/editor.api.js';
import {
    BrowserMessageReader, BrowserMessageWriter, createProtocolConnection,
    type CodeAction, type Command, type CompletionItem, type CompletionList, type Diagnostic, type DocumentSymbol,
    type Hover, type InitializeResult, type MarkupContent, type MarkedString, type ProtocolConnection,
    type PublishDiagnosticsParams, type SemanticTokens, type TextEdit, type WorkspaceEdit
} from 'vscode-languageserver-protocol/browser';

export const LANGUAGE_ID = 'osa';
export const WORKSPACE_URI = 'file:///workspace';

type LspRange = Diagnostic['range'];

export function toMonacoRange(range: LspRange): monaco.IRange {
    return { startLineNumber: range.start.line + 1, startColumn: range.start.character + 1, endLineNumber: range.end.line + 1, endColumn: range.end.character + 1 };
}

function toLspPosition(position: monaco.IPosition) {
    return { line: position.lineNumber - 1, character: position.column - 1 };
}

function toLspRange(range: monaco.IRange): LspRange {
    return { start: { line: range.startLineNumber - 1, character: range.startColumn - 1 }, end: { line: range.endLineNumber - 1, character: range.endColumn - 1 } };
}

function overlaps(a: LspRange, b: LspRange): boolean {
    const before = (p: LspRange['start'], q: LspRange['start']) => p.line < q.line || (p.line === q.line && p.character < q.character);
    return !before(a.end, b.start) && !before(b.end, a.start);
}

const SEVERITY: Record<number, monaco.MarkerSeverity> = {
    1: monaco.MarkerSeverity.Error, 2: monaco.MarkerSeverity.Warning, 3: monaco.MarkerSeverity.Info, 4: monaco.MarkerSeverity.Hint
};

/** Markdown from the server is shown as text that Monaco renders without HTML and without command links. */
function markdown(content: MarkupContent | MarkedString | MarkedString[]): monaco.IMarkdownString[] {
    const items = Array.isArray(content) ? content : [content];
    return items.map(item => {
        const value = typeof item === 'string' ? item : 'kind' in item ? item.value : `\`\`\`${item.language}\n${item.value}\n\`\`\``;
        return { value, isTrusted: false, supportHtml: false };
    });
}

export interface DiagnosticsListener {
    (uri: string, diagnostics: readonly Diagnostic[]): void;
}

export class OsaLanguageClient {
    private readonly connection: ProtocolConnection;
    private readonly diagnostics = new Map<string, Diagnostic[]>();
    private readonly versions = new Map<string, number>();
    private capabilities: InitializeResult['capabilities'] = {};
    private readonly listeners: DiagnosticsListener[] = [];
    /** The change listener of each open document. */
    private readonly listening = new Map<string, monaco.IDisposable>();

    constructor(worker: Worker) {
        this.connection = createProtocolConnection(new BrowserMessageReader(worker), new BrowserMessageWriter(worker));
    }

    onDiagnostics(listener: DiagnosticsListener): void {
        this.listeners.push(listener);
    }

    diagnosticsOf(uri: string): readonly Diagnostic[] {
        return this.diagnostics.get(uri) ?? [];
    }

    async start(): Promise<void> {
        const connection = this.connection;
        connection.onNotification('textDocument/publishDiagnostics', (params: PublishDiagnosticsParams) => this.publish(params));
        // Requests a server may send to its client: answered with "nothing to configure".
        connection.onRequest('workspace/configuration', (params: { items: unknown[] }) => params.items.map(() => null));
        connection.onRequest('client/registerCapability', () => null);
        connection.onRequest('client/unregisterCapability', () => null);
        connection.onRequest('window/workDoneProgress/create', () => null);
        connection.onRequest('workspace/semanticTokens/refresh', () => null);
        connection.onRequest('workspace/applyEdit', (params: { edit: WorkspaceEdit }) => {
            this.applyWorkspaceEdit(params.edit);
            return { applied: true };
        });
        connection.onNotification('window/showMessage', (params: { message: string }) => console.info(`osa: ${params.message}`));
        connection.onNotification('window/logMessage', () => undefined);
        connection.listen();
        const result = await connection.sendRequest('initialize', {
            processId: null,
            rootUri: WORKSPACE_URI,
            workspaceFolders: [{ uri: WORKSPACE_URI, name: 'workspace' }],
            initializationOptions: { trusted: false },
            capabilities: {
                textDocument: {
                    synchronization: { dynamicRegistration: false },
                    publishDiagnostics: { relatedInformation: true, codeDescriptionSupport: true },
                    hover: { contentFormat: ['markdown', 'plaintext'] },
                    completion: { completionItem: { snippetSupport: true, documentationFormat: ['markdown', 'plaintext'] } },
                    codeAction: { codeActionLiteralSupport: { codeActionKind: { valueSet: ['', 'quickfix', 'refactor', 'source'] } }, isPreferredSupport: true },
                    formatting: { dynamicRegistration: false },
                    documentSymbol: { hierarchicalDocumentSymbolSupport: true },
                    semanticTokens: { requests: { full: true }, tokenTypes: [], tokenModifiers: [], formats: ['relative'] }
                },
                workspace: { configuration: true, workspaceFolders: true, didChangeWatchedFiles: { dynamicRegistration: false }, applyEdit: true },
                window: { workDoneProgress: false }
            }
        }) as InitializeResult;
        this.capabilities = result.capabilities;
        await connection.sendNotification('initialized', {});
        this.registerProviders();
    }

    // --- documents ---

    open(model: monaco.editor.ITextModel): void {
        const uri = model.uri.toString();
        this.versions.set(uri, model.getVersionId());
        void this.connection.sendNotification('textDocument/didOpen', { textDocument: { uri, languageId: LANGUAGE_ID, version: model.getVersionId(), text: model.getValue() } });
        this.listening.get(uri)?.dispose();
        this.listening.set(uri, model.onDidChangeContent(() => {
            this.versions.set(uri, model.getVersionId());
            void this.connection.sendNotification('textDocument/didChange', { textDocument: { uri, version: model.getVersionId() }, contentChanges: [{ text: model.getValue() }] });
        }));
    }

    /** Closes a document and removes its file from the workspace (the server would otherwise keep it, as it keeps closed files on disk). */
    close(uri: string): void {
        void this.connection.sendNotification('textDocument/didClose', { textDocument: { uri } });
        void this.connection.sendNotification('workspace/didChangeWatchedFiles', { changes: [{ uri, type: 3 }] });
        this.listening.get(uri)?.dispose();
        this.listening.delete(uri);
        this.diagnostics.delete(uri);
        this.versions.delete(uri);
    }

    /** A file that is not an `.osa` document (osa.config.json): written to the server's memory, then announced as changed. */
    async writeFile(uri: string, text: string | null, created = false): Promise<void> {
        await this.connection.sendNotification('osa/writeFile', { uri, text });
        await this.connection.sendNotification('workspace/didChangeWatchedFiles', { changes: [{ uri, type: text === null ? 3 : created ? 1 : 2 }] });
    }

    /** The compliance report of the whole workspace (`osa report --format json`'s model), computed by the server. */
    async complianceReport(): Promise<ReportDocument> {
        // The method name is written out: importing it would pull the server into the page's bundle.
        return await this.connection.sendRequest('osa/complianceReport', {}) as ReportDocument;
    }

    /** The document's symbols (hierarchical), for the outline panel; undefined when an edit overtook the request (the next check asks again). */
    async documentSymbols(uri: string): Promise<DocumentSymbol[] | undefined> {
        try {
            const symbols = await this.connection.sendRequest('textDocument/documentSymbol', { textDocument: { uri } }) as DocumentSymbol[] | null;
            return (Array.isArray(symbols) ? symbols : []).filter(s => 'range' in s);
        } catch (error) {
            const code = (error as { code?: unknown }).code;
            if (code === -32800 || code === -32801) {
                return undefined;
            }
            throw error;
        }
    }

    async setLocale(locale: string): Promise<void> {
        await this.connection.sendNotification('osa/setLocale', { locale });
    }

    private publish(params: PublishDiagnosticsParams): void {
        const model = monaco.editor.getModel(monaco.Uri.parse(params.uri));
        if (!model) {
            return;
        }
        if (params.version !== undefined && params.version !== this.versions.get(params.uri)) {
            return; // diagnostics of an older text; newer ones follow
        }
        this.diagnostics.set(params.uri, params.diagnostics);
        monaco.editor.setModelMarkers(model, 'osa', params.diagnostics.map(d => ({
            ...toMonacoRange(d.range),
            severity: SEVERITY[d.severity ?? 1],
            message: messageText(d),
            source: d.source,
            code: d.code === undefined ? undefined
                : d.codeDescription?.href && isSafeLink(d.codeDescription.href)
                    ? { value: String(d.code), target: monaco.Uri.parse(d.codeDescription.href) }
                    : String(d.code),
            relatedInformation: d.relatedInformation?.map(r => ({ resource: monaco.Uri.parse(r.location.uri), message: r.message, ...toMonacoRange(r.location.range) }))
        })));
        for (const listener of this.listeners) {
            listener(params.uri, params.diagnostics);
        }
    }

    // --- features ---

    private registerProviders(): void {
        const caps = this.capabilities;
        // A request overtaken by an edit is answered "cancelled" or "content modified": the editor asks again.
        const connection = {
            sendRequest: async (method: string, params: unknown): Promise<unknown> => {
                try {
                    return await this.connection.sendRequest(method, params);
                } catch (error) {
                    const code = (error as { code?: unknown }).code;
                    if (code === -32800 || code === -32801) {
                        return null;
                    }
                    throw error;
                }
            }
        };
        const doc = (model: monaco.editor.ITextModel) => ({ uri: model.uri.toString() });
        if (caps.hoverProvider) {
            monaco.languages.registerHoverProvider(LANGUAGE_ID, {
                async provideHover(model, position) {
                    const hover = await connection.sendRequest('textDocument/hover', { textDocument: doc(model), position: toLspPosition(position) }) as Hover | null;
                    return hover ? { contents: markdown(hover.contents), range: hover.range ? toMonacoRange(hover.range) : undefined } : null;
                }
            });
        }
        if (caps.completionProvider) {
            monaco.languages.registerCompletionItemProvider(LANGUAGE_ID, {
                triggerCharacters: caps.completionProvider.triggerCharacters,
                async provideCompletionItems(model, position) {
                    const answer = await connection.sendRequest('textDocument/completion', { textDocument: doc(model), position: toLspPosition(position) }) as CompletionList | CompletionItem[] | null;
                    const items = Array.isArray(answer) ? answer : answer?.items ?? [];
                    const word = model.getWordUntilPosition(position);
                    const fallback: monaco.IRange = { startLineNumber: position.lineNumber, endLineNumber: position.lineNumber, startColumn: word.startColumn, endColumn: word.endColumn };
                    return {
                        incomplete: !Array.isArray(answer) && answer?.isIncomplete === true,
                        suggestions: items.map(item => {
                            const edit = item.textEdit && 'range' in item.textEdit ? item.textEdit : undefined;
                            return {
                                label: item.label,
                                kind: toCompletionKind(item.kind),
                                detail: item.detail,
                                documentation: item.documentation === undefined ? undefined : typeof item.documentation === 'string' ? item.documentation : markdown(item.documentation)[0],
                                insertText: edit?.newText ?? item.insertText ?? item.label,
                                insertTextRules: item.insertTextFormat === 2 ? monaco.languages.CompletionItemInsertTextRule.InsertAsSnippet : undefined,
                                range: edit ? toMonacoRange(edit.range) : fallback,
                                sortText: item.sortText,
                                filterText: item.filterText,
                                preselect: item.preselect
                            };
                        })
                    };
                }
            });
        }
        if (caps.codeActionProvider) {
            const client = this;
            monaco.languages.registerCodeActionProvider(LANGUAGE_ID, {
                async provideCodeActions(model, range, context) {
                    const uri = model.uri.toString();
                    const lspRange = toLspRange(range);
                    const diagnostics = client.diagnosticsOf(uri).filter(d => overlaps(d.range, lspRange));
                    const answer = await connection.sendRequest('textDocument/codeAction', {
                        textDocument: { uri }, range: lspRange, context: { diagnostics, only: context.only ? [context.only] : undefined }
                    }) as (CodeAction | Command)[] | null;
                    const actions = (Array.isArray(answer) ? answer : []).filter((a): a is CodeAction => 'edit' in a && a.edit !== undefined).map(action => ({
                        title: action.title,
                        kind: action.kind,
                        isPreferred: action.isPreferred,
                        diagnostics: context.markers.filter(m => action.diagnostics?.some(d => d.message === m.message)),
                        edit: { edits: workspaceTextEdits(action.edit!) }
                    }));
                    return { actions, dispose: () => undefined };
                }
            });
        }
        if (caps.documentFormattingProvider) {
            monaco.languages.registerDocumentFormattingEditProvider(LANGUAGE_ID, {
                async provideDocumentFormattingEdits(model, options) {
                    const edits = await connection.sendRequest('textDocument/formatting', { textDocument: doc(model), options: { tabSize: options.tabSize, insertSpaces: options.insertSpaces } }) as TextEdit[] | null;
                    return (Array.isArray(edits) ? edits : []).map(e => ({ range: toMonacoRange(e.range), text: e.newText }));
                }
            });
        }
        if (caps.documentSymbolProvider) {
            monaco.languages.registerDocumentSymbolProvider(LANGUAGE_ID, {
                async provideDocumentSymbols(model) {
                    const symbols = await connection.sendRequest('textDocument/documentSymbol', { textDocument: doc(model) }) as DocumentSymbol[] | null;
                    return (Array.isArray(symbols) ? symbols : []).filter(s => 'range' in s).map(toMonacoSymbol);
                }
            });
        }
        const legend = caps.semanticTokensProvider?.legend;
        if (legend) {
            monaco.languages.registerDocumentSemanticTokensProvider(LANGUAGE_ID, {
                getLegend: () => legend,
                async provideDocumentSemanticTokens(model) {
                    const tokens = await connection.sendRequest('textDocument/semanticTokens/full', { textDocument: doc(model) }) as SemanticTokens | null;
                    return tokens ? { data: new Uint32Array(tokens.data), resultId: tokens.resultId } : null;
                },
                releaseDocumentSemanticTokens: () => undefined
            });
        }
    }

    private applyWorkspaceEdit(edit: WorkspaceEdit): void {
        for (const item of workspaceTextEdits(edit)) {
            const model = monaco.editor.getModel(item.resource);
            model?.pushEditOperations([], [{ range: item.textEdit.range, text: item.textEdit.text }], () => null);
        }
    }
}

/** A diagnostic's message as plain text (LSP 3.18 allows markup; it is shown as its source text). */
export function messageText(d: Diagnostic): string {
    return typeof d.message === 'string' ? d.message : d.message.value;
}

/** Rule links go to the project's documentation; anything else is not made a link. */
export function isSafeLink(href: string): boolean {
    try {
        const url = new URL(href);
        return url.protocol === 'https:';
    } catch {
        return false;
    }
}

function workspaceTextEdits(edit: WorkspaceEdit): monaco.languages.IWorkspaceTextEdit[] {
    const out: monaco.languages.IWorkspaceTextEdit[] = [];
    for (const [uri, edits] of Object.entries(edit.changes ?? {})) {
        for (const e of edits) {
            out.push({ resource: monaco.Uri.parse(uri), textEdit: { range: toMonacoRange(e.range), text: e.newText }, versionId: undefined });
        }
    }
    for (const change of edit.documentChanges ?? []) {
        if ('textDocument' in change) {
            for (const e of change.edits) {
                const text = 'newText' in e ? e.newText : e.snippet.value;
                out.push({ resource: monaco.Uri.parse(change.textDocument.uri), textEdit: { range: toMonacoRange(e.range), text }, versionId: undefined });
            }
        }
    }
    return out;
}

function toMonacoSymbol(symbol: DocumentSymbol): monaco.languages.DocumentSymbol {
    return {
        name: symbol.name, detail: symbol.detail ?? '', kind: (symbol.kind - 1) as monaco.languages.SymbolKind, tags: [],
        range: toMonacoRange(symbol.range), selectionRange: toMonacoRange(symbol.selectionRange),
        children: symbol.children?.map(toMonacoSymbol)
    };
}

function toCompletionKind(kind: number | undefined): monaco.languages.CompletionItemKind {
    const K = monaco.languages.CompletionItemKind;
    const map: Record<number, monaco.languages.CompletionItemKind> = {
        1: K.Text, 2: K.Method, 3: K.Function, 4: K.Constructor, 5: K.Field, 6: K.Variable, 7: K.Class, 8: K.Interface, 9: K.Module,
        10: K.Property, 11: K.Unit, 12: K.Value, 13: K.Enum, 14: K.Keyword, 15: K.Snippet, 16: K.Color, 17: K.File, 18: K.Reference,
        19: K.Folder, 20: K.EnumMember, 21: K.Constant, 22: K.Struct, 23: K.Event, 24: K.Operator, 25: K.TypeParameter
    };
    return map[kind ?? 1] ?? K.Text;
}
