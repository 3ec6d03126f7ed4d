/**
 * A code lens above each programme with its status: "✓ complies with all 31 rules" when the checks
 * found nothing inside the programme, "✓ complies with all 31 rules · 1 info" when they found only
 * information, else the counts by severity ("2 errors · 1 warning"). It counts the document's current
 * diagnostics (`document.diagnostics`, after validation and suppressions) whose start lies inside
 * the programme: rule findings, the language's own errors and misused suppressions alike.
 *
 * The lens's command is `osa.showProgrammeFindings` with the document URI and the programme id; it
 * returns the programme's findings (the server registers it in commands.ts), for a client to list.
 *
 * Lenses must follow the diagnostics: a request that arrives before the document is validated waits
 * for the validation (or gives up with "content modified" when a document changes meanwhile), and
 * clients that support it are asked to refresh their lenses after each validation of open documents,
 * since a change in another file (a budget envelope, a duplicate id) can change a programme's findings.
 */
import { DocumentState, type Disposable, type LangiumDocument } from 'langium';
import type { CodeLensProvider } from 'langium/lsp';
import {
    CodeLensRefreshRequest, DiagnosticSeverity, LSPErrorCodes, ResponseError,
    type CancellationToken, type CodeLens, type CodeLensParams, type Diagnostic, type Range
} from 'vscode-languageserver';
import { isProgramme, type Model } from '../generated/ast.js';
import { ALL_RULES } from '../rules/index.js';
import type { OsaLspServices } from './osa-lsp-module.js';
import { DEFAULT_LOCALE, type Locale } from '../i18n/index.js';
import { sayer } from './editor-text.js';

export const SHOW_PROGRAMME_FINDINGS_COMMAND = 'osa.showProgrammeFindings';

/**
 * Longest wait for a validation in progress before answering "content modified". While a request
 * waits, the server starts no new build (Langium's workspace lock), so the wait stays short.
 */
const VALIDATION_WAIT_MS = 3_000;

export class OsaCodeLensProvider implements CodeLensProvider {
    private refreshSupported = false;
    private refreshPending = false;

    constructor(protected readonly services: OsaLspServices) {
        const shared = services.shared;
        if (shared.lsp.Connection) {
            shared.lsp.LanguageServer.onInitialize(params => {
                this.refreshSupported = params.capabilities.workspace?.codeLens?.refreshSupport === true;
            });
            shared.workspace.DocumentBuilder.onBuildPhase(DocumentState.Validated, documents => {
                const open = new Set(shared.workspace.TextDocuments.all().map(d => d.uri));
                if (documents.some(d => open.has(d.uri.toString()))) {
                    this.requestRefresh();
                }
            });
        }
    }

    async provideCodeLens(document: LangiumDocument, _params: CodeLensParams, cancelToken?: CancellationToken): Promise<CodeLens[] | undefined> {
        if (document.state < DocumentState.Validated && !(await this.validated(document, cancelToken))) {
            throw new ResponseError(LSPErrorCodes.ContentModified, sayer(this.services.osa.Localizer.locale)('lens.contentModified'));
        }
        const diagnostics = document.diagnostics ?? [];
        const lenses: CodeLens[] = [];
        for (const element of (document.parseResult.value as Model).elements ?? []) {
            const cst = element.$cstNode;
            if (!isProgramme(element) || !cst || !element.name) {
                continue;
            }
            const findings = diagnostics.filter(d => contains(cst.range, d.range));
            const lensRange = { start: cst.range.start, end: cst.range.start };
            lenses.push({
                range: lensRange,
                command: {
                    title: lensTitle(findings, undefined, this.services.osa.Localizer.locale),
                    command: SHOW_PROGRAMME_FINDINGS_COMMAND,
                    arguments: [document.uri.toString(), element.name]
                }
            });
        }
        return lenses;
    }

    /** Waits until the document is validated; false when it changed, the request was cancelled or it took too long. */
    protected validated(document: LangiumDocument, cancelToken?: CancellationToken): Promise<boolean> {
        const uri = document.uri.toString();
        const shared = this.services.shared;
        return new Promise(resolve => {
            const disposables: Disposable[] = [];
            let done = false;
            const finish = (result: boolean) => {
                if (done) {
                    return;
                }
                done = true;
                disposables.forEach(d => d.dispose());
                clearTimeout(timer);
                resolve(result);
            };
            // Waiting must never block the build that would end it: a change or a timeout releases the request.
            const timer = setTimeout(() => finish(document.state >= DocumentState.Validated), VALIDATION_WAIT_MS);
            disposables.push(shared.workspace.DocumentBuilder.onDocumentPhase(DocumentState.Validated, d => {
                if (d.uri.toString() === uri) {
                    finish(true);
                }
            }));
            // Any edit queues a new build, which would wait for this request: give up and let the client ask again.
            disposables.push(shared.workspace.TextDocuments.onDidChangeContent(() => finish(false)));
            if (cancelToken) {
                disposables.push(cancelToken.onCancellationRequested(() => finish(false)));
            }
            if (document.state >= DocumentState.Validated) {
                finish(true);
            }
        });
    }

    private requestRefresh(): void {
        if (!this.refreshSupported || this.refreshPending) {
            return;
        }
        this.refreshPending = true;
        setTimeout(() => {
            this.refreshPending = false;
            this.services.shared.lsp.Connection?.sendRequest(CodeLensRefreshRequest.type).catch(() => undefined);
        }, 50);
    }
}

/**
 * A programme's status line, shared by the code lens and the hover: "✓ complies with all 31 rules",
 * "✓ complies with all 31 rules · 1 info" or "2 errors · 1 warning · 1 info". When the configuration
 * turns rules off, the compliance claim names only the rules that ran.
 */
export function lensTitle(findings: readonly Pick<Diagnostic, 'severity'>[], rules: { active: number; off: number } = { active: ALL_RULES.length, off: 0 }, locale: Locale = DEFAULT_LOCALE): string {
    const say = sayer(locale);
    const count = (severity: DiagnosticSeverity) => findings.filter(d => (d.severity ?? DiagnosticSeverity.Error) === severity).length;
    const errors = count(DiagnosticSeverity.Error);
    const warnings = count(DiagnosticSeverity.Warning);
    const infos = count(DiagnosticSeverity.Information);
    const parts = [
        errors > 0 ? say(errors === 1 ? 'lens.errors.one' : 'lens.errors.other', { count: errors }) : undefined,
        warnings > 0 ? say(warnings === 1 ? 'lens.warnings.one' : 'lens.warnings.other', { count: warnings }) : undefined,
        infos > 0 ? say(infos === 1 ? 'lens.infos.one' : 'lens.infos.other', { count: infos }) : undefined
    ].filter((p): p is string => p !== undefined);
    if (errors === 0 && warnings === 0) {
        const complies = rules.off > 0 ? say('lens.compliesActive', { active: rules.active, off: rules.off }) : say('lens.complies', { active: rules.active });
        return [complies, ...parts].join(' · ');
    }
    return parts.join(' · ');
}

function contains(outer: Range, inner: Range): boolean {
    const before = (a: Range['start'], b: Range['start']) => a.line < b.line || (a.line === b.line && a.character <= b.character);
    return before(outer.start, inner.start) && before(inner.start, outer.end);
}
