import type { ReportedDiagnostic } from '@osa-policy/language';
import type { Formatter } from './format.js';
import { displayPath, summarize } from './summary.js';

/**
 * The JSON contract: 1-based lines and columns; `syntax` for the language's own errors; suppressed
 * findings listed with their reason and the comment's location.
 */
export const formatJson: Formatter = (run, context) => {
    const diagnostic = (d: ReportedDiagnostic) => ({
        rule: d.rule, severity: d.severity, message: d.message, ...(d.messageId ? { messageId: d.messageId } : {}), clause: d.clause, range: d.range,
        ...(d.related ? { related: d.related.map(x => ({ ...x, path: displayPath(x.path, context.cwd) })) } : {})
    });
    const output = {
        version: context.version,
        files: run.reports.map(r => ({
            path: displayPath(r.path, context.cwd),
            diagnostics: r.diagnostics.map(diagnostic),
            suppressed: r.suppressed.map(s => ({ ...diagnostic(s), suppression: s.suppression }))
        })),
        errors: run.problems.map(p => ({ path: displayPath(p.path, context.cwd), message: p.message })),
        summary: { ...summarize(run.reports), suppressed: run.reports.reduce((n, r) => n + r.suppressed.length, 0) }
    };
    return JSON.stringify(output, null, 2) + '\n';
};
