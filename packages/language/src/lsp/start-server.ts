import { URI } from 'langium';
import { startLanguageServer } from 'langium/lsp';
import type { Connection, InitializeParams } from 'vscode-languageserver';
import { OsaFileSystem, OsaFileSystemProvider } from '../io/osa-file-system.js';
import type { Locale } from '../i18n/locale.js';
import { ALL_RULES } from '../rules/index.js';
import { programmeRule } from '../rules/rule.js';
import { ComplianceReporter, COMPLIANCE_REPORT_REQUEST, type ComplianceReportParams } from './compliance-report.js';
import { neutraliseOutgoingDiagnostics } from './diagnostic-text.js';
import { createOsaLspServices } from './osa-lsp-module.js';

/**
 * Fault injection for tests only: with OSA_FAULT_INJECTION=throwing-rule the server also runs a rule
 * that throws on every programme, to prove that a broken rule costs one diagnostic, not the server.
 */
const THROWING_RULE = programmeRule({
    id: 'OSA999', name: 'fault-injection', family: 'recipient', severity: 'error', clause: 'test',
    summary: 'Throws on purpose (OSA_FAULT_INJECTION=throwing-rule).',
    check() {
        throw new Error('injected fault');
    }
});

/**
 * Starts the OSA language server on an existing connection (stdio, IPC, ...). `version` is the tool's
 * version as the compliance report names it (the CLI's, or the extension's). `options.locale` is the
 * default locale (`osa lsp --locale`, else the environment's); the client's `initialize` may override it.
 */
export function startOsaLanguageServer(connection: Connection, version = '0.0.0', options: { locale?: Locale } = {}): void {
    neutraliseOutgoingDiagnostics(connection);
    const rules = process.env.OSA_FAULT_INJECTION === 'throwing-rule' ? [THROWING_RULE, ...ALL_RULES] : ALL_RULES;
    const { shared, Osa } = createOsaLspServices({ connection, ...OsaFileSystem }, { rules, ...options });
    shared.lsp.LanguageServer.onInitialize(params => {
        const trusted = isTrusted(params);
        Osa.osa.Config.trusted = trusted;
        const files = shared.workspace.FileSystemProvider as OsaFileSystemProvider;
        Osa.osaLsp.WorkspaceDiagnostics.setEditorLocale(params.locale);
        files.within = trusted ? 'anywhere' : (params.workspaceFolders ?? []).map(folder => URI.parse(folder.uri).fsPath);
    });
    const reporter = new ComplianceReporter(shared, () => Osa, version);
    connection.onRequest(COMPLIANCE_REPORT_REQUEST, (params: ComplianceReportParams | undefined, token) => reporter.report(params, token));
    startLanguageServer(shared);
}

/**
 * The server cannot know whether the user trusts the workspace: the client says so in
 * `initializationOptions.trusted` (the VS Code extension passes workspace trust). Anything else,
 * a missing option included, is untrusted: nothing outside the workspace is read.
 */
function isTrusted(params: InitializeParams): boolean {
    const options = params.initializationOptions as { trusted?: unknown } | undefined;
    return options?.trusted === true;
}
