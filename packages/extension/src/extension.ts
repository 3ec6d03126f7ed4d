/**
 * The VS Code client: starts the bundled OSA language server for `.osa` files and adds the commands
 * "OSA: Validate Workspace", "OSA: Show Rule Documentation", "OSA: Restart Language Server" and
 * "OSA: Open Compliance Report" (report-panel.ts).
 *
 * Trust: the extension runs only its own bundled code. The language server reads `.osa` files and
 * osa.config.json as data; nothing from the workspace is executed, imported or evaluated, so the
 * extension is enabled in untrusted workspaces (`capabilities.untrustedWorkspaces`). The server is told
 * whether the workspace is trusted: untrusted, it reads nothing outside the workspace.
 *
 * Languages: what the client says goes through `vscode.l10n.t` (l10n/bundle.l10n.ja.json; English is the source
 * text) and follows VS Code's display language; the contributions are localised by package.nls*.json. The
 * server reads the `osa.locale` setting itself (workspace/configuration), so nothing is passed to it here.
 */
import * as fs from 'node:fs';
import * as path from 'node:path';
import * as vscode from 'vscode';
import { ComplianceReportPanel } from './report-panel.js';
import {
    ExecuteCommandRequest, LanguageClient, State, TransportKind, type LanguageClientOptions, type ServerOptions
} from 'vscode-languageclient/node';

/** The command the server executes (packages/language/src/lsp/commands.ts). */
const SERVER_VALIDATE_WORKSPACE = 'osa.validateWorkspace';
export const COMMANDS = {
    validateWorkspace: 'osa-vscode.validateWorkspace',
    showRuleDocumentation: 'osa-vscode.showRuleDocumentation',
    restartServer: 'osa-vscode.restartServer',
    openComplianceReport: 'osa-vscode.openComplianceReport'
} as const;

interface RuleInfo {
    id: string;
    name: string;
    severity: 'error' | 'warning' | 'info';
    clause: string;
    summary: string;
    docs: string;
    /** The Japanese summary (English where none is written yet) and the Japanese page's address. */
    ja?: { summary: string; docs: string };
}

let client: LanguageClient | undefined;

export async function activate(context: vscode.ExtensionContext): Promise<{ client: LanguageClient | undefined }> {
    const started = Date.now();
    const output = vscode.window.createOutputChannel('OSA', { log: true });
    context.subscriptions.push(output);

    const serverModule = context.asAbsolutePath(path.join('dist', 'language-server.cjs'));
    const serverOptions: ServerOptions = {
        run: { module: serverModule, transport: TransportKind.ipc },
        debug: { module: serverModule, transport: TransportKind.ipc, options: { execArgv: ['--nolazy', '--inspect=6009'] } }
    };
    const configWatcher = vscode.workspace.createFileSystemWatcher('**/osa.config.json');
    context.subscriptions.push(configWatcher);
    const clientOptions: LanguageClientOptions = {
        documentSelector: [{ scheme: 'file', language: 'osa' }],
        synchronize: {
            // The `osa` settings (validation.scope, ...) are sent on start and on every change.
            configurationSection: 'osa',
            // The server reloads configurations when an osa.config.json is created, changed or deleted.
            fileEvents: configWatcher
        },
        outputChannel: output,
        diagnosticCollectionName: 'osa',
        // Only a trusted workspace's configurations may name data files outside their folder, and only
        // there are links leading out of the workspace followed (packages/language/src/io/safe-read.ts).
        initializationOptions: () => ({ trusted: vscode.workspace.isTrusted })
    };
    client = new LanguageClient('osa', 'OSA Language Server', serverOptions, clientOptions);

    context.subscriptions.push(
        vscode.commands.registerCommand(COMMANDS.validateWorkspace, () => validateWorkspace(output)),
        vscode.commands.registerCommand(COMMANDS.showRuleDocumentation, (ruleId?: unknown) => showRuleDocumentation(context, ruleId)),
        vscode.commands.registerCommand(COMMANDS.restartServer, () => restartServer(output)),
        vscode.commands.registerCommand(COMMANDS.openComplianceReport, (resource?: unknown) => openComplianceReport(resource))
    );

    // Granting trust widens what the server may read: start it again with the new setting.
    context.subscriptions.push(vscode.workspace.onDidGrantWorkspaceTrust(() => restartServer(output)));

    await client.start();
    // Read by the end-to-end test and useful in bug reports: how long activation took on this machine.
    output.info(vscode.l10n.t('OSA extension {0} activated in {1} ms (language server ready; VS Code {2}, Node {3}, workspace trusted: {4})',
        String(context.extension.packageJSON.version), Date.now() - started, vscode.version, process.version, String(vscode.workspace.isTrusted)));
    return { client };
}

export async function deactivate(): Promise<void> {
    if (client?.state === State.Running || client?.state === State.Starting) {
        await client.stop();
    }
    client = undefined;
}

/** "OSA: Validate Workspace": the server validates every file, closed ones included. */
async function validateWorkspace(output: vscode.LogOutputChannel): Promise<number | undefined> {
    if (!client || client.state !== State.Running) {
        void vscode.window.showWarningMessage(vscode.l10n.t('OSA: the language server is not running; run "OSA: Restart Language Server".'));
        return undefined;
    }
    const running = client;
    const started = Date.now();
    const result = await vscode.window.withProgress(
        { location: vscode.ProgressLocation.Notification, title: vscode.l10n.t('OSA: validating every file of the workspace…') },
        () => running.sendRequest(ExecuteCommandRequest.type, { command: SERVER_VALIDATE_WORKSPACE, arguments: [] })
    ) as { validated?: number } | undefined;
    const count = result?.validated ?? 0;
    output.info(vscode.l10n.t('Validated {0} file(s) in {1} ms', count, Date.now() - started));
    const done = count === 1
        ? vscode.l10n.t('OSA: validated 1 file. The findings are in the Problems panel.')
        : vscode.l10n.t('OSA: validated {0} files. The findings are in the Problems panel.', count);
    void vscode.window.showInformationMessage(done, vscode.l10n.t('Show Problems'))
        .then(choice => choice ? vscode.commands.executeCommand('workbench.actions.view.problems') : undefined);
    return count;
}

/**
 * "OSA: Open Compliance Report": for the file given (explorer or editor menu), else the active OSA file,
 * else the whole workspace.
 */
async function openComplianceReport(resource?: unknown): Promise<void> {
    const active = vscode.window.activeTextEditor?.document;
    const uri = resource instanceof vscode.Uri ? resource : active?.languageId === 'osa' ? active.uri : undefined;
    await ComplianceReportPanel.open(() => client, uri);
}

async function restartServer(output: vscode.LogOutputChannel): Promise<void> {
    if (!client) {
        return;
    }
    output.info(vscode.l10n.t('Restarting the OSA language server'));
    if (client.state === State.Stopped) {
        await client.start();
    } else {
        await client.restart();
    }
    void vscode.window.setStatusBarMessage(vscode.l10n.t('OSA: language server restarted'), 3000);
}

function readRules(context: vscode.ExtensionContext): RuleInfo[] {
    return JSON.parse(fs.readFileSync(context.asAbsolutePath(path.join('dist', 'rules.json')), 'utf-8')) as RuleInfo[];
}

/** Rule ids of the OSA diagnostics under the cursor of the active editor, to offer first. */
function rulesAtCursor(): string[] {
    const editor = vscode.window.activeTextEditor;
    if (!editor || editor.document.languageId !== 'osa') {
        return [];
    }
    const position = editor.selection.active;
    return vscode.languages.getDiagnostics(editor.document.uri)
        .filter(d => d.range.contains(position))
        .map(d => String(typeof d.code === 'object' ? d.code.value : d.code))
        .filter(code => /^OSA\d{3}$/.test(code));
}

/**
 * The language of the rule list and pages: the `osa.locale` setting the server follows, else VS Code's display
 * language (what the server falls back to as well).
 */
function docsLocale(): 'en' | 'ja' {
    const chosen = vscode.workspace.getConfiguration('osa').get<string>('locale', '');
    const tag = chosen || vscode.env.language;
    return /^ja\b/i.test(tag) ? 'ja' : 'en';
}

function severityLabel(severity: RuleInfo['severity']): string {
    switch (severity) {
        case 'error': return vscode.l10n.t('error');
        case 'warning': return vscode.l10n.t('warning');
        default: return vscode.l10n.t('info');
    }
}

/**
 * "OSA: Show Rule Documentation": pick a rule (those under the cursor first) and read its page,
 * bundled with the extension and shown in the Markdown preview, or online with the item's button.
 */
async function showRuleDocumentation(context: vscode.ExtensionContext, ruleId?: unknown): Promise<void> {
    const rules = readRules(context);
    const locale = docsLocale();
    const online = { iconPath: new vscode.ThemeIcon('link-external'), tooltip: vscode.l10n.t('Open the page on GitHub') };
    let rule = typeof ruleId === 'string' ? rules.find(r => r.id === ruleId) : undefined;
    let openOnline = false;
    if (!rule) {
        const first = new Set(rulesAtCursor());
        const items = [...rules]
            .sort((a, b) => Number(first.has(b.id)) - Number(first.has(a.id)))
            .map(r => ({
                label: r.id,
                description: `${r.name} · ${severityLabel(r.severity)} · ${r.clause}${first.has(r.id) ? vscode.l10n.t(' · at the cursor') : ''}`,
                detail: locale === 'ja' && r.ja ? r.ja.summary : r.summary,
                buttons: [online],
                rule: r
            }));
        const picked = await new Promise<{ rule: RuleInfo; online: boolean } | undefined>(resolve => {
            const pick = vscode.window.createQuickPick<(typeof items)[number]>();
            pick.title = vscode.l10n.t('OSA rules');
            pick.placeholder = vscode.l10n.t('Type a rule id, name or clause (e.g. OSA402, disclosure, §3(3))');
            pick.matchOnDescription = true;
            pick.matchOnDetail = true;
            pick.items = items;
            let done = false;
            const finish = (value: { rule: RuleInfo; online: boolean } | undefined) => {
                if (!done) {
                    done = true;
                    resolve(value);
                    pick.dispose();
                }
            };
            pick.onDidAccept(() => finish(pick.selectedItems[0] ? { rule: pick.selectedItems[0].rule, online: false } : undefined));
            pick.onDidTriggerItemButton(event => finish({ rule: event.item.rule, online: true }));
            pick.onDidHide(() => finish(undefined));
            pick.show();
        });
        rule = picked?.rule;
        openOnline = picked?.online ?? false;
    }
    if (!rule) {
        return;
    }
    // The Japanese page when the extension speaks Japanese and the page is bundled, else the English one.
    const japanese = vscode.Uri.file(context.asAbsolutePath(path.join('docs', 'rules', 'ja', `${rule.id}.md`)));
    const useJapanese = locale === 'ja' && fs.existsSync(japanese.fsPath);
    const bundled = useJapanese ? japanese : vscode.Uri.file(context.asAbsolutePath(path.join('docs', 'rules', `${rule.id}.md`)));
    if (!openOnline && fs.existsSync(bundled.fsPath)) {
        await vscode.commands.executeCommand('markdown.showPreview', bundled);
    } else {
        await vscode.env.openExternal(vscode.Uri.parse(useJapanese && rule.ja ? rule.ja.docs : rule.docs));
    }
}
