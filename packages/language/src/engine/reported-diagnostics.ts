/**
 * Diagnostics as reports carry them: rule id, severity, message, clause and 1-based ranges, sorted by
 * position. Shared by the CLI's batch checker and the server's `osa/complianceReport` (in Node and in
 * the browser playground), so both report the same findings in the same form. No file system here.
 */
import { URI } from 'langium';
import type { Diagnostic } from 'vscode-languageserver-types';
import { ruleById } from '../rules/index.js';
import { LANGUAGE_CODE } from '../validation/language-checks.js';
import type { SuppressedFinding } from '../validation/suppressions.js';
import type { Position1, ReportedDiagnostic, Severity, SuppressedDiagnostic } from './report.js';
import { compareCodePoints } from '../util/order.js';

function severityOf(diagnostic: Diagnostic): Severity {
    switch (diagnostic.severity) {
        case 1: return 'error';
        case 2: return 'warning';
        default: return 'info';
    }
}

function toPosition1(position: { line: number; character: number }): Position1 {
    return { line: position.line + 1, column: position.character + 1 };
}

export function toReportedDiagnostic(diagnostic: Diagnostic): ReportedDiagnostic {
    const code = typeof diagnostic.code === 'string' ? diagnostic.code : undefined;
    const rule = code ? ruleById(code) : undefined;
    const reported: ReportedDiagnostic = {
        rule: rule?.id ?? (code === 'suppression' ? 'suppression' : LANGUAGE_CODE),
        severity: severityOf(diagnostic),
        message: typeof diagnostic.message === 'string' ? diagnostic.message : (diagnostic.message as { value: string }).value,
        clause: rule?.clause ?? null,
        range: { start: toPosition1(diagnostic.range.start), end: toPosition1(diagnostic.range.end) }
    };
    const messageId = (diagnostic.data as { messageId?: unknown } | undefined)?.messageId;
    if (typeof messageId === 'string') {
        reported.messageId = messageId;
    }
    if (diagnostic.relatedInformation?.length) {
        reported.related = diagnostic.relatedInformation.map(r => ({
            path: URI.parse(r.location.uri).fsPath,
            range: { start: toPosition1(r.location.range.start), end: toPosition1(r.location.range.end) },
            message: r.message
        }));
    }
    return reported;
}

/** A finding a suppression comment silenced, with the comment (the audit trail). */
export function toSuppressedDiagnostic(finding: SuppressedFinding): SuppressedDiagnostic {
    return {
        ...toReportedDiagnostic(finding.diagnostic),
        suppression: {
            kind: finding.directive.kind,
            reason: finding.directive.reason,
            range: { start: toPosition1(finding.directive.range.start), end: toPosition1(finding.directive.range.end) }
        }
    };
}

export function byPosition(a: ReportedDiagnostic, b: ReportedDiagnostic): number {
    return a.range.start.line - b.range.start.line || a.range.start.column - b.range.start.column
        || a.range.end.line - b.range.end.line || a.range.end.column - b.range.end.column
        || compareCodePoints(a.rule, b.rule) || compareCodePoints(a.message, b.message);
}

