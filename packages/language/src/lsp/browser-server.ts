/**
 * The OSA language server in a browser Web Worker (the playground): the same services as the Node
 * server (createOsaLspServices: rules, reference data, configuration model, editor features), with the
 * workspace held in memory. `.osa` files arrive as open documents (didOpen/didChange, the tabs); other
 * files, osa.config.json above all, through OSA_WRITE_FILE, followed by the standard
 * didChangeWatchedFiles so the configuration reloads exactly as it does in VS Code. `osa/complianceReport`
 * answers with the report of `osa report --format json`, as the Node server does.
 *
 * The configuration model reads files through io/node-host.ts; the playground's bundler replaces that
 * module by io/memory-host.ts. Started without that swap, this server would read the disk while the
 * client writes to memory, so it refuses to start.
 */
import '../node-compat.js';
import { EmptyFileSystem, URI } from 'langium';
import { startLanguageServer } from 'langium/lsp';
import type { Connection } from 'vscode-languageserver';
import { hostFiles } from '../io/node-host.js';
import { hostFiles as memoryHostFiles, memoryFiles } from '../io/memory-host.js';
import { isLocale } from '../i18n/locale.js';
import { ComplianceReporter, COMPLIANCE_REPORT_REQUEST, type ComplianceReportParams } from './compliance-report.js';
import { neutraliseOutgoingDiagnostics } from './diagnostic-text.js';
import { createOsaLspServices, type OsaLspServices } from './osa-lsp-module.js';

/** `{ uri, text }` writes a workspace file that is not an open `.osa` document; `text: null` deletes it. */
export const OSA_WRITE_FILE = 'osa/writeFile';
/** `{ locale }`: the locale of every message ('en' | 'ja'); the workspace is revalidated in it. */
export const OSA_SET_LOCALE = 'osa/setLocale';
/** Largest file the client may write (osa.config.json and data files are read with smaller limits). */
export const MAX_WRITTEN_CHARS = 8 * 1024 * 1024;

export interface WriteFileParams {
    uri: string;
    text: string | null;
}

/** `version` is the tool's version as the compliance report names it. */
export function startOsaBrowserServer(connection: Connection, version = '0.0.0'): OsaLspServices {
    if (hostFiles !== memoryHostFiles) {
        throw new Error('startOsaBrowserServer needs the in-memory workspace: bundle io/node-host.js replaced by io/memory-host.js (see packages/playground/vite.config.ts)');
    }
    neutraliseOutgoingDiagnostics(connection);
    const { shared, Osa } = createOsaLspServices({ connection, ...EmptyFileSystem });
    connection.onNotification(OSA_WRITE_FILE, (params: WriteFileParams) => {
        if (typeof params?.uri !== 'string' || !(params.text === null || typeof params.text === 'string') || (params.text?.length ?? 0) > MAX_WRITTEN_CHARS) {
            return;
        }
        const file = URI.parse(params.uri).path;
        if (params.text === null) {
            memoryFiles.delete(file);
        } else {
            memoryFiles.set(file, params.text);
        }
    });
    connection.onNotification(OSA_SET_LOCALE, async (params: { locale?: unknown }) => {
        if (isLocale(params?.locale) && params.locale !== Osa.osa.Localizer.locale) {
            Osa.osa.Localizer.locale = params.locale;
            await Osa.osaLsp.WorkspaceDiagnostics.validateAll();
        }
    });
    // The report of `osa report`, computed from the documents the server holds (as in the Node server).
    const reporter = new ComplianceReporter(shared, () => Osa, version);
    connection.onRequest(COMPLIANCE_REPORT_REQUEST, (params: ComplianceReportParams | undefined, token) => reporter.report(params, token));
    startLanguageServer(shared);
    return Osa;
}
