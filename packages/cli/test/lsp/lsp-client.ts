/**
 * A real LSP client for tests: spawns the built `osa lsp --stdio`, speaks JSON-RPC over its pipes,
 * answers the server's requests (workspace/configuration, client/registerCapability) and keeps the
 * text of open documents so that edits from code actions and formatting can be applied.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import {
    ConfigurationRequest, createProtocolConnection, DidChangeConfigurationNotification, DidChangeTextDocumentNotification, DidOpenTextDocumentNotification,
    ExitNotification, InitializedNotification, InitializeRequest, PublishDiagnosticsNotification, RegistrationRequest,
    ShowMessageNotification, ShutdownRequest, StreamMessageReader, StreamMessageWriter,
    type Diagnostic, type InitializeResult, type ProtocolConnection, type PublishDiagnosticsParams, type ShowMessageParams, type TextEdit, type WorkspaceEdit
} from 'vscode-languageserver-protocol/node';

export const REPO = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../../../..');
export const OSA = path.join(REPO, 'packages/cli/bin/osa.js');

export function uriOf(file: string): string {
    return pathToFileURL(file).toString();
}

/** Applies LSP text edits to a text (edits may come in any order; they must not overlap). */
export function applyTextEdits(text: string, edits: readonly TextEdit[]): string {
    const lineStarts = [0];
    for (let i = 0; i < text.length; i++) {
        if (text[i] === '\n') {
            lineStarts.push(i + 1);
        }
    }
    const offset = (p: { line: number; character: number }) => Math.min(text.length, (lineStarts[p.line] ?? text.length) + p.character);
    const sorted = [...edits].sort((a, b) => offset(b.range.start) - offset(a.range.start));
    let result = text;
    for (const edit of sorted) {
        result = result.slice(0, offset(edit.range.start)) + edit.newText + result.slice(offset(edit.range.end));
    }
    return result;
}

export interface ClientOptions {
    /** The `osa` settings section the client answers with (e.g. { validation: { scope: 'workspace' } }). */
    settings?: Record<string, unknown>;
    /** Extra environment for the server process. */
    env?: Record<string, string>;
    /** Sent in `initialize` (e.g. { trusted: true }, as the VS Code extension does for a trusted workspace). */
    initializationOptions?: unknown;
    /** The editor's display language, sent as the `initialize` request's `locale` (VS Code sends e.g. `ja`). */
    locale?: string;
}

export class LspTestClient {
    readonly texts = new Map<string, { text: string; version: number }>();
    private readonly latest = new Map<string, PublishDiagnosticsParams>();
    private readonly waiters: { uri: string; predicate: (d: Diagnostic[]) => boolean; resolve: (d: Diagnostic[]) => void }[] = [];
    /** Notifications and requests the server sent, for assertions. */
    readonly serverRequests: string[] = [];
    /** The `window/showMessage` notifications the server sent, in order. */
    readonly messages: ShowMessageParams[] = [];
    /** The `osa` settings the client answers `workspace/configuration` with (see changeSettings). */
    settings: Record<string, unknown> = {};

    private constructor(readonly process: ChildProcess, readonly connection: ProtocolConnection, readonly initializeResult: InitializeResult) { }

    static async start(workspaceFolder: string, options: ClientOptions = {}): Promise<LspTestClient> {
        const child = spawn(process.execPath, [OSA, 'lsp', '--stdio'], { stdio: ['pipe', 'pipe', 'pipe'], env: { ...process.env, ...options.env } });
        let stderr = '';
        child.stderr!.on('data', chunk => { stderr += chunk; });
        const connection = createProtocolConnection(new StreamMessageReader(child.stdout!), new StreamMessageWriter(child.stdin!));
        const pending: LspTestClient[] = [];
        connection.onRequest(ConfigurationRequest.type, params => {
            pending[0]?.serverRequests.push('workspace/configuration');
            return params.items.map(item => item.section === 'osa' ? (pending[0]?.settings ?? options.settings ?? {}) : {});
        });
        connection.onRequest(RegistrationRequest.type, () => {
            pending[0]?.serverRequests.push('client/registerCapability');
        });
        connection.onNotification(PublishDiagnosticsNotification.type, params => pending[0]?.onDiagnostics(params));
        connection.onNotification(ShowMessageNotification.type, params => pending[0]?.messages.push(params));
        connection.onClose(() => undefined);
        connection.listen();
        const folderUri = uriOf(workspaceFolder);
        const result = await connection.sendRequest(InitializeRequest.type, {
            processId: process.pid,
            rootUri: folderUri,
            workspaceFolders: [{ uri: folderUri, name: path.basename(workspaceFolder) }],
            initializationOptions: options.initializationOptions,
            ...(options.locale ? { locale: options.locale } : {}),
            capabilities: {
                workspace: { configuration: true, didChangeConfiguration: { dynamicRegistration: true }, workspaceEdit: { documentChanges: true } },
                textDocument: {
                    publishDiagnostics: { relatedInformation: true, codeDescriptionSupport: true, dataSupport: true },
                    codeAction: { codeActionLiteralSupport: { codeActionKind: { valueSet: ['quickfix', 'source', 'refactor'] } }, dataSupport: true },
                    completion: { completionItem: { snippetSupport: true } },
                    hover: { contentFormat: ['markdown', 'plaintext'] }
                }
            }
        }).catch(error => {
            throw new Error(`initialize failed: ${error}\n${stderr}`);
        });
        const client = new LspTestClient(child, connection, result);
        client.settings = options.settings ?? {};
        pending.push(client);
        await connection.sendNotification(InitializedNotification.type, {});
        return client;
    }

    private onDiagnostics(params: PublishDiagnosticsParams): void {
        this.latest.set(params.uri, params);
        for (const waiter of [...this.waiters]) {
            if (waiter.uri === params.uri && waiter.predicate(params.diagnostics)) {
                this.waiters.splice(this.waiters.indexOf(waiter), 1);
                waiter.resolve(params.diagnostics);
            }
        }
    }

    /** The next (or latest, if it already matches) diagnostics published for a file that satisfy `predicate`. */
    diagnostics(file: string, predicate: (d: Diagnostic[]) => boolean = () => true, timeoutMs = 20_000): Promise<Diagnostic[]> {
        const uri = file.startsWith('file:') ? file : uriOf(file);
        const latest = this.latest.get(uri);
        if (latest && predicate(latest.diagnostics)) {
            return Promise.resolve(latest.diagnostics);
        }
        return new Promise((resolve, reject) => {
            const timer = setTimeout(() => reject(new Error(`no matching diagnostics for ${uri} within ${timeoutMs} ms; latest: ${JSON.stringify(this.latest.get(uri)?.diagnostics.map(d => [d.code, d.message.slice(0, 160)]))}`)), timeoutMs);
            this.waiters.push({ uri, predicate, resolve: d => { clearTimeout(timer); resolve(d); } });
        });
    }

    /** Changes the `osa` settings as an editor does: answers with them from now on and notifies the server. */
    async changeSettings(settings: Record<string, unknown>): Promise<void> {
        this.settings = settings;
        await this.connection.sendNotification(DidChangeConfigurationNotification.type, { settings: { osa: settings } });
    }

    /** The diagnostics last published for a file, if any were. */
    published(file: string): Diagnostic[] | undefined {
        return this.latest.get(file.startsWith('file:') ? file : uriOf(file))?.diagnostics;
    }

    /** Forgets published diagnostics, so that the next wait sees only new publications. */
    forgetDiagnostics(file: string): void {
        this.latest.delete(file.startsWith('file:') ? file : uriOf(file));
    }

    async open(file: string, text = fs.readFileSync(file, 'utf-8')): Promise<string> {
        const uri = uriOf(file);
        this.texts.set(uri, { text, version: 1 });
        await this.connection.sendNotification(DidOpenTextDocumentNotification.type, { textDocument: { uri, languageId: 'osa', version: 1, text } });
        return uri;
    }

    /** Replaces the whole text of an open document. */
    async change(file: string, text: string): Promise<void> {
        const uri = file.startsWith('file:') ? file : uriOf(file);
        const version = (this.texts.get(uri)?.version ?? 1) + 1;
        this.texts.set(uri, { text, version });
        await this.connection.sendNotification(DidChangeTextDocumentNotification.type, { textDocument: { uri, version }, contentChanges: [{ text }] });
    }

    text(file: string): string {
        return this.texts.get(file.startsWith('file:') ? file : uriOf(file))!.text;
    }

    /** Applies a WorkspaceEdit to the open documents (sending didChange), as an editor would. */
    async applyEdit(edit: WorkspaceEdit): Promise<void> {
        const byUri = new Map<string, TextEdit[]>();
        for (const [uri, edits] of Object.entries(edit.changes ?? {})) {
            byUri.set(uri, [...(byUri.get(uri) ?? []), ...edits]);
        }
        for (const change of edit.documentChanges ?? []) {
            if ('textDocument' in change) {
                byUri.set(change.textDocument.uri, [...(byUri.get(change.textDocument.uri) ?? []), ...(change.edits as TextEdit[])]);
            }
        }
        for (const [uri, edits] of byUri) {
            await this.change(uri, applyTextEdits(this.text(uri), edits));
        }
    }

    request<R>(method: string, params: unknown): Promise<R> {
        return this.connection.sendRequest(method, params) as Promise<R>;
    }

    async shutdown(): Promise<number | null> {
        const exited = new Promise<number | null>(resolve => this.process.once('exit', code => resolve(code)));
        await this.connection.sendRequest(ShutdownRequest.type);
        await this.connection.sendNotification(ExitNotification.type).catch(() => undefined);
        const code = await Promise.race([exited, new Promise<'timeout'>(r => setTimeout(() => r('timeout'), 5000))]);
        this.connection.dispose();
        if (code === 'timeout') {
            this.process.kill();
            throw new Error('the server did not exit after shutdown/exit');
        }
        return code;
    }
}
