/**
 * "OSA: Open Compliance Report": the report of the active `.osa` file (or of the workspace when no OSA file
 * is active) in a webview beside the editor. The language server computes it (`osa/complianceReport`), so the
 * page shows the unsaved text's findings; it is recomputed 500 ms after the last edit of an OSA document.
 * Evidence links reveal their location in an editor.
 */
import { randomBytes } from 'node:crypto';
import * as path from 'node:path';
import * as vscode from 'vscode';
import { State, type LanguageClient } from 'vscode-languageclient/node';
import type { ComplianceReport } from '@osa-policy/language';
import { escapeHtml } from '@osa-policy/language/neutralise';
import { renderReportPage, type EvidenceLocation } from './report-view.js';

/** The server's request (packages/language/src/lsp/compliance-report.ts). */
const COMPLIANCE_REPORT_REQUEST = 'osa/complianceReport';
const DEBOUNCE_MS = 500;

export class ComplianceReportPanel {
    private static current: ComplianceReportPanel | undefined;

    private locations: EvidenceLocation[] = [];
    /** The report shown, to leave the page (its scroll position, a link being clicked) alone when nothing changed. */
    private shown: string | undefined;
    private timer: NodeJS.Timeout | undefined;
    /** Only the answer to the latest request is shown: an older one may arrive later. */
    private generation = 0;
    private readonly disposables: vscode.Disposable[] = [];

    /** Opens the panel for `uri` (a file) or the workspace, or shows the open one with that scope. */
    static async open(client: () => LanguageClient | undefined, uri: vscode.Uri | undefined): Promise<ComplianceReportPanel> {
        const existing = ComplianceReportPanel.current;
        if (existing) {
            existing.uri = uri;
            existing.panel.reveal(vscode.ViewColumn.Beside, true);
            await existing.refresh();
            return existing;
        }
        const panel = vscode.window.createWebviewPanel('osa.complianceReport', vscode.l10n.t('OSA Compliance Report'),
            { viewColumn: vscode.ViewColumn.Beside, preserveFocus: true },
            // No local resources: the page is self-contained; scripts only run by nonce (see report-view.ts).
            { enableScripts: true, localResourceRoots: [], enableFindWidget: true });
        const view = new ComplianceReportPanel(panel, client, uri);
        ComplianceReportPanel.current = view;
        await view.refresh();
        return view;
    }

    private constructor(private readonly panel: vscode.WebviewPanel, private readonly client: () => LanguageClient | undefined, private uri: vscode.Uri | undefined) {
        panel.onDidDispose(() => this.dispose(), undefined, this.disposables);
        panel.webview.onDidReceiveMessage(message => this.reveal(message), undefined, this.disposables);
        vscode.workspace.onDidChangeTextDocument(event => {
            if (event.document.languageId === 'osa' && event.contentChanges.length > 0) {
                this.schedule();
            }
        }, undefined, this.disposables);
        vscode.workspace.onDidSaveTextDocument(document => document.languageId === 'osa' && this.schedule(), undefined, this.disposables);
    }

    private schedule(): void {
        clearTimeout(this.timer);
        this.timer = setTimeout(() => void this.refresh(), DEBOUNCE_MS);
    }

    async refresh(): Promise<void> {
        const generation = ++this.generation;
        const scope = this.uri ? path.basename(this.uri.fsPath) : vscode.l10n.t('workspace');
        this.panel.title = vscode.l10n.t('OSA Report: {0}', scope);
        const running = this.client();
        if (!running || running.state !== State.Running) {
            this.shown = undefined;
            this.panel.webview.html = message(vscode.l10n.t('The OSA language server is not running: run "OSA: Restart Language Server".'));
            return;
        }
        let report: ComplianceReport;
        try {
            report = await running.sendRequest<ComplianceReport>(COMPLIANCE_REPORT_REQUEST, this.uri ? { uri: this.uri.toString() } : {});
        } catch (error) {
            if (generation === this.generation) {
                this.shown = undefined;
                this.panel.webview.html = message(vscode.l10n.t('The report could not be computed: {0}', error instanceof Error ? error.message : String(error)));
            }
            return;
        }
        const key = JSON.stringify([scope, report]);
        if (generation !== this.generation || key === this.shown) {
            return;
        }
        this.shown = key;
        const page = renderReportPage(report, {
            cspSource: this.panel.webview.cspSource,
            nonce: randomBytes(16).toString('base64'),
            scope,
            displayPath: file => vscode.workspace.asRelativePath(file, false),
            t: (text, ...args) => vscode.l10n.t(text, ...args),
            lang: vscode.env.language
        });
        this.locations = page.locations;
        this.panel.webview.html = page.html;
    }

    /** A click on an evidence link: the page sends the link's index, never a path. */
    private async reveal(message: unknown): Promise<void> {
        const index = (message as { type?: unknown; index?: unknown } | undefined)?.index;
        if ((message as { type?: unknown }).type !== 'reveal' || !Number.isInteger(index)) {
            return;
        }
        const location = this.locations[index as number];
        if (!location) {
            return;
        }
        const at = new vscode.Position(Math.max(0, location.line - 1), Math.max(0, location.column - 1));
        const column = vscode.window.visibleTextEditors.find(e => e.viewColumn !== this.panel.viewColumn)?.viewColumn ?? vscode.ViewColumn.One;
        await vscode.window.showTextDocument(vscode.Uri.file(location.path), { viewColumn: column, selection: new vscode.Range(at, at) });
    }

    private dispose(): void {
        clearTimeout(this.timer);
        ComplianceReportPanel.current = undefined;
        this.disposables.splice(0).forEach(d => d.dispose());
    }
}

/** A page with one message and no script. */
function message(text: string): string {
    return `<!DOCTYPE html><html lang="${escapeHtml(vscode.env.language)}"><head><meta charset="utf-8"><meta http-equiv="Content-Security-Policy" content="default-src 'none'"></head><body><p>${escapeHtml(text)}</p></body></html>`;
}
