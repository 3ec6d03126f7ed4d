/**
 * The `osa/complianceReport` request: the compliance report (matrix, disclosure sheets, portfolio) of one
 * file or of the whole workspace, computed by the server from the documents it holds (open editors'
 * unsaved text included) with the same rules, configuration and suppressions as the Problems panel. The
 * answer is the JSON contract of `osa report --format json` (docs/schemas/report.schema.json), with
 * absolute paths so that any LSP client can open the evidence.
 */
import { DocumentState, URI, type LangiumDocument } from 'langium';
import type { LangiumSharedServices } from 'langium/lsp';
import type { CancellationToken } from 'vscode-languageserver';
import { ConfigError } from '../config/config.js';
import { byPosition, toReportedDiagnostic, toSuppressedDiagnostic } from '../engine/reported-diagnostics.js';
import type { FileReport, InputProblem } from '../engine/report.js';
import { localize } from '../i18n/localize.js';
import { msg } from '../i18n/message.js';
import { reportDocument, type ReportDocument } from '../report/document.js';
import { buildComplianceReport } from '../report/model.js';
import { recordDocument } from '../report/records.js';
import type { OsaLspServices } from './osa-lsp-module.js';
import { compareCodePoints } from '../util/order.js';

export const COMPLIANCE_REPORT_REQUEST = 'osa/complianceReport';

export interface ComplianceReportParams {
    /** A document's URI; absent: every `.osa` document of the workspace. */
    uri?: string;
}

export class ComplianceReporter {
    constructor(private readonly shared: LangiumSharedServices, private readonly osa: () => OsaLspServices, private readonly version: string) { }

    async report(params: ComplianceReportParams | undefined, cancelToken?: CancellationToken): Promise<ReportDocument> {
        const workspace = this.shared.workspace;
        await workspace.WorkspaceManager.ready;
        // Waits for the edits already received to be built, so the report reflects the text the client sent.
        await workspace.WorkspaceLock.read(() => undefined);
        const extensions = new Set(this.osa().LanguageMetaData.fileExtensions);
        const wanted = typeof params?.uri === 'string' ? [URI.parse(params.uri)] : undefined;
        const documents: LangiumDocument[] = wanted
            ? await Promise.all(wanted.map(uri => workspace.LangiumDocuments.getOrCreateDocument(uri)))
            : [...workspace.LangiumDocuments.all].filter(d => extensions.has(d.uri.path.slice(d.uri.path.lastIndexOf('.'))));
        // Closed files are not validated in the `openFiles` scope: check those the report covers.
        const unchecked = documents.filter(d => d.state < DocumentState.Validated || d.diagnostics === undefined);
        if (unchecked.length > 0) {
            await workspace.DocumentBuilder.build(unchecked, { validation: true }, cancelToken);
        }
        const configs = this.osa().osa.Config;
        const validator = this.osa().validation.DocumentValidator;
        const reports: FileReport[] = [];
        const problems: InputProblem[] = [];
        for (const document of documents) {
            const file = document.uri.fsPath;
            try {
                const config = configs.configFor(file);
                if (config.isFileIgnored(file)) {
                    continue;
                }
                reports.push({
                    path: file,
                    records: recordDocument(document, configs.referenceFor(config)),
                    diagnostics: (document.diagnostics ?? []).map(toReportedDiagnostic).sort(byPosition),
                    suppressed: validator.suppressedFindings(document).map(toSuppressedDiagnostic).sort(byPosition)
                });
            } catch (error) {
                if (!(error instanceof ConfigError)) {
                    throw error;
                }
                problems.push({ path: file, message: localize(msg('report.configInvalid', { message: error.messageIn(this.osa().osa.Localizer.locale) }), this.osa().osa.Localizer.locale) });
            }
        }
        reports.sort((a, b) => compareCodePoints(a.path, b.path));
        // In the server's locale: the findings are already rendered in it; the model's labels follow.
        return reportDocument(buildComplianceReport({ reports, problems }, this.osa().osa.RuleRunner.rules, { locale: this.osa().osa.Localizer.locale }), this.version);
    }
}
